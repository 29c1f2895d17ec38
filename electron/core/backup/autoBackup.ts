import { existsSync, renameSync } from 'node:fs';
import { MEETING } from '../../../shared/domain/meetings';
import { localToday, type Ctx } from '../context';
import { get, sql } from '../db/sql';
import { takeBackup } from './copy';
import { autoBackupPath, backupFolder, failedAutoBackupPath, recordBackup, rotateAutoBackups } from './files';
import { readRecords, recordFile, recordPath, updateRecord } from './records';

/** What the warning banner says when a copy of the data file fails its check. */
const DAMAGE_WARNING =
  '今天的自动备份未通过完整性检查，数据文件可能已经损坏。请尽快在“备份与恢复”中检查数据文件，必要时从较早的备份恢复。';

/**
 * Today's automatic backup, unless the records hold one for today whose file is still there (a
 * file merely named like one counts for nothing). The copy is checked (quick_check, in a worker
 * thread) before the oldest beyond 14 give way: damage inside the file is copied page by page,
 * and two weeks of damaged copies must never push out the last good one. A copy that fails keeps
 * a telling name, is never offered for restore, and the app shows a warning. Not while a meeting
 * is going on: the online copy itself still runs on the main thread, in steps.
 */
export async function ensureDailyBackup(ctx: Ctx): Promise<string | null> {
  const db = ctx.slot.raw;
  if (!db || ctx.slot.task) return null;
  if (get(db, sql`SELECT 1 FROM meeting WHERE status = ${MEETING.running} LIMIT 1`)) return null;
  const folder = backupFolder(ctx.dataFile);
  const day = localToday(ctx);
  const done = readRecords(folder).some((r) => r.kind === 'auto' && r.day === day && existsSync(recordPath(folder, r)));
  if (done) return null;
  const dest = autoBackupPath(folder, day);
  await ctx.slot.exclusive('正在自动备份', () => takeBackup(ctx.dataFile, dest), { background: true });
  const record = await recordBackup(folder, dest, 'auto', ctx.now(), { day, check: true });
  if (!record.passed) {
    const flagged = failedAutoBackupPath(folder, day);
    renameSync(dest, flagged);
    updateRecord(folder, record.seq, { file: recordFile(folder, flagged) });
    ctx.slot.warning = DAMAGE_WARNING;
    return flagged;
  }
  await rotateAutoBackups(folder);
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
