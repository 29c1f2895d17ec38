import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { localToday, type Ctx } from '../context';
import { takeBackup } from './copy';
import { autoBackupName, backupFolder, rotateAutoBackups } from './files';

/** Today's automatic backup, unless there is one already; then the oldest beyond 14 give way. */
export async function ensureDailyBackup(ctx: Ctx): Promise<string | null> {
  const db = ctx.slot.raw;
  if (!db || ctx.slot.task) return null;
  const folder = backupFolder(ctx.dataFile);
  const dest = join(folder, autoBackupName(localToday(ctx)));
  if (existsSync(dest)) return null;
  ctx.slot.task = '正在自动备份';
  try {
    await takeBackup(db, dest);
  } finally {
    ctx.slot.task = undefined;
  }
  rotateAutoBackups(folder);
  return dest;
}

export interface AutoBackup {
  /** Runs the daily check now (tests, and the scheduler itself). */
  tick(): Promise<string | null>;
  stop(): void;
}

/**
 * Daily automatic backups: checked at start and every half hour (a laptop left running over
 * night takes the next day's). A failure is logged and tried again at the next check; it never
 * stops the app.
 */
export function startAutoBackup(ctx: Ctx, intervalMs = 30 * 60_000): AutoBackup {
  let running: Promise<string | null> | undefined;
  const tick = () => {
    running ??= ensureDailyBackup(ctx)
      .catch((e: unknown) => {
        console.error('自动备份失败', e instanceof Error ? e.message : e);
        return null;
      })
      .finally(() => (running = undefined));
    return running;
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
