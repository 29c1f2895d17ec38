import type { BrowserContext, Page } from 'playwright-core';

/**
 * Lets a test take a tab off the core's socket and put it back, as a pulled cable or a core that
 * is gone would: open sockets close, new ones fail at once, until `cutSockets(page, false)`. The
 * browser's own offline mode leaves open WebSockets alone, and a socket to a dead port stays
 * "connecting" and holds up every other socket to that address, so neither can do this.
 */
export async function allowCuttingSockets(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.WebSocket;
    const open = new Set<WebSocket>();
    let cut = false;
    function Cuttable(url: string | URL, protocols?: string | string[]): WebSocket {
      if (cut) {
        // A socket that never opens: its close event comes a moment later, as a refused connection's does.
        const failed = {
          readyState: Native.CLOSED,
          binaryType: 'arraybuffer',
          onopen: null,
          onmessage: null,
          onerror: null,
          onclose: null as ((e: { code: number }) => void) | null,
          send() {},
          close() {},
          addEventListener() {},
          removeEventListener() {},
        };
        setTimeout(() => failed.onclose?.({ code: 1006 }), 50);
        return failed as unknown as WebSocket;
      }
      const socket = new Native(url, protocols);
      open.add(socket);
      socket.addEventListener('close', () => open.delete(socket));
      return socket;
    }
    Cuttable.prototype = Native.prototype;
    Object.assign(Cuttable, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
    window.WebSocket = Cuttable as unknown as typeof WebSocket;
    (window as unknown as { __cutSockets: (on: boolean) => void }).__cutSockets = (on) => {
      cut = on;
      if (on) for (const s of open) s.close();
    };
  });
}

export const cutSockets = (page: Page, on: boolean) =>
  page.evaluate((v) => (window as unknown as { __cutSockets: (on: boolean) => void }).__cutSockets(v), on);
