import type { Db } from './db/open';

/** What every service receives: plain values, never windows or dialogs. */
export interface Ctx {
  db: Db;
  dataFile: string;
  appVersion: string;
  /** Injected so tests can fix the time. */
  now: () => Date;
}

export const isoNow = (ctx: Ctx) => ctx.now().toISOString();

/** Today's date on this machine's clock (local time, as a meeting room reads it), ISO. */
export function localToday(ctx: Ctx): string {
  const d = ctx.now();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
