import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CallName, CallResult, Input, Output } from '../../shared/contract';
import type { Ctx } from './context';
import type { Db } from './db/open';
import { DatabaseSlot } from './db/slot';
import { startAutoBackup, type AutoBackup } from './backup/autoBackup';
import { EventHub } from './events';
import type { Handlers } from './handler';
import { createRouter, type Router } from './router';
import { appHandlers } from './services/app';
import { importHandlers } from './services/peopleImport';
import { agendaHandlers } from './services/agenda';
import { meetingHandlers } from './services/meetings';
import { participantHandlers } from './services/participants';
import { minutesHandlers } from './services/minutes';
import { documentHandlers } from './services/documents';
import { resolutionHandlers } from './services/resolutions';
import { followUpHandlers } from './services/followUp';
import { archiveHandlers } from './services/archive';
import { memberRecordHandlers } from './services/memberRecords';
import { backupHandlers } from './services/backup';
import { peopleHandlers } from './services/people';
import { planHandlers } from './services/plan';
import { queueHandlers } from './services/queue';
import { screenHandlers } from './services/screen';
import { settingsHandlers } from './services/settings';
import { topicHandlers } from './services/topics';
import { unitHandlers } from './services/units';
import { APP_VERSION } from './version';
import { MinutesDocs } from './minutesSync/docs';
import { REASON } from './minutesSync/reasons';

/** Every call of the contract must have its handler here: the type fails to check otherwise. */
const allHandlers: Handlers = {
  ...appHandlers,
  ...unitHandlers,
  ...peopleHandlers,
  ...importHandlers,
  ...settingsHandlers,
  ...topicHandlers,
  ...planHandlers,
  ...meetingHandlers,
  ...participantHandlers,
  ...agendaHandlers,
  ...queueHandlers,
  ...screenHandlers,
  ...minutesHandlers,
  ...resolutionHandlers,
  ...documentHandlers,
  ...followUpHandlers,
  ...archiveHandlers,
  ...memberRecordHandlers,
  ...backupHandlers,
};

export const DATA_FILE_NAME = 'bcsl.db';

export interface CoreOptions {
  /** The folder that holds the data file (Electron's userData, or serve's --data). */
  dataDir: string;
  validateOutput?: boolean;
  now?: () => Date;
}

export interface Core {
  call: Router;
  /** Typed call for code inside the core's process (tests, serve's --demo, the bench). */
  invoke<K extends CallName>(name: K, input: Input<K>): Promise<CallResult<Output<K>>>;
  events: EventHub;
  /** The open connection; throws the Chinese reason when the data file could not be opened. */
  readonly db: Db;
  /** The data file could not be opened (corrupt, too new): only health and backup calls work. */
  readonly unavailable: string | undefined;
  dataFile: string;
  /** Starts the daily automatic backups (the apps do, once their start-up data is in; tests take them by hand). */
  startAutoBackup(): AutoBackup;
  /** The services' context, for in-process tools (the archive generator, tests, the bench). */
  ctx: Ctx;
  /** The shared minutes documents: windows join them through a socket or a port. */
  minutesDocs: MinutesDocs;
  close(): void;
}

/**
 * Opens the data file and answers calls. A file that cannot be opened does not stop the core: it
 * starts without one, says why (`app.health`), and offers the backups, touching nothing.
 */
export function createCore({ dataDir, validateOutput = false, now = () => new Date() }: CoreOptions): Core {
  const dataFile = join(dataDir, DATA_FILE_NAME);
  const slot = new DatabaseSlot(dataFile);
  slot.open();
  const ctx: Ctx = {
    get db() {
      return slot.db;
    },
    slot,
    dataFile,
    appVersion: APP_VERSION,
    session: randomUUID(),
    now,
    minutesDocs: undefined as unknown as MinutesDocs,
  };
  const events = new EventHub();
  const minutesDocs = new MinutesDocs(
    () => ctx,
    () => events.emit({ topics: ['minutes'], call: 'minutes.projected' }),
  );
  ctx.minutesDocs = minutesDocs;
  const call = createRouter(allHandlers, ctx, events, { validateOutput });
  let backups: AutoBackup | undefined;
  return {
    call,
    invoke: (name, input) => call(name, input) as never,
    events,
    get db() {
      return slot.db;
    },
    get unavailable() {
      return slot.unavailable;
    },
    dataFile,
    ctx,
    minutesDocs,
    startAutoBackup: () => (backups ??= startAutoBackup(ctx)),
    close: () => {
      backups?.stop();
      if (slot.isOpen) minutesDocs.closeAll(REASON.stopping);
      slot.close();
    },
  };
}
