import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { AUTO_BACKUPS_KEPT, type BackupFile, type BackupKind } from '../../../shared/contract/backup';
import { migrations } from '../db/migrations';

/** The backups live beside the data file, in their own folder. */
export const backupFolder = (dataFile: string) => join(dirname(dataFile), 'backups');

const pad = (n: number) => String(n).padStart(2, '0');
/** 20261122-093015 in local time: sorts by name, reads at a glance. */
export function stamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

const prefixes: Record<Exclude<BackupKind, 'other'>, string> = {
  auto: '自动备份-',
  manual: '手动备份-',
  'before-restore': '恢复前-',
  damaged: '损坏-',
};

export const autoBackupName = (isoDay: string) => `${prefixes.auto}${isoDay}.db`;
/** A copy that failed its integrity check: kept, never rotated out, never offered for restore. */
const FAILED_MARK = '-未通过检查';
export const failedAutoBackupName = (isoDay: string) => `${prefixes.auto}${isoDay}${FAILED_MARK}.db`;

/** A new file name of `kind` in `folder` that no file has yet (two backups in one second get -2). */
export function freshName(folder: string, kind: Exclude<BackupKind, 'other' | 'auto'>, at: Date): string {
  const base = `${prefixes[kind]}${stamp(at)}`;
  for (let i = 1; ; i++) {
    const path = join(folder, `${base}${i === 1 ? '' : `-${i}`}.db`);
    if (!existsSync(path)) return path;
  }
}

export function kindOf(name: string): BackupKind {
  for (const [kind, prefix] of Object.entries(prefixes)) if (name.startsWith(prefix)) return kind as BackupKind;
  return 'other';
}

/** Rows in a table, or null when the file has no such table (a backup from before it existed). */
export function tableCount(db: Database.Database, table: 'meeting' | 'person'): number | null {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  return has ? (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : null;
}

/** What a backup holds, read without changing it: schema version and a few counts to recognise it by. */
export function describeBackup(path: string): BackupFile {
  const st = statSync(path);
  const kind = kindOf(basename(path));
  const base = { name: basename(path), path, kind, writtenAt: st.mtime.toISOString(), bytes: st.size };
  const latest = migrations[migrations.length - 1].version;
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const people = tableCount(db, 'person');
    const problem = basename(path).includes(FAILED_MARK)
      ? '未通过完整性检查（备份时数据文件可能已损坏）'
      : version === 0 || people === null
        ? '不是冰城商量的数据文件'
        : version > latest
          ? `由更新版本的程序写入（数据版本 ${version}），本程序无法使用`
          : '';
    return {
      ...base,
      readable: problem === '',
      schemaVersion: version,
      meetings: tableCount(db, 'meeting'),
      people,
      problem,
    };
  } catch {
    return {
      ...base,
      readable: false,
      schemaVersion: null,
      meetings: null,
      people: null,
      problem: '文件已损坏或不是数据文件',
    };
  } finally {
    db?.close();
  }
}

/** Every backup in the folder, newest first. Half-written ones (.partial) are not backups. */
export function listBackups(folder: string): BackupFile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => n.endsWith('.db'))
    .map((n) => describeBackup(join(folder, n)))
    .sort((a, b) => b.writtenAt.localeCompare(a.writtenAt) || b.name.localeCompare(a.name));
}

/** Automatic backups beyond the newest 14 give way; manual ones and kept copies are never removed. */
export function rotateAutoBackups(folder: string, keep = AUTO_BACKUPS_KEPT): string[] {
  const autos = readdirSync(folder)
    .filter((n) => kindOf(n) === 'auto' && /^自动备份-\d{4}-\d{2}-\d{2}\.db$/.test(n))
    .sort()
    .reverse();
  const removed = autos.slice(keep);
  for (const n of removed) rmSync(join(folder, n));
  return removed;
}
