import Database from 'better-sqlite3';
import { AppError, refused } from '../errors';
import { inspectBackup } from '../backup/trust';
import { MANIFEST_KEY, PACKAGE_FORMAT, rowsChecksum, type Manifest } from './manifest';
import { PACKAGE_TABLES } from './tables';

export type Row = Record<string, unknown>;

export interface OpenedPackage {
  manifest: Manifest;
  rows: ReadonlyMap<string, Row[]>;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const REFUSED = '不能导入该会议包：';

/**
 * Reads a package file, or throws why it cannot be imported (Chinese). A package is data, never
 * code: first the same check as a backup to restore (read-only, trusted_schema off, header, size,
 * the exact schema of this app's migrations, quick_check, every reference inside the file), then
 * its manifest and checksum. Only then are its rows read, into memory (one package is
 * a few meetings).
 */
export function readPackage(path: string): OpenedPackage {
  try {
    inspectBackup(path, { deep: true });
  } catch (e) {
    if (e instanceof AppError) throw refused(`${REFUSED}${e.message}`);
    throw e;
  }
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('trusted_schema = OFF');
    const manifest = manifestOf(db);
    if (manifest.schemaVersion !== (db.pragma('user_version', { simple: true }) as number))
      throw refused(`${REFUSED}说明中的数据版本与文件不符（文件被改动过）`);
    if (rowsChecksum(db) !== manifest.checksum)
      throw refused(`${REFUSED}内容与其校验值不符，文件在导出后被改动过或已损坏`);
    const rows = new Map<string, Row[]>();
    for (const t of PACKAGE_TABLES) rows.set(t, db.prepare(`SELECT * FROM ${quote(t)} ORDER BY rowid`).all() as Row[]);
    return { manifest, rows };
  } finally {
    db.close();
  }
}

function manifestOf(db: Database.Database): Manifest {
  const raw = db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(MANIFEST_KEY) as string | undefined;
  let manifest: Partial<Manifest> | undefined;
  try {
    manifest = raw === undefined ? undefined : (JSON.parse(raw) as Partial<Manifest>);
  } catch {
    manifest = undefined;
  }
  if (
    !manifest ||
    manifest.format !== PACKAGE_FORMAT ||
    typeof manifest.checksum !== 'string' ||
    typeof manifest.organisation !== 'string' ||
    !Array.isArray(manifest.meetings)
  )
    throw refused(`${REFUSED}这是冰城商量的数据文件，但不是会议包（没有会议包说明）`);
  return manifest as Manifest;
}
