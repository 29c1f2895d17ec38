import type { BrowserContext, Page } from 'playwright-core';

/**
 * Lets a test take a tab off the core's socket and put it back, as a flaky cable or a core that
 * is gone would: open sockets close, new ones are refused, until `cutSockets(page, false)`. The
 * browser's own offline mode leaves open WebSockets alone, so it cannot do this.
 */
export async function allowCuttingSockets(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.WebSocket;
    const open = new Set<WebSocket>();
    let cut = false;
    class Cuttable extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        // Port 9 (discard) refuses on loopback: the tab sees an ordinary failed connection.
        super(cut ? 'ws://127.0.0.1:9/cut' : url, protocols);
        open.add(this);
        this.addEventListener('close', () => open.delete(this));
      }
    }
    window.WebSocket = Cuttable;
    (window as unknown as { __cutSockets: (on: boolean) => void }).__cutSockets = (on) => {
      cut = on;
      if (on) for (const s of open) s.close();
    };
  });
}

export const cutSockets = (page: Page, on: boolean) =>
  page.evaluate((v) => (window as unknown as { __cutSockets: (on: boolean) => void }).__cutSockets(v), on);
