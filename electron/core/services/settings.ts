import { defaultSettings, Settings } from '../../../shared/contract/settings';
import type { Ctx, QueryCtx } from '../context';
import { storedPairs, storeValue } from '../data/settings';
import { handlers } from '../handler';

// Backup writes its bookkeeping (the file's generation) through the same operation.

/** Stored values over the defaults; a stored value that no longer validates falls back to its default. */
export function readSettings(ctx: QueryCtx): Settings {
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const { key, value } of storedPairs(ctx)) {
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

export const settingsHandlers = handlers({
  'settings.get': (_input, ctx) => readSettings(ctx),
  'settings.save': (input, ctx) => {
    writeSettings(ctx, input);
    return readSettings(ctx);
  },
});
