import { noReport, type Report } from './worker/progress';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError, refused } from '../errors';
import { fileProblem } from './fileProblem';
import { makePrivateFile } from '../db/privateFiles';

/** Forces a written file to the disk: a power cut after the rename must not find it half there. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Forces a folder's entries (a rename) to the disk; Windows cannot open a folder for this, NTFS journals the rename. */
export function syncFolder(dir: string): void {
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

/** The step a backup reports while its pages are copied. */
export const STEP_COPY = '正在复制数据';

/**
 * Copies the data file to `dest` with SQLite's online backup through a connection of its own
 * (consistent even while the app writes, WAL content included; run in the worker thread), first
 * into `dest.partial`, so a half-written file never looks like a backup. The copy is switched to a
 * plain rollback journal: one self-contained file.
 */
export async function writeBackup(
  { source, dest }: { source: string; dest: string },
  report: Report = noReport,
): Promise<void> {
  if (existsSync(dest)) throw refused(`“${dest}”已存在：备份不会覆盖已有文件，请换一个文件名`);
  const partial = `${dest}.partial`;
  try {
    mkdirSync(dirname(dest), { recursive: true, mode: 0o700 }); // a folder it creates is the user's only
    rmSync(partial, { force: true }); // our own leftover from an interrupted backup
    makePrivateFile(partial, { create: true }); // 0600 before any row is in it: a backup holds members' phone numbers
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 1000');
      // Off the main thread there is no one to yield to: large steps.
      await db.backup(partial, {
        progress: ({ totalPages, remainingPages }) => {
          report(STEP_COPY, totalPages ? 1 - remainingPages / totalPages : 0);
          return 4096;
        },
      });
    } finally {
      db.close();
    }
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
