import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CallName, CallResult, Input, Output } from '../../shared/contract';
import type { Ctx } from './context';
import { openDatabase, type Db } from './db/open';
import { EventHub } from './events';
import type { Handlers } from './handler';
import { createRouter, type Router } from './router';
import { appHandlers } from './services/app';
import { importHandlers } from './services/peopleImport';
import { meetingHandlers } from './services/meetings';
import { minutesHandlers } from './services/minutes';
import { documentHandlers } from './services/documents';
import { resolutionHandlers } from './services/resolutions';
import { followUpHandlers } from './services/followUp';
import { archiveHandlers } from './services/archive';
import { peopleHandlers } from './services/people';
import { planHandlers } from './services/plan';
import { queueHandlers } from './services/queue';
import { screenHandlers } from './services/screen';
import { settingsHandlers } from './services/settings';
import { topicHandlers } from './services/topics';
import { unitHandlers } from './services/units';
import { APP_VERSION } from './version';

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
  ...queueHandlers,
  ...screenHandlers,
  ...minutesHandlers,
  ...resolutionHandlers,
  ...documentHandlers,
  ...followUpHandlers,
  ...archiveHandlers,
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
  db: Db;
  dataFile: string;
  /** The services' context, for in-process tools (the archive generator, tests, the bench). */
  ctx: Ctx;
  close(): void;
}

export function createCore({ dataDir, validateOutput = false, now = () => new Date() }: CoreOptions): Core {
  const dataFile = join(dataDir, DATA_FILE_NAME);
  const db = openDatabase(dataFile);
  const ctx: Ctx = { db, dataFile, appVersion: APP_VERSION, session: randomUUID(), now };
  const events = new EventHub();
  const call = createRouter(allHandlers, ctx, events, { validateOutput });
  return {
    call,
    invoke: (name, input) => call(name, input) as never,
    events,
    db,
    dataFile,
    ctx,
    close: () => db.close(),
  };
}
