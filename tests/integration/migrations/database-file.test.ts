import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { latestVersion, migrations } from '../../../electron/core/db/migrations';
import { AppError } from '../../../electron/core/errors';
import { SEARCH_KIND_BASE_007 } from '../../../electron/core/db/migrations/007-search';
import { SEARCH_KIND_BASE } from '../../../electron/core/db/searchIndex';
import { useTempFiles } from './kit';

const tempFile = useTempFiles();

describe('database file', () => {
  it('is opened in WAL mode with synchronous=FULL and foreign keys on', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    db.close();
  });

  it('keeps the search index row ranges the services use equal to those migration 007 wrote', () => {
    expect(SEARCH_KIND_BASE).toEqual(SEARCH_KIND_BASE_007);
  });

  it('numbers migrations from 1 without gaps', () => {
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('refuses a file from a newer version and leaves it untouched', () => {
    const file = tempFile();
    const raw = new Database(file);
    raw.exec("CREATE TABLE future_thing (x TEXT); INSERT INTO future_thing VALUES ('keep me')");
    raw.pragma(`user_version = ${latestVersion + 5}`);
    raw.close();
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('更新版本');
    expect((error as AppError).message).toContain(`数据版本 ${latestVersion + 5}`);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(latestVersion + 5);
    expect(after.prepare('SELECT x FROM future_thing').pluck().get()).toBe('keep me');
    after.close();
  });

  it('refuses a file that is not a database with a Chinese message and does not change it', () => {
    const file = tempFile();
    const junk = Buffer.from('这不是数据库文件'.repeat(500));
    writeFileSync(file, junk);
    expect(() => openDatabase(file)).toThrow(/已损坏或不是冰城商量的数据文件/);
    expect(Buffer.compare(readFileSync(file), junk)).toBe(0);
  });
});
