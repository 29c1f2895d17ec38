import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AUTO_BACKUPS_KEPT, type BackupFile, type BackupKind } from '../../../shared/contract/backup';
import { AppError } from '../errors';
import { addRecord, forgetRecords, readRecords, recordFile, recordPath, type BackupRecord } from './records';
import { inspectBackup, type TrustedBackup } from './trust';
import { runInWorker } from './worker/run';

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

/** A file name in `folder` that no file has yet: `base.db`, else `base-2.db` … (a name can be taken by anyone). */
function unusedName(folder: string, base: string): string {
  for (let i = 1; ; i++) {
    const path = join(folder, `${base}${i === 1 ? '' : `-${i}`}.db`);
    if (!existsSync(path) && !existsSync(`${path}.partial`)) return path;
  }
}

/** Today's automatic backup: named by its day for people; the record, not the name, makes it one. */
export const autoBackupPath = (folder: string, isoDay: string) => unusedName(folder, `${prefixes.auto}${isoDay}`);
/** A copy that failed its integrity check: kept, never rotated out, never offered for restore. */
export const failedAutoBackupPath = (folder: string, isoDay: string) =>
  unusedName(folder, `${prefixes.auto}${isoDay}-未通过检查`);

/** A new file name of `kind` in `folder` that no file has yet (two backups in one second get -2). */
export const freshName = (folder: string, kind: Exclude<BackupKind, 'other' | 'auto'>, at: Date): string =>
  unusedName(folder, `${prefixes[kind]}${stamp(at)}`);

/**
 * Records a backup just written: its size and checksum (and, when asked, its quick_check),
 * computed in a worker thread. Only recorded files are ever rotated out.
 */
export async function recordBackup(
  folder: string,
  path: string,
  kind: BackupKind,
  at: Date,
  { day, check = false }: { day?: string; check?: boolean } = {},
): Promise<BackupRecord> {
  const sealed = await runInWorker('seal', { file: path, check });
  return addRecord(folder, { kind, file: recordFile(folder, path), at: at.toISOString(), day, ...sealed });
}

const NOT_RESTORABLE: Partial<Record<BackupKind, string>> = {
  damaged: '数据文件损坏时保存的原样副本，不能用来恢复',
};

/** One line of the list for a file the app recorded, checked against the file as it is now. */
export function recordedEntry(folder: string, r: BackupRecord): BackupFile {
  const path = recordPath(folder, r);
  const bytes = statSync(path).size;
  return entry(path, r.kind, r.at, bytes, recordProblem(r, bytes));
}

/** A backup the app did not record (written elsewhere, or put in the folder by hand): 其他. */
export function unrecordedEntry(path: string): BackupFile {
  const st = statSync(path);
  return entry(path, 'other', st.mtime.toISOString(), st.size, '');
}

/** One line of the list: what the record says, checked against the file as it is now. */
function entry(path: string, kind: BackupKind, writtenAt: string, bytes: number, problem: string): BackupFile {
  const base = { name: basename(path), path, kind, writtenAt, bytes };
  let found: TrustedBackup | undefined;
  if (!problem) {
    try {
      // The list reads the schema only; describe and restore add quick_check (in a worker).
      found = inspectBackup(path, { deep: false });
    } catch (e) {
      problem = e instanceof AppError ? e.message : '文件已损坏或不是数据文件';
    }
  }
  return {
    ...base,
    readable: problem === '',
    schemaVersion: found?.schemaVersion ?? null,
    meetings: found?.meetings ?? null,
    people: found?.people ?? null,
    problem,
  };
}

/** What `backup.describe` says of a file: the same check as a restore, quick_check included, in a worker. */
export async function describeBackup(path: string, record?: BackupRecord): Promise<BackupFile> {
  const st = statSync(path);
  const kind = record?.kind ?? 'other';
  const base = { name: basename(path), path, kind, writtenAt: record?.at ?? st.mtime.toISOString(), bytes: st.size };
  try {
    const found = await runInWorker('inspect', { path, deep: true });
    return { ...base, readable: true, ...found, problem: '' };
  } catch (e) {
    const problem = e instanceof AppError ? e.message : '文件已损坏或不是数据文件';
    return { ...base, readable: false, schemaVersion: null, meetings: null, people: null, problem };
  }
}

/** Why a recorded backup is not what was recorded, or '' when it is. */
function recordProblem(r: BackupRecord, bytes: number): string {
  if (!r.passed) return '未通过完整性检查（备份时数据文件可能已损坏）';
  if (bytes !== r.bytes) return '备份之后文件被改动过（大小与备份记录不符），不能直接恢复';
  return NOT_RESTORABLE[r.kind] ?? '';
}

/**
 * The backups in the folder: those the app recorded, newest first by the order they were made
 * (never by name or date), then any other .db file found there, as 其他. Half-written ones
 * (.partial) are not backups.
 */
export function listBackups(folder: string): BackupFile[] {
  if (!existsSync(folder)) return [];
  const records = readRecords(folder).sort((a, b) => b.seq - a.seq);
  const listed = new Set<string>();
  const out: BackupFile[] = [];
  for (const r of records) {
    const path = recordPath(folder, r);
    if (dirname(path) !== folder || !existsSync(path)) continue;
    listed.add(basename(path));
    out.push(recordedEntry(folder, r));
  }
  const others = readdirSync(folder)
    .filter((n) => n.endsWith('.db') && !listed.has(n))
    .map((n) => unrecordedEntry(join(folder, n)))
    .sort((a, b) => b.writtenAt.localeCompare(a.writtenAt) || b.name.localeCompare(a.name));
  return [...out, ...others];
}

/**
 * A .db file of `folder` named by its plain file name, never a path (`../`, a folder, or a name
 * that merely looks like one is not found): how pages name backups and packages.
 */
export function plainFileIn(folder: string, name: string, missing: string): string {
  const path = join(folder, name);
  const plain = name === basename(name) && !name.includes('\\') && !name.startsWith('.') && name.endsWith('.db');
  if (!plain || dirname(path) !== folder || !existsSync(path) || !statSync(path).isFile())
    throw new AppError('not_found', missing);
  return path;
}

/** A backup of the folder named as backup.list names it. */
export const folderFile = (folder: string, name: string) =>
  plainFileIn(folder, name, `备份文件夹中没有“${name}”，请在备份列表中重新选择`);

/** The record of the file at `path` in `folder`, if the app made it. */
export const recordOf = (folder: string, path: string) =>
  readRecords(folder).find((r) => recordPath(folder, r) === path);

/**
 * Automatic backups that passed their check beyond the newest 14 (by the order they were made,
 * whatever the clock said) give way. Only a file that is still byte for byte what was recorded is
 * deleted; one changed since is forgotten and left where it is. Every other file stays.
 */
export async function rotateAutoBackups(folder: string, keep = AUTO_BACKUPS_KEPT): Promise<string[]> {
  const autos = readRecords(folder)
    .filter((r) => r.kind === 'auto' && r.passed)
    .sort((a, b) => b.seq - a.seq);
  const removed: string[] = [];
  const forget: number[] = [];
  for (const r of autos.slice(keep)) {
    const path = recordPath(folder, r);
    forget.push(r.seq);
    // Only ever a file directly in the backups folder, whatever the manifest says.
    if (dirname(path) !== resolve(folder) || !existsSync(path) || statSync(path).size !== r.bytes) continue;
    const { sha256 } = await runInWorker('seal', { file: path, check: false });
    if (sha256 !== r.sha256) continue;
    rmSync(path);
    removed.push(path);
  }
  forgetRecords(folder, forget);
  return removed;
}
