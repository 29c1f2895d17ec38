import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, openAppIn, startServe, type Served } from './serve';

/** One served app in one tab, for a whole test file. Read it in tests and hooks, once the file has started. */
export interface ServedApp {
  readonly served: Served;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
}

/**
 * Registers the file's set-up and tear-down of a served app (beforeAll and afterAll): the server
 * on a fresh data directory (with the demo data if asked), Chromium, and one tab opened on `hash`;
 * afterwards the tab's context, Chromium and the server are closed. `hash` may be a function that
 * prepares data through the server's API first and says where to open. A beforeAll registered
 * after this call runs once the tab is open; an afterAll, before it closes.
 */
export function withServedApp({
  demo = false,
  hash,
}: {
  demo?: boolean;
  hash: string | ((served: Served) => Promise<string>);
}): ServedApp {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let opened: { context: BrowserContext; page: Page } | undefined;
  beforeAll(async () => {
    served = await startServe({ demo });
    browser = await launchBrowser();
    opened = await openAppIn(browser, served, typeof hash === 'string' ? hash : await hash(served));
  });
  afterAll(async () => {
    await opened?.context.close();
    await browser?.close();
    await served?.stop();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`withServedApp: ${name} is not there yet (read it in a test or hook)`);
    return value;
  };
  return {
    get served() {
      return ready(served, 'served');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get context() {
      return ready(opened, 'context').context;
    },
    get page() {
      return ready(opened, 'page').page;
    },
  };
}
