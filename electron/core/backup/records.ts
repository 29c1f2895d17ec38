import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { backupKinds } from '../../../shared/contract/backup';

/**
 * What the app knows of the backups it made: one record per file, in a manifest inside the
 * backups folder. Rotation and the list go by these records, never by a file's name or date.
 *
 * A manifest, not a table in the data file: a restore replaces the data file (its table would
 * forget every backup made after the restored one), a damaged data file cannot be read (its
 * table would be lost just when the backups are needed), and a backup cannot hold its own checksum.
 */
export const MANIFEST_NAME = '备份记录.json';

const BackupRecord = z.object({
  /** Order of making, from 1: the newest is the highest, whatever the clock said. */
  seq: z.number().int().positive(),
  kind: z.enum(backupKinds),
  /** The file's name in the backups folder, or its full path when it was written elsewhere. */
  file: z.string().min(1),
  /** ISO time on the clock when it was made (shown; never decides anything). */
  at: z.string(),
  /** For an automatic backup, the local day it stands for. */
  day: z.string().optional(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Passed its integrity check when it was made; a failed copy is kept but never offered. */
  passed: z.boolean(),
});
export type BackupRecord = z.infer<typeof BackupRecord>;

const Manifest = z.object({
  version: z.literal(1),
  /** The highest seq ever given: numbers are never reused, even after the newest record is dropped. */
  lastSeq: z.number().int().nonnegative(),
  records: z.array(BackupRecord),
});
/** `unreadable`: the file there could not be read, and is kept aside before a new one is written. */
type Manifest = z.infer<typeof Manifest> & { unreadable?: boolean };

export const manifestPath = (folder: string) => join(folder, MANIFEST_NAME);

/** The records of `folder`; none when there is no manifest yet or it cannot be read (then nothing is ever deleted). */
export const readRecords = (folder: string): BackupRecord[] => readManifest(folder).records;

function readManifest(folder: string): Manifest {
  const path = manifestPath(folder);
  const empty: Manifest = { version: 1, lastSeq: 0, records: [] };
  if (!existsSync(path)) return empty;
  try {
    return Manifest.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return { ...empty, unreadable: true };
  }
}

/** Writes the records whole, through a temporary file and a rename: a power cut leaves the old manifest or the new. */
function writeManifest(folder: string, manifest: Manifest): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const path = manifestPath(folder);
  if (manifest.unreadable && existsSync(path)) renameSync(path, `${path}.无法读取-${Date.now()}`);
  const { unreadable: _, ...content } = manifest;
  const partial = `${path}.partial`;
  // The manifest names the backups and their sizes: the user's own, like the backups.
  const fd = openSync(partial, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(content, null, 1)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
}

/** The record's file on disk. */
export const recordPath = (folder: string, r: Pick<BackupRecord, 'file'>) =>
  r.file.includes('/') || r.file.includes('\\') ? resolve(r.file) : join(folder, r.file);

/** How a file is named in its record: by name when it is in the folder. */
export const recordFile = (folder: string, path: string) =>
  resolve(dirname(path)) === resolve(folder) ? basename(path) : resolve(path);

/** Adds the record of a backup just made, numbered after every one before it. */
export function addRecord(folder: string, record: Omit<BackupRecord, 'seq'>): BackupRecord {
  const m = readManifest(folder);
  const seq = Math.max(m.lastSeq, ...m.records.map((r) => r.seq)) + 1;
  const added = { ...record, seq };
  writeManifest(folder, { ...m, lastSeq: seq, records: [...m.records, added] });
  return added;
}

/** Changes one record (a copy renamed after failing its check). */
export function updateRecord(folder: string, seq: number, change: Partial<Omit<BackupRecord, 'seq'>>): void {
  const m = readManifest(folder);
  writeManifest(folder, { ...m, records: m.records.map((r) => (r.seq === seq ? { ...r, ...change } : r)) });
}

/** Drops records (their files deleted by rotation, gone, or no longer what was recorded). */
export function forgetRecords(folder: string, seqs: readonly number[]): void {
  if (seqs.length === 0) return;
  const m = readManifest(folder);
  writeManifest(folder, { ...m, records: m.records.filter((r) => !seqs.includes(r.seq)) });
}
