import type { Ctx, QueryCtx } from '../context';
import { all, run, sql, value } from '../db/sql';

/** The setting table's only writer: key → JSON value, the user's settings and the app's own bookkeeping. */

/** Every stored pair, values still JSON text (the settings service validates them). */
export const storedPairs = (ctx: QueryCtx) =>
  all<{ key: string; value: string }>(ctx.db, sql`SELECT key, value FROM setting`);

/** One value in the setting table, as JSON (also the app's own bookkeeping, e.g. the file's generation). */
export function storeValue(ctx: Ctx, key: string, stored: unknown): void {
  run(
    ctx.db,
    sql`INSERT INTO setting (key, value) VALUES (${key}, ${JSON.stringify(stored)})
        ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  );
}

export function storedValue(ctx: QueryCtx, key: string): unknown {
  const raw = value<string>(ctx.db, sql`SELECT value FROM setting WHERE key = ${key}`);
  return raw === undefined ? undefined : JSON.parse(raw);
}
