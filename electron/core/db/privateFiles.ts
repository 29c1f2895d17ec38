import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The data file and its backups hold members' phone numbers: on Linux and macOS only the user's
 * own account may read them (folders 0700, files 0600), whatever the umask.
 *
 * Windows: nothing is done. Node's chmod there only toggles the read-only attribute, and the
 * data folder (%APPDATA%) is already private to the account by its inherited ACL.
 *
 * Best effort: a file system without modes (a FAT stick) or a file owned by another account
 * refuses chmod; that must not stop the app from opening its data.
 */
const POSIX = process.platform !== 'win32';

const chmodQuietly = (path: string, mode: number) => {
  try {
    chmodSync(path, mode);
  } catch {
    /* see above: best effort */
  }
};

/** Creates the folder (and its parents) if missing and makes it the user's only. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (POSIX) chmodQuietly(dir, 0o700);
}

/**
 * Makes a file the user's only; creates it empty first when `create` and it is missing, so that
 * SQLite, which gives a database's -wal and -shm the database's own mode, never writes a readable one.
 */
export function makePrivateFile(path: string, { create = false } = {}): void {
  if (!POSIX) return;
  if (create && !existsSync(path)) {
    try {
      closeSync(openSync(path, 'wx', 0o600));
    } catch {
      /* raced, or the folder refuses: SQLite will say why */
    }
  }
  if (existsSync(path)) chmodQuietly(path, 0o600);
}

/**
 * At start: the data folder and the backups folder private, and what is already in them too (data
 * written by an older version). In the data folder only the data file's own files (-wal, -shm,
 * leftovers of a restore): the folder may be one the user chose and keeps other things in.
 * Never throws: a folder that cannot be made or read is reported by the opening of the data file.
 */
export function tightenExisting(dataFile: string, backupsDir: string): void {
  const dataDir = dirname(dataFile);
  const ours = (dir: string, name: string) => dir === backupsDir || name.startsWith(basename(dataFile));
  try {
    makePrivateDir(dataDir);
    // The backups folder is made by the first backup (takeBackup creates it 0700).
    const dirs = existsSync(backupsDir) ? [dataDir, backupsDir] : [dataDir];
    if (dirs.length === 2) makePrivateDir(backupsDir);
    if (!POSIX) return;
    for (const dir of dirs) {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (ours(dir, name) && statSync(path, { throwIfNoEntry: false })?.isFile()) chmodQuietly(path, 0o600);
      }
    }
  } catch {
    /* see above */
  }
}
