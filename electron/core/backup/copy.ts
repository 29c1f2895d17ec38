import { existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { AppError, badInput, notFound, refused } from '../errors';
import { fileProblem } from './fileProblem';
import { syncFolder } from './durable';
import { runInWorker } from './worker/run';
import { removeWithSideFiles } from './worker/tasks';
import type { DatabaseSlot } from '../db/slot';
import type { Progress } from './worker/progress';

/**
 * A backup of the data file at `dest` (backup/durable.ts), written in the worker thread: the main
 * thread keeps answering calls while hundreds of megabytes are copied and forced to the disk.
 */
export const takeBackup = (file: string, dest: string, onProgress?: (p: Progress) => void): Promise<void> =>
  runInWorker('backup', { source: file, dest }, { onProgress });

const SIDE_FILES = ['-wal', '-shm'] as const;

/** The staged copy of a backup and its side files: the restore's own temporary files. */
const removeStaged = removeWithSideFiles;

/**
 * Replaces the data file with a backup. Order matters, so that nothing is lost whatever fails:
 * in the worker thread, the backup is copied beside the data file, the copy checked by the same
 * check as describe (backup/trust.ts), and a fresh file built from it by the app
 * (backup/rebuild.ts; the chosen file is never opened for writing); then the current file is
 * kept — an online backup when it is open, a byte copy with its WAL when it is too damaged to
 * open; only then does the fresh file take the data file's place, and the slot reopens it.
 */
export async function restoreBackup(
  slot: DatabaseSlot,
  source: string,
  keepAs: string,
): Promise<{ meetings: number | null }> {
  const from = resolve(source);
  if (!existsSync(from) || !statSync(from).isFile()) throw notFound('备份文件', from);
  if (sameFile(from, slot.file)) throw badInput('不能用当前数据文件本身来恢复，请选择一个备份文件');

  const staged = `${slot.file}.restoring`;
  // Until the fresh file is built nothing of the current data is touched: it may be stopped (backup.cancel).
  const stop = new AbortController();
  const show = (p: Progress, from: number, to: number, cancel?: () => void) =>
    (slot.progress = { step: p.step, fraction: from + (to - from) * p.fraction, cancel });
  const cancel = () => stop.abort();
  show({ step: '正在复制备份文件', fraction: 0 }, 0, 0.9, cancel);
  const { meetings } = await runInWorker(
    'stage',
    { source: from, staged },
    {
      onProgress: (p) => show(p, 0, 0.9, cancel),
      signal: stop.signal,
      cancelled: '已取消恢复。当前数据未受影响。',
    },
  ).catch((e: unknown) => {
    if (stop.signal.aborted) [staged, `${staged}.source`].forEach(removeStaged); // the stopped thread left them
    throw e instanceof AppError && !stop.signal.aborted ? refused(`${e.message}，未恢复`) : e;
  });
  show({ step: '正在保存当前数据', fraction: 0 }, 0.9, 1);
  // A check of the current file started meanwhile reads it through its own connection: wait for no one.
  if (slot.readers > 0) {
    removeStaged(staged);
    throw refused('正在检查数据文件，请稍候再恢复。当前数据未受影响。');
  }

  try {
    const open = slot.raw;
    if (open) await takeBackup(slot.file, keepAs, (p) => show({ ...p, step: '正在保存当前数据' }, 0.9, 1));
    else {
      await mkdir(dirname(keepAs), { recursive: true });
      if (existsSync(slot.file)) await copyFile(slot.file, keepAs);
      for (const s of SIDE_FILES) if (existsSync(slot.file + s)) await copyFile(slot.file + s, keepAs + s);
    }
    // Fold the WAL into the file now: left beside it, SQLite would replay it onto the restored one.
    // Busy means another program reads the file: then nothing is replaced.
    const checkpoint = open?.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[] | undefined;
    if (checkpoint?.[0]?.busy)
      throw refused('数据文件正被其他程序使用，无法恢复。请关闭其他使用它的程序后重试。当前数据未受影响。');
  } catch (e) {
    removeStaged(staged);
    if (e instanceof AppError) throw e;
    throw refused(`未能先保存当前数据的副本（${fileProblem(e)}），因此没有恢复。当前数据未受影响。`);
  }

  // From here to the reopening all is synchronous: no call arrives while the file is closed.
  slot.close();
  // The current side files are moved aside, not deleted, until the backup is in place.
  const aside: [string, string][] = [];
  try {
    for (const s of SIDE_FILES) {
      if (!existsSync(slot.file + s)) continue;
      renameSync(slot.file + s, `${staged}.old${s}`);
      aside.push([slot.file + s, `${staged}.old${s}`]);
    }
    renameSync(staged, slot.file);
    syncFolder(dirname(slot.file));
  } catch (e) {
    for (const [home, away] of aside) {
      try {
        renameSync(away, home);
      } catch {
        /* kept in the copy made above */
      }
    }
    removeStaged(staged);
    slot.open();
    throw refused(`未能换上备份（${fileProblem(e)}），当前数据仍在使用，未受影响。`);
  }
  // Checkpointed and closed (or copied into the kept copy when damaged): nothing of value is left in them.
  for (const [, away] of aside) rmSync(away, { force: true });
  slot.open();
  if (!slot.isOpen)
    throw new AppError('unavailable', `已换上备份，但无法打开：${slot.unavailable}。原数据已保存在“${keepAs}”。`);
  return { meetings };
}

/** The same file, whatever the spelling (case on Windows and macOS, links). */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync.native(p);
    } catch {
      return resolve(p);
    }
  };
  const [x, y] = [real(a), real(b)];
  return process.platform === 'linux' ? x === y : x.toLowerCase() === y.toLowerCase();
}
