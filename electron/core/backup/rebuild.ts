import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError, refused } from '../errors';
import { migrations } from '../db/migrations';
import { noReport, type Report } from './worker/progress';
import { UID_SQL_011 } from '../db/migrations/011-stable-identity';

/**
 * A restore never puts the backup's own file in place: it builds a fresh file with this app's
 * migrations (to the backup's version), copies the rows in table by table, builds the full-text
 * index anew from its text, and migrates the result up. Every trigger, view and index of the
 * restored file is then the app's own; from the backup only data arrives. Runs in the worker.
 */

/** The full-text tables' own storage: rebuilt from their text, never copied (their blobs are the FTS5 module's input). */
const ftsShadow = (table: string, virtuals: string[]) =>
  virtuals.some((v) => ['data', 'idx', 'content', 'docsize', 'config'].some((part) => table === `${v}_${part}`));

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Builds `dest` from the checked backup `source` (schema `version`, verified by trust.ts beforehand). */
export function rebuildFrom(source: string, dest: string, version: number, report: Report = noReport): void {
  rmSync(dest, { force: true });
  const db = new Database(dest);
  try {
    db.pragma('trusted_schema = OFF');
    // A file of our own that nothing uses yet: on any failure it is deleted, not rolled back, so
    // each page is written once, without a journal or a wait for the disk (forced to it at the end).
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = ON'); // the migrations run as openDatabase runs them
    for (const m of migrations.filter((m) => m.version <= version))
      db.transaction(() => {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();

    const objects = db.prepare('SELECT type, name, sql FROM sqlite_master').all() as {
      type: string;
      name: string;
      sql: string | null;
    }[];
    const triggers = objects.filter((o) => o.type === 'trigger');
    const virtuals = objects
      .filter((o) => o.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(o.sql ?? ''))
      .map((o) => o.name);
    const tables = objects
      .filter((o) => o.type === 'table' && !virtuals.includes(o.name) && !ftsShadow(o.name, virtuals))
      .map((o) => o.name);

    // Rows arrive in table order, not in the order of their references (the backup held them together).
    db.pragma('foreign_keys = OFF');
    db.exec(`ATTACH DATABASE ${sqlString(source)} AS src`);
    db.transaction(() => {
      // The app's triggers would act on every copied row (the search index, the append-only guards): off while copying.
      for (const t of triggers) db.exec(`DROP TRIGGER ${quote(t.name)}`);
      tables.forEach((table, i) => {
        report('正在重建数据', (i / tables.length) * 0.9);
        copyTable(db, table);
      });
      report('正在建立检索', 0.9);
      for (const v of virtuals) refillFullText(db, v);
      for (const t of triggers) db.exec(t.sql!);
      // A row arrives with its identity; one without (its trigger was off in the copy above) gets one here.
      for (const table of tables)
        if ((db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).includes('uid'))
          db.exec(`UPDATE main.${quote(table)} SET uid = ${UID_SQL_011} WHERE uid IS NULL`);
    }).immediate();
    db.exec('DETACH DATABASE src');
    db.pragma('foreign_keys = ON');

    report('正在升级数据', 0.95);
    // Then up to this version of the app, here in the worker rather than when the slot reopens it.
    for (const m of migrations.filter((m) => m.version > version))
      db.transaction(() => {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    // In WAL mode already, as the app opens it: the swap then reopens it without converting it on the main thread.
    db.pragma('journal_mode = WAL');
    report('正在升级数据', 1);
  } catch (e) {
    db.close();
    rmSync(dest, { force: true });
    throw e;
  }
  db.close(); // the only connection closing leaves one file
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

function copyTable(db: Database.Database, table: string): void {
  const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[])
    .map(quote)
    .join(', ');
  // What the migrations seeded (the screen's one row, default settings) gives way to the backup's rows.
  db.exec(`DELETE FROM main.${quote(table)}`);
  try {
    db.exec(`INSERT INTO main.${quote(table)} (${cols}) SELECT ${cols} FROM src.${quote(table)}`);
  } catch (e) {
    if (e instanceof AppError) throw e;
    // A value the app's own constraints refuse (a type, a CHECK, a duplicate): a crafted or damaged file.
    throw refused(`备份中表“${table}”的数据不符合本程序的要求（${(e as Error).message}）`);
  }
}

/** A full-text table filled again from the text it held (its content table is plain rows: c0, c1, … in column order). */
function refillFullText(db: Database.Database, table: string): void {
  const cols = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
  const content = cols.map((_c, i) => `c${i}`).join(', ');
  db.exec(`DELETE FROM main.${quote(table)}`);
  db.exec(
    `INSERT INTO main.${quote(table)} (rowid, ${cols.map(quote).join(', ')}) SELECT id, ${content} FROM src.${quote(`${table}_content`)}`,
  );
}
