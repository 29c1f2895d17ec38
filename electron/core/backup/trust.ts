import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError, isDamage, refused } from '../errors';
import { latestVersion } from '../db/migrations';
import { readHeader } from './fileHeader';
import { referenceSchema, schemaOf, type SchemaObject } from './referenceSchema';

/**
 * A backup is data, never code. Every file that arrives from elsewhere (a backup to describe or
 * restore, a copy about to take the data file's place) passes this one check, so that describe
 * and restore cannot disagree: read-only, `trusted_schema` off, the header and size plausible,
 * the schema exactly what this app's migrations make for its version, and (deep) a quick_check and
 * every foreign key holding.
 */

/** Larger than any data file of a consultation office could grow (a 1,000-meeting archive is a few hundred MB). */
export const MAX_BACKUP_BYTES = 4 * 1024 ** 3;

export interface TrustedBackup {
  schemaVersion: number;
  meetings: number | null;
  people: number | null;
}

const typeNames: Record<SchemaObject['type'], string> = {
  table: '表',
  index: '索引',
  trigger: '触发器',
  view: '视图',
};

const NOT_APP_FILE = '不是冰城商量的数据文件';
const DAMAGED = '文件已损坏或不是冰城商量的数据文件';
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/**
 * Checks `path` (deep: with SQLite's quick_check, which reads every page) and says what it holds;
 * otherwise throws why it cannot be used, worded to follow “不能用来恢复：” (a restore adds “，未恢复”).
 */
export function inspectBackup(path: string, { deep }: { deep: boolean }): TrustedBackup {
  checkSize(path);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    // Nothing in the file's schema may call a function or virtual table with side effects. Defensive
    // mode (no writable_schema, no corrupting pragmas) is on by default in better-sqlite3 for every
    // connection unless db.unsafeMode() is called, which this app never does.
    db.pragma('trusted_schema = OFF');
    // Each cell's size checked against its page as it is read: a crafted b-tree fails cleanly.
    db.pragma('cell_size_check = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) throw refused(NOT_APP_FILE);
    if (version > latestVersion) throw refused(`由更新版本的程序写入（数据版本 ${version}），本程序无法使用`);
    checkSchema(schemaOf(db), referenceSchema(version));
    if (deep && db.pragma('quick_check', { simple: true }) !== 'ok') throw refused('文件已损坏（完整性检查未通过）');
    if (deep) {
      // Every reference holds, as the app's constraints keep it: a row pointing at nothing is no backup of ours.
      const dangling = db.pragma('foreign_key_check') as { table: string; parent: string }[];
      if (dangling.length)
        throw refused(
          `文件中表“${dangling[0].table}”有 ${dangling.length} 行引用了不存在的“${dangling[0].parent}”记录（数据不完整或被改动过）`,
        );
    }
    return { schemaVersion: version, meetings: count(db, 'meeting'), people: count(db, 'person') };
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (isDamage(e)) throw refused(DAMAGED);
    throw refused(`无法读取该文件（${(e as { code?: string }).code ?? '读取失败'}）`);
  } finally {
    db?.close();
  }
}

/** Before SQLite reads a page: a SQLite file at all, of a plausible size, whole. */
export function checkSize(path: string): void {
  const bytes = statSync(path).size;
  if (bytes > MAX_BACKUP_BYTES) throw refused(`文件过大（${mb(bytes)}），超出冰城商量数据文件的合理大小`);
  const header = readHeader(path);
  if (!header) throw refused(NOT_APP_FILE);
  // With a -wal beside it the file may lag behind its log; SQLite itself then checks the pages.
  if (existsSync(`${path}-wal`)) return;
  const expected = header.pages === null ? null : header.pages * header.pageSize;
  if (bytes % header.pageSize !== 0 || (expected !== null && expected !== bytes))
    throw refused(
      `文件不完整或被改动过：文件头记录 ${header.pages ?? '?'} 页（${expected === null ? '?' : mb(expected)}），文件实有 ${mb(bytes)}`,
    );
}

/** Every object the same as this app's migrations make it, none missing, none added. */
function checkSchema(actual: Map<string, SchemaObject>, expected: Map<string, SchemaObject>): void {
  const expectedTables = [...expected.values()].filter((o) => o.type === 'table');
  // A SQLite file that shares none of the app's tables is some other program's file.
  if (!expectedTables.some((t) => actual.has(`table ${t.name.toLowerCase()}`))) throw refused(NOT_APP_FILE);
  const problems: string[] = [];
  for (const [key, o] of actual) {
    const mine = expected.get(key);
    if (!mine) problems.push(`备份中有本程序不会创建的${typeNames[o.type] ?? o.type}“${o.name}”`);
    else if (mine.sql !== o.sql || mine.table.toLowerCase() !== o.table.toLowerCase())
      problems.push(`备份中的${typeNames[o.type] ?? o.type}“${o.name}”与本程序创建的不同（被改动过）`);
  }
  for (const [key, o] of expected)
    if (!actual.has(key)) problems.push(`备份中缺少本程序的${typeNames[o.type]}“${o.name}”`);
  if (problems.length === 0) return;
  const more = problems.length > 3 ? `等 ${problems.length} 处问题` : '';
  throw refused(`${problems.slice(0, 3).join('；')}${more}`);
}

/** Rows in a table the app's schema for this version has (checked above), or null before it existed. */
function count(db: Database.Database, table: 'meeting' | 'person'): number | null {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  return has ? (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : null;
}
