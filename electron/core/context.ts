import type { ChosenFiles } from './backup/chosenFiles';
import type { LanHost } from './lan/host';
import type { Caller } from './router';
import { localIsoDate } from '../../shared/domain/chineseText';
import type { Db } from './db/open';
import type { DatabaseSlot } from './db/slot';
import type { ReadDb } from './db/sql';

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
  /** The shared minutes documents (electron/core/minutesSync), as services reach them. */
  minutesDocs: MinutesDocsPort;
  /** 会场互联 (electron/core/lan/host.ts). */
  lan: LanHost;
  /** Files from outside the app, which pages name by handle only (backup/chosenFiles.ts). */
  files: ChosenFiles;
  /** Who makes this call: absent for the secretary's own windows, a device of the room otherwise. */
  readonly caller?: Caller;
}

/** What a service may ask of the shared minutes. */
export interface MinutesDocsPort {
  /** A speaker took the floor: the core writes their header into the minutes, in the same call. */
  speakerStarted(meetingId: number): void;
  /** A written opinion from a phone goes into the minutes as a marked suggestion, in the same call. */
  opinionHandedIn(meetingId: number, opinion: { markId: string; author: string; text: string }): void;
  /**
   * A speech's times were entered or corrected afterwards: its header shows the new start, or,
   * if it has none, gets one among the others in the order of their start, in the same call.
   */
  timesRecorded(meetingId: number, speechId: number): void;
  /** A start was taken back: its header goes. */
  speechUndone(meetingId: number, speechId: number): void;
  /** A whole document applied as one change every window receives (a restored revision); the current state is kept first. */
  replace(meetingId: number, json: string): void;
  /** The minutes row and marks brought up to date with the document now. */
  flush(meetingId?: number): void;
  /** The document's changes folded into one state (meeting end). */
  compact(meetingId: number): void;
  /** Every document closed, its windows told why (a restore replaces the file). */
  closeAll(reason: string): void;
}

/**
 * What a query receives: the same, with a connection that can only read (no `run`, `exec` or
 * transaction), so a query that writes fails to compile.
 */
export interface QueryCtx extends Omit<Ctx, 'db' | 'slot'> {
  readonly db: ReadDb;
  readonly slot: Readonly<
    Pick<DatabaseSlot, 'isOpen' | 'unavailable' | 'failure' | 'task' | 'progress' | 'warning' | 'file'>
  >;
}

export const isoNow = (ctx: QueryCtx) => ctx.now().toISOString();

/** Today's date on this machine's clock (local time, as a meeting room reads it), ISO. */
export const localToday = (ctx: QueryCtx): string => localIsoDate(ctx.now());
