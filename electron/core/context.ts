import { localIsoDate } from '../../shared/domain/chineseText';
import type { Db } from './db/open';
import type { DatabaseSlot } from './db/slot';

/** What every service receives: plain values, never windows or dialogs. */
export interface Ctx {
  /** The open connection, read at call time (a restore swaps it); throws the Chinese reason when there is none. */
  readonly db: Db;
  /** The data file itself, for backup and restore. */
  slot: DatabaseSlot;
  dataFile: string;
  appVersion: string;
  /** Random per start of the core: tells this run's saves from an earlier run's (crash notice). */
  session: string;
  /** Injected so tests can fix the time. */
  now: () => Date;
}

export const isoNow = (ctx: Ctx) => ctx.now().toISOString();

/** Today's date on this machine's clock (local time, as a meeting room reads it), ISO. */
export const localToday = (ctx: Ctx): string => localIsoDate(ctx.now());
