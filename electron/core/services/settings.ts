import { defaultSettings, Settings } from '../../../shared/contract/settings';
import type { Ctx, QueryCtx } from '../context';
import { storedPairs, storeValue } from '../data/settings';
import { refused } from '../errors';
import { handlers } from '../handler';

// Backup writes its bookkeeping (the file's generation) through the same operation.

/**
 * Stored values over the defaults; a stored value that no longer validates falls back to its
 * default. A stored set of values (the speech limits) is laid over its default set, so a kind
 * added by a later version gets its default and the secretary's own limits stay.
 */
export function readSettings(ctx: QueryCtx): Settings {
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const { key, value } of storedPairs(ctx)) {
    if (!(key in defaultSettings)) continue;
    try {
      const stored: unknown = JSON.parse(value);
      const fallback = defaultSettings[key as keyof Settings];
      merged[key] = isRecord(stored) && isRecord(fallback) ? { ...fallback, ...stored } : stored;
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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function writeSettings(ctx: Ctx, values: Partial<Settings>): void {
  for (const [key, value] of Object.entries(values)) storeValue(ctx, key, value);
}

export const settingsHandlers = handlers({
  'settings.get': (_input, ctx) => readSettings(ctx),
  'settings.save': ({ speechLimits, ...rest }, ctx) => {
    if (Object.keys(rest).length === 0 && !speechLimits) throw refused('没有要修改的设置');
    // Only the fields sent change; limits sent for some kinds keep the others as they are.
    writeSettings(
      ctx,
      speechLimits ? { ...rest, speechLimits: { ...readSettings(ctx).speechLimits, ...speechLimits } } : rest,
    );
    return readSettings(ctx);
  },
});
