import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { latestVersion } from '../../../electron/core/db/migrations';
import { openAt, useTempFiles } from './kit';

const tempFile = useTempFiles();

describe('migration 001 (directory and settings), from an empty file', () => {
  it('creates the directory tables and keeps references honest', () => {
    const db = openAt(tempFile(), 1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['committee', 'department', 'person', 'sector', 'sector_convenor', 'setting']),
    );
    const now = new Date().toISOString();
    db.prepare('INSERT INTO sector (name, created_at, updated_at) VALUES (?, ?, ?)').run('民建', now, now);
    db.prepare("INSERT INTO person (name, kind, sector_id, created_at, updated_at) VALUES ('甲', '委员', 1, ?, ?)").run(
      now,
      now,
    );
    expect(() =>
      db
        .prepare("INSERT INTO person (name, kind, sector_id, created_at, updated_at) VALUES ('乙', '委员', 99, ?, ?)")
        .run(now, now),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare('INSERT INTO sector (name, created_at, updated_at) VALUES (?, ?, ?)').run('民建', now, now),
    ).toThrow(/UNIQUE/);
    db.close();
  });

  it('re-opening an up-to-date file changes nothing', () => {
    const file = tempFile();
    const db = openDatabase(file);
    const now = new Date().toISOString();
    db.prepare('INSERT INTO department (name, created_at, updated_at) VALUES (?, ?, ?)').run('市交通运输局', now, now);
    db.close();
    const again = openDatabase(file);
    expect(again.prepare('SELECT name FROM department').pluck().all()).toEqual(['市交通运输局']);
    expect(again.pragma('user_version', { simple: true })).toBe(latestVersion);
    again.close();
  });
});
