import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { PACKAGE_TABLES } from './tables';

/**
 * A package's manifest: kept in the package file's own `setting` table under one key, so that the
 * file is exactly a data file of this app's schema (checked as a restored backup is) and nothing else.
 */
export const MANIFEST_KEY = 'package.manifest';
export const PACKAGE_FORMAT = 'bingcheng-meeting-package/1';

export interface Manifest {
  format: typeof PACKAGE_FORMAT;
  installation: { id: string; name: string };
  organisation: string;
  appVersion: string;
  schemaVersion: number;
  exportedAt: string;
  meetings: { uid: string; title: string; startsAt: string }[];
  counts: Record<string, number>;
  /** sha256 of every packaged row, table by table in PACKAGE_TABLES order (see rowsChecksum). */
  checksum: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Blobs as base64, so that the same rows always hash the same. */
const canonical = (_key: string, v: unknown) =>
  v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer'
    ? { b64: Buffer.from((v as { data: number[] }).data).toString('base64') }
    : v;

/** Over the rows as stored: a byte changed anywhere in them gives another sum. */
export function rowsChecksum(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const table of PACKAGE_TABLES) {
    hash.update(`${table}\n`);
    for (const row of db.prepare(`SELECT * FROM ${quote(table)} ORDER BY rowid`).iterate())
      hash.update(`${JSON.stringify(row, canonical)}\n`);
  }
  return hash.digest('hex');
}

export const tableCounts = (db: Database.Database): Record<string, number> =>
  Object.fromEntries(
    PACKAGE_TABLES.map((t) => [
      t,
      db
        .prepare(`SELECT count(*) FROM ${quote(t)}`)
        .pluck()
        .get() as number,
    ]),
  );
