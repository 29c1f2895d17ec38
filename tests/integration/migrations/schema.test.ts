import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestVersion, migrations } from '../../../electron/core/db/migrations';
import { openAt, useTempFiles } from './kit';

const tempFile = useTempFiles();
const SCHEMA_FILE = join(import.meta.dirname, 'schema.sql');
const RELEASED_FILE = join(import.meta.dirname, 'released.json');

/** One line per line of SQL, without indentation or trailing blanks, and no empty lines. */
const normalise = (sql: string) =>
  sql
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');

/**
 * The schema after the last migration as SQLite stores it (sqlite_master: type, name, table, SQL),
 * each table followed by its indexes and triggers; indexes SQLite makes itself (UNIQUE, PRIMARY
 * KEY of a WITHOUT ROWID table) have no SQL and are listed by name.
 */
function schemaText(db: Database.Database): string {
  const rows = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master
        ORDER BY tbl_name, CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'trigger' THEN 2 ELSE 3 END, name`,
    )
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  const parts = rows.map(
    (r) =>
      `-- ${r.type} ${r.name} on ${r.tbl_name}\n${r.sql === null ? '-- (made by SQLite itself)' : `${normalise(r.sql)};`}`,
  );
  return `-- Schema version ${latestVersion}, as sqlite_master holds it after the last migration.\n-- Written by tests/integration/migrations/schema.test.ts (UPDATE_SCHEMA=1); review every diff.\n\n${parts.join('\n\n')}\n`;
}

/**
 * What a migration does to a file, independent of how its source is laid out: every SQL text it
 * hands to SQLite (exec, and prepare with the arguments of each run), whitespace-normalised, in
 * order, hashed with its version and name. Reformatting or commenting the TypeScript around it
 * changes nothing; changing what it executes changes the hash.
 */
function migrationFingerprints(): { version: number; name: string; sha256: string }[] {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const out: { version: number; name: string; sha256: string }[] = [];
  for (const m of migrations) {
    const executed: string[] = [];
    const exec = db.exec.bind(db);
    const prepare = db.prepare.bind(db);
    const spy = Object.create(db) as Database.Database;
    spy.exec = (sql: string) => (executed.push(normalise(sql)), exec(sql), spy);
    spy.prepare = ((sql: string) => {
      const stmt = prepare(sql);
      const run = stmt.run.bind(stmt);
      stmt.run = (...args: unknown[]) => (executed.push(`${normalise(sql)} ${JSON.stringify(args)}`), run(...args));
      return stmt;
    }) as typeof db.prepare;
    db.transaction(() => m.up(spy))();
    const sha256 = createHash('sha256')
      .update(JSON.stringify({ version: m.version, name: m.name, executed }))
      .digest('hex');
    out.push({ version: m.version, name: m.name, sha256 });
  }
  db.close();
  return out;
}

describe('schema after the last migration', () => {
  it('equals the reviewed snapshot in tests/integration/migrations/schema.sql', () => {
    const db = openAt(tempFile(), latestVersion);
    const actual = schemaText(db);
    db.close();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, actual);
    expect(existsSync(SCHEMA_FILE), 'schema.sql is missing: write it with UPDATE_SCHEMA=1 (see below)').toBe(true);
    expect(
      actual,
      'The schema differs from schema.sql. If a new migration changed it on purpose, run ' +
        'UPDATE_SCHEMA=1 npx vitest run --project integration tests/integration/migrations/schema.test.ts ' +
        'and commit the diff of schema.sql with the migration; if not, a migration or the open changed the schema.',
    ).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});

describe('released migrations are never edited', () => {
  const recorded = JSON.parse(readFileSync(RELEASED_FILE, 'utf8')) as Record<string, { name: string; sha256: string }>;
  const actual = migrationFingerprints();

  for (const m of actual) {
    it(`migration ${String(m.version).padStart(3, '0')} (${m.name}) executes what was released`, () => {
      const entry = recorded[m.version];
      if (!entry) {
        if (process.env.UPDATE_MIGRATION_HASHES === '1') {
          recorded[m.version] = { name: m.name, sha256: m.sha256 };
          writeFileSync(RELEASED_FILE, `${JSON.stringify(recorded, null, 2)}\n`);
          return;
        }
        expect.fail(
          `Migration ${m.version} is not recorded in tests/integration/migrations/released.json. Once it is final, ` +
            'record it with UPDATE_MIGRATION_HASHES=1 npx vitest run --project integration tests/integration/migrations/schema.test.ts ' +
            '(this only adds missing entries, never changes one).',
        );
      }
      expect(
        m.sha256,
        `Migration ${m.version} (${entry.name}) has been released: files out there were migrated by it as it was. ` +
          'Do not edit it: undo the change and write a new migration (the next number) that changes the schema or data ' +
          'from where this one left it. 已发布的迁移不能修改，请另写一个新的迁移。',
      ).toBe(entry.sha256);
    });
  }

  it('records no migration that no longer exists', () => {
    expect(Object.keys(recorded).map(Number)).toEqual(actual.map((m) => m.version).filter((v) => v in recorded));
  });
});
