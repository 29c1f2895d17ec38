import type { AppStatus } from '../../../shared/contract/app';
import type { QueryCtx } from '../context';
import { storedValue } from '../data/settings';
import { schemaVersion } from '../db/open';
import { sql, value } from '../db/sql';
import { handlers } from '../handler';
import { directoryIsEmpty, loadDemo } from './demo';
import { readSettings } from './settings';

/** Changes when a backup is restored into the data file (see backup.restore). */
export const FILE_GENERATION = 'fileGeneration';

export function appStatus(ctx: QueryCtx): AppStatus {
  const count = (table: 'person' | 'sector' | 'committee' | 'department') =>
    value<number>(ctx.db, sql`SELECT count(*) FROM ${sql.raw(table)} WHERE retired_at IS NULL`) ?? 0;
  return {
    appVersion: ctx.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    dataFile: ctx.dataFile,
    fileGeneration: String(storedValue(ctx, FILE_GENERATION) ?? ''),
    firstRun: directoryIsEmpty(ctx) && !readSettings(ctx).welcomeDismissed,
    counts: {
      people: count('person'),
      sectors: count('sector'),
      committees: count('committee'),
      departments: count('department'),
    },
  };
}

export const appHandlers = handlers({
  'app.health': (_input, ctx) =>
    ctx.slot.unavailable === undefined
      ? { state: 'ok' as const, warning: ctx.slot.warning ?? null }
      : { state: 'unavailable' as const, message: ctx.slot.unavailable, dataFile: ctx.dataFile },
  'app.status': (_input, ctx) => appStatus(ctx),
  'app.loadDemo': (_input, ctx) => {
    loadDemo(ctx);
    return appStatus(ctx);
  },
});
