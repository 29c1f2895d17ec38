import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { AppError, badInput, notFound, refused } from '../errors';
import { fileProblem } from './fileProblem';
import { runInWorker } from './worker/run';
import { removeWithSideFiles } from './worker/tasks';
import type { Db } from '../db/open';
import type { DatabaseSlot } from '../db/slot';

/** Forces a written file to the disk: a power cut after the rename must not find it half there. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Forces a folder's entries (a rename) to the disk; Windows cannot open a folder for this, NTFS journals the rename. */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported here */
  }
}

/**
 * Copies the open database to `dest` with SQLite's online backup (consistent even while the app
 * writes, WAL content included), first into `dest.partial`, so a half-written file never looks like
 * a backup. The copy is switched to a plain rollback journal: one self-contained file.
 */
export async function takeBackup(db: Db, dest: string): Promise<void> {
  if (existsSync(dest)) throw refused(`“${dest}”已存在：备份不会覆盖已有文件，请换一个文件名`);
  const partial = `${dest}.partial`;
  try {
    mkdirSync(dirname(dest), { recursive: true });
    rmSync(partial, { force: true }); // our own leftover from an interrupted backup
    await db.backup(partial);
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    syncFile(partial);
    renameSync(partial, dest);
    syncFolder(dirname(dest));
  } catch (e) {
    rmSync(partial, { force: true });
    if (e instanceof AppError) throw e;
    throw refused(`备份未完成：${fileProblem(e)}（${dest}）。数据文件未受影响。`);
  }
}

const SIDE_FILES = ['-wal', '-shm'] as const;

/** The staged copy of a backup and its side files: the restore's own temporary files. */
const removeStaged = removeWithSideFiles;

/**
 * Replaces the data file with a backup. Order matters, so that nothing is lost whatever fails:
 * the backup is copied beside the data file and checked there, in a worker thread, by the same
 * check as describe (backup/trust.ts: schema exactly the app's own, quick_check; the chosen file
 * is never opened for writing); the current file is kept — an online backup when it is open, a byte copy with its
 * WAL when it is too damaged to open; only then does the checked copy take the data file's place,
 * and the slot reopens it (migrating an older backup).
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
  const { meetings } = await runInWorker('stage', { source: from, staged }).catch((e: unknown) => {
    throw e instanceof AppError ? refused(`${e.message}，未恢复`) : e;
  });
  syncFile(staged);
  // A check of the current file started meanwhile reads it through its own connection: wait for no one.
  if (slot.readers > 0) {
    removeStaged(staged);
    throw refused('正在检查数据文件，请稍候再恢复。当前数据未受影响。');
  }

  try {
    const open = slot.raw;
    if (open) await takeBackup(open, keepAs);
    else {
      mkdirSync(dirname(keepAs), { recursive: true });
      if (existsSync(slot.file)) copyFileSync(slot.file, keepAs);
      for (const s of SIDE_FILES) if (existsSync(slot.file + s)) copyFileSync(slot.file + s, keepAs + s);
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
