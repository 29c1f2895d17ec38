import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CallName, CallResult, Input, Output } from '../../shared/contract';
import type { Ctx } from './context';
import type { Db } from './db/open';
import { DatabaseSlot } from './db/slot';
import { tightenExisting } from './db/privateFiles';
import { backupFolder } from './backup/files';
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
import { summaryHandlers } from './services/summary';
import { resolutionHandlers } from './services/resolutions';
import { followUpHandlers } from './services/followUp';
import { archiveHandlers } from './services/archive';
import { memberRecordHandlers } from './services/memberRecords';
import { backupHandlers, backupToChosenFile } from './services/backup';
import { packageHandlers } from './services/packages';
import { ChosenFiles } from './backup/chosenFiles';
import { copyPackageTo } from './transfer/savePackage';
import { AppError } from './errors';
import type { BackupFile } from '../../shared/contract/backup';
import { peopleHandlers } from './services/people';
import { planHandlers } from './services/plan';
import { queueHandlers } from './services/queue';
import { screenHandlers } from './services/screen';
import { settingsHandlers } from './services/settings';
import { topicHandlers } from './services/topics';
import { topicBackfillHandlers } from './services/topicBackfill';
import { meetingHeldHandlers } from './services/meetingHeld';
import { unitHandlers } from './services/units';
import { APP_VERSION } from './version';
import { MinutesDocs } from './minutesSync/docs';
import { REASON } from './minutesSync/reasons';
import { networkInterfaces } from 'node:os';
import { lanAddresses } from './lan/addresses';
import { LanHost } from './lan/host';
import { lanHandlers } from './services/lan';

/** What the trusted side asks outside the contract, answered as a call is: a value or the Chinese refusal. */
async function trustedSide<T>(what: string, work: () => Promise<T>): Promise<CallResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toCallError() };
    console.error(`[${what}]`, e);
    return { ok: false, error: { code: 'internal', message: '操作未能完成，数据未做改动' } };
  }
}

/** Every call of the contract must have its handler here: the type fails to check otherwise. */
const allHandlers: Handlers = {
  ...appHandlers,
  ...unitHandlers,
  ...peopleHandlers,
  ...importHandlers,
  ...settingsHandlers,
  ...topicHandlers,
  ...topicBackfillHandlers,
  ...planHandlers,
  ...meetingHandlers,
  ...meetingHeldHandlers,
  ...participantHandlers,
  ...agendaHandlers,
  ...queueHandlers,
  ...screenHandlers,
  ...minutesHandlers,
  ...resolutionHandlers,
  ...documentHandlers,
  ...summaryHandlers,
  ...followUpHandlers,
  ...archiveHandlers,
  ...memberRecordHandlers,
  ...backupHandlers,
  ...packageHandlers,
  ...lanHandlers,
};

export const DATA_FILE_NAME = 'bcsl.db';

export interface CoreOptions {
  /** The folder that holds the data file (Electron's userData, or serve's --data). */
  dataDir: string;
  validateOutput?: boolean;
  now?: () => Date;
  /** 会场互联: where the room's devices reach the core (defaults: the laptop's private addresses, port 39270). */
  lan?: { addresses?: () => string[]; port?: number; staticDir?: string };
}

/** The port 会场互联 listens on unless told otherwise: one number for the firewall's question. */
export const LAN_PORT = 39270;

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
  /** 会场互联 (lan/host.ts). */
  lan: LanHost;
  /** Files from outside the app: a native dialog's choice or a browser's upload, named to pages by handle. */
  files: ChosenFiles;
  /** A backup written to a path the desktop app's save dialog gave (the trusted side: no call takes a path). */
  backupTo(path: string): Promise<CallResult<BackupFile>>;
  /** A 会议包 of the packages folder copied to a path the desktop's save dialog gave (the trusted side). */
  copyPackageTo(name: string, path: string): Promise<CallResult<string>>;
  close(): void;
}

/**
 * Opens the data file and answers calls. A file that cannot be opened does not stop the core: it
 * starts without one, says why (`app.health`), and offers the backups, touching nothing.
 */
export function createCore({ dataDir, validateOutput = false, now = () => new Date(), lan = {} }: CoreOptions): Core {
  const dataFile = join(dataDir, DATA_FILE_NAME);
  // Members' phone numbers: readable by this account only, also what an older version left readable.
  tightenExisting(dataFile, backupFolder(dataFile));
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
    lan: undefined as unknown as LanHost,
    files: new ChosenFiles(join(dataDir, 'uploads')),
  };
  const events = new EventHub();
  const minutesDocs = new MinutesDocs(
    () => ctx,
    () => events.emit({ topics: ['minutes'], call: 'minutes.projected' }),
  );
  ctx.minutesDocs = minutesDocs;
  const call = createRouter(allHandlers, ctx, events, { validateOutput });
  ctx.lan = new LanHost(
    { ctx: () => ctx, call, events, minutesDocs },
    {
      addresses: lan.addresses ?? (() => lanAddresses(networkInterfaces())),
      port: lan.port ?? LAN_PORT,
      staticDir: lan.staticDir,
    },
  );
  if (slot.isOpen) ctx.lan.forgetEarlierRuns(ctx);
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
    lan: ctx.lan,
    files: ctx.files,
    backupTo: (path) =>
      trustedSide('backupTo', async () => {
        const value = await backupToChosenFile(ctx, path);
        events.emit({ topics: ['backups'], call: 'backup.create' });
        return value;
      }),
    copyPackageTo: (name, path) => trustedSide('copyPackageTo', () => copyPackageTo(ctx, name, path)),
    startAutoBackup: () => (backups ??= startAutoBackup(ctx)),
    close: () => {
      backups?.stop();
      if (slot.isOpen) ctx.lan.stop(ctx, '程序已退出');
      if (slot.isOpen) minutesDocs.closeAll(REASON.stopping);
      slot.close();
      ctx.files.clear();
    },
  };
}
