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
import { migrations } from '../db/migrations';
import { tableCount } from './files';
import type { Db } from '../db/open';
import type { DatabaseSlot } from '../db/slot';
import { makePrivateFile } from '../db/privateFiles';

/** Why a file operation failed, in words a secretary can act on. */
export function fileProblem(e: unknown): string {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return '磁盘空间不足';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_READONLY' || code === 'EROFS')
    return '没有写入该位置的权限';
  if (code === 'ENOENT' || code === 'SQLITE_CANTOPEN') return '文件夹不存在或无法访问';
  if (code === 'EBUSY' || code === 'SQLITE_BUSY') return '文件正被其他程序占用';
  return '写入失败';
}

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
    mkdirSync(dirname(dest), { recursive: true, mode: 0o700 }); // a folder it creates is the user's only
    rmSync(partial, { force: true }); // our own leftover from an interrupted backup
    makePrivateFile(partial, { create: true }); // 0600 before any row is in it
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
const removeStaged = (staged: string) => ['', ...SIDE_FILES].forEach((s) => rmSync(staged + s, { force: true }));

/**
 * Replaces the data file with a backup. Order matters, so that nothing is lost whatever fails:
 * the backup is copied beside the data file and checked there (the chosen file is never opened
 * for writing); the current file is kept — an online backup when it is open, a byte copy with its
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
  const meetings = stageCopy(from, staged);
  syncFile(staged);

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

/** Copies the backup (and a WAL beside it) to `staged` and proves it is a usable data file there. */
function stageCopy(from: string, staged: string): number | null {
  removeStaged(staged);
  try {
    copyFileSync(from, staged);
    if (existsSync(from + '-wal')) copyFileSync(from + '-wal', staged + '-wal');
  } catch (e) {
    removeStaged(staged);
    throw refused(`无法读取或复制备份文件：${fileProblem(e)}`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(staged, { fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const latest = migrations[migrations.length - 1].version;
    if (version === 0) throw refused('所选文件不是冰城商量的数据文件');
    if (version > latest) throw refused(`所选备份由更新版本的程序写入（数据版本 ${version}），本程序无法使用`);
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw refused('所选备份文件已损坏（完整性检查未通过），未恢复');
    db.pragma('journal_mode = DELETE');
    return tableCount(db, 'meeting');
  } catch (e) {
    db?.close();
    db = undefined;
    removeStaged(staged);
    if (e instanceof AppError) throw e;
    throw refused('所选文件已损坏或不是冰城商量的数据文件，未恢复');
  } finally {
    db?.close();
  }
}
