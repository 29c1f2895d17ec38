import { defaultSettings, Settings } from '../../../shared/contract/settings';
import type { Ctx, QueryCtx } from '../context';
import { handlers } from '../handler';

/** Stored values over the defaults; a stored value that no longer validates falls back to its default. */
export function readSettings(ctx: QueryCtx): Settings {
  const rows = ctx.db.prepare('SELECT key, value FROM setting').all() as { key: string; value: string }[];
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const { key, value } of rows) {
    if (!(key in defaultSettings)) continue;
    try {
      merged[key] = JSON.parse(value);
    } catch {
      /* keep the default */
    }
  }
  const parsed = Settings.safeParse(merged);
  if (parsed.success) return parsed.data;
  for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
    const one = Settings.shape[key].safeParse(merged[key]);
    if (!one.success) merged[key] = defaultSettings[key];
  }
  return Settings.parse(merged);
}

export function writeSettings(ctx: Ctx, values: Partial<Settings>): void {
  for (const [key, value] of Object.entries(values)) storeValue(ctx, key, value);
}

/** One value in the setting table, as JSON (also the app's own bookkeeping, e.g. the file's generation). */
export function storeValue(ctx: Ctx, key: string, value: unknown): void {
  ctx.db
    .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, JSON.stringify(value));
}

export function storedValue(ctx: QueryCtx, key: string): unknown {
  const raw = ctx.db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(key) as string | undefined;
  return raw === undefined ? undefined : JSON.parse(raw);
}

export const settingsHandlers = handlers({
  'settings.get': (_input, ctx) => readSettings(ctx),
  'settings.save': (input, ctx) => {
    writeSettings(ctx, input);
    return readSettings(ctx);
  },
});
