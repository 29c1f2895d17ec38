import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { latestVersion, migrations } from '../../electron/core/db/migrations';
import { AppError } from '../../electron/core/errors';
import { SEARCH_KIND_BASE_007 } from '../../electron/core/db/migrations/007-search';
import { SEARCH_KIND_BASE } from '../../electron/core/db/searchIndex';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bcsl-mig-'));
  dirs.push(dir);
  return join(dir, 'bcsl.db');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

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

describe('migration 001 (directory and settings), from an empty file', () => {
  it('creates the directory tables and keeps references honest', () => {
    const db = openDatabase(tempFile(), { migrations: migrations.slice(0, 1) });
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

describe('migration 002 (topics), from version 1 with data in it', () => {
  it('keeps the directory and adds the topic tables that reference it', () => {
    const file = tempFile();
    const v1 = openDatabase(file, { migrations: migrations.slice(0, 1) });
    const now = new Date().toISOString();
    v1.prepare('INSERT INTO committee (name, created_at, updated_at) VALUES (?, ?, ?)').run(
      '社会和法制委员会',
      now,
      now,
    );
    v1.prepare("INSERT INTO person (name, kind, created_at, updated_at) VALUES ('甲', '专家学者', ?, ?)").run(now, now);
    v1.prepare("INSERT INTO setting (key, value) VALUES ('orgName', '\"政协道里区委员会\"')").run();
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    v1.close();

    const v2 = openDatabase(file, { migrations: migrations.slice(0, 2) });
    expect(v2.pragma('user_version', { simple: true })).toBe(2);
    expect(v2.prepare('SELECT name FROM person').pluck().all()).toEqual(['甲']);
    expect(v2.prepare("SELECT value FROM setting WHERE key = 'orgName'").pluck().get()).toBe('"政协道里区委员会"');
    v2.prepare(
      "INSERT INTO topic (title, source, received_on, year, committee_id, created_at, updated_at) VALUES ('议题', '热线', '2026-01-01', 2026, 1, ?, ?)",
    ).run(now, now);
    expect(() =>
      v2
        .prepare(
          "INSERT INTO topic (title, source, received_on, year, committee_id, created_at, updated_at) VALUES ('x', '热线', '2026-01-01', 2026, 99, ?, ?)",
        )
        .run(now, now),
    ).toThrow(/FOREIGN KEY/);
    v2.close();
  });
});

describe('migration 003 (meetings and the queue), from version 2 with data in it', () => {
  it('keeps topics and people, and allows one speaker on the floor per meeting', () => {
    const file = tempFile();
    const v2 = openDatabase(file, { migrations: migrations.slice(0, 2) });
    const now = new Date().toISOString();
    v2.prepare(
      "INSERT INTO person (name, kind, created_at, updated_at) VALUES ('甲', '委员', ?, ?), ('乙', '委员', ?, ?)",
    ).run(now, now, now, now);
    v2.prepare(
      "INSERT INTO topic (title, source, received_on, year, status, created_at, updated_at) VALUES ('议题', '热线', '2026-01-01', 2026, '已定题', ?, ?)",
    ).run(now, now);
    v2.close();

    const v3 = openDatabase(file, { migrations: migrations.slice(0, 3) });
    expect(v3.pragma('user_version', { simple: true })).toBe(3);
    expect(v3.prepare('SELECT title FROM topic').pluck().all()).toEqual(['议题']);
    expect(v3.prepare('SELECT mode FROM screen').pluck().all()).toEqual(['agenda']);
    v3.prepare(
      "INSERT INTO meeting (topic_id, form, title, year, issue_no, starts_at, created_at, updated_at) VALUES (1, '冰城商量', '会', 2026, 1, '2026-05-14T09:00', ?, ?)",
    ).run(now, now);
    const speech = v3.prepare(
      "INSERT INTO speech (meeting_id, person_id, kind, position, state, limit_seconds, created_at) VALUES (1, ?, '预约发言', ?, ?, 480, ?)",
    );
    speech.run(1, 1, '发言中', now);
    expect(() => speech.run(2, 2, '暂停', now)).toThrow(/UNIQUE/);
    speech.run(2, 2, '等待', now);
    v3.close();
  });
});

describe('migration 004 (minutes, revisions and marks), from version 3 with data in it', () => {
  it('keeps meetings and speeches, and marks refer to them', () => {
    const file = tempFile();
    const v3 = openDatabase(file, { migrations: migrations.slice(0, 3) });
    const now = new Date().toISOString();
    v3.prepare("INSERT INTO person (name, kind, created_at, updated_at) VALUES ('甲', '委员', ?, ?)").run(now, now);
    v3.prepare(
      "INSERT INTO meeting (form, title, year, issue_no, starts_at, created_at, updated_at) VALUES ('冰城商量', '会', 2026, 1, '2026-05-14T09:00', ?, ?)",
    ).run(now, now);
    v3.prepare(
      "INSERT INTO speech (meeting_id, person_id, kind, position, limit_seconds, created_at) VALUES (1, 1, '预约发言', 1, 480, ?)",
    ).run(now);
    v3.close();

    const v4 = openDatabase(file, { migrations: migrations.slice(0, 4) });
    expect(v4.pragma('user_version', { simple: true })).toBe(4);
    expect(v4.prepare('SELECT title FROM meeting').pluck().all()).toEqual(['会']);
    v4.prepare(
      "INSERT INTO minutes (meeting_id, doc, plain, chars, version, saved_at, session) VALUES (1, '{}', '', 0, 1, ?, 's')",
    ).run(now);
    v4.prepare(
      "INSERT INTO mark (id, meeting_id, kind, excerpt, speech_id, ord, created_at) VALUES ('jy-12345678', 1, '建议', '摘录', 1, 1, ?)",
    ).run(now);
    expect(() =>
      v4
        .prepare(
          "INSERT INTO mark (id, meeting_id, kind, excerpt, speech_id, ord, created_at) VALUES ('jy-87654321', 1, '建议', '摘录', 99, 2, ?)",
        )
        .run(now),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      v4
        .prepare(
          "INSERT INTO minutes (meeting_id, doc, plain, chars, version, saved_at, session) VALUES (7, '{}', '', 0, 1, ?, 's')",
        )
        .run(now),
    ).toThrow(/FOREIGN KEY/);
    v4.close();
  });
});

describe('migration 005 (resolutions), from version 4 with data in it', () => {
  it('keeps the minutes and marks, and a link outlives its mark leaving the text for a while', () => {
    const file = tempFile();
    const v4 = openDatabase(file, { migrations: migrations.slice(0, 4) });
    const now = new Date().toISOString();
    v4.prepare("INSERT INTO person (name, kind, created_at, updated_at) VALUES ('甲', '委员', ?, ?)").run(now, now);
    v4.prepare("INSERT INTO department (name, created_at, updated_at) VALUES ('市城管局', ?, ?)").run(now, now);
    v4.prepare(
      "INSERT INTO meeting (form, title, year, issue_no, starts_at, created_at, updated_at) VALUES ('冰城商量', '会', 2026, 1, '2026-05-14T09:00', ?, ?)",
    ).run(now, now);
    v4.prepare(
      "INSERT INTO mark (id, meeting_id, kind, excerpt, ord, created_at) VALUES ('jy-12345678', 1, '建议', '增设指引牌', 1, ?)",
    ).run(now);
    v4.close();

    const v5 = openDatabase(file, { migrations: migrations.slice(0, 5) });
    expect(v5.pragma('user_version', { simple: true })).toBe(5);
    expect(v5.prepare('SELECT excerpt FROM mark').pluck().all()).toEqual(['增设指引牌']);
    v5.prepare(
      "INSERT INTO resolution (meeting_id, position, text, lead_department_id, created_at, updated_at) VALUES (1, 1, '增设指引牌', 1, ?, ?)",
    ).run(now, now);
    v5.prepare("INSERT INTO resolution_mark (resolution_id, mark_id) VALUES (1, 'jy-12345678')").run();
    v5.prepare("DELETE FROM mark WHERE id = 'jy-12345678'").run();
    expect(v5.prepare('SELECT count(*) FROM resolution_mark').pluck().get()).toBe(1);
    expect(v5.prepare('SELECT text FROM resolution').pluck().all()).toEqual(['增设指引牌']);
    expect(() =>
      v5.prepare('INSERT INTO resolution_co (resolution_id, department_id, ord) VALUES (1, 99, 0)').run(),
    ).toThrow(/FOREIGN KEY/);
    v5.close();
  });
});

describe('migration 006 (follow-up), from version 5 with data in it', () => {
  it('keeps the resolutions and makes their follow-up record append-only', () => {
    const file = tempFile();
    const v5 = openDatabase(file, { migrations: migrations.slice(0, 5) });
    const now = new Date().toISOString();
    v5.prepare(
      "INSERT INTO meeting (form, title, year, issue_no, starts_at, created_at, updated_at) VALUES ('冰城商量', '会', 2026, 1, '2026-05-14T09:00', ?, ?)",
    ).run(now, now);
    v5.prepare(
      "INSERT INTO resolution (meeting_id, position, text, created_at, updated_at) VALUES (1, 1, '增设指引牌', ?, ?)",
    ).run(now, now);
    v5.close();

    const v6 = openDatabase(file, { migrations: migrations.slice(0, 6) });
    expect(v6.pragma('user_version', { simple: true })).toBe(6);
    expect(v6.prepare('SELECT text FROM resolution').pluck().all()).toEqual(['增设指引牌']);
    v6.prepare(
      "INSERT INTO followup_event (resolution_id, action, date, by, note, created_at) VALUES (1, '交办', '2026-06-01', '办公厅', '', ?)",
    ).run(now);
    expect(() => v6.prepare("UPDATE followup_event SET by = '别人'").run()).toThrow('只能追加');
    expect(() => v6.prepare('DELETE FROM followup_event').run()).toThrow('只能追加');
    expect(() =>
      v6
        .prepare(
          "INSERT INTO followup_event (resolution_id, action, date, by, note, created_at) VALUES (9, '交办', '2026-06-01', '办公厅', '', ?)",
        )
        .run(now),
    ).toThrow(/FOREIGN KEY/);
    v6.close();
  });
});

describe('migration 007 (archive search), from version 6 with data in it', () => {
  it('indexes what is already there and keeps the index with later changes', () => {
    const file = tempFile();
    const v6 = openDatabase(file, { migrations: migrations.slice(0, 6) });
    const now = new Date().toISOString();
    v6.prepare(
      "INSERT INTO topic (title, description, source, received_on, year, created_at, updated_at) VALUES ('中央大街景区公厕不足', '游客反映', '热线', '2026-01-01', 2026, ?, ?)",
    ).run(now, now);
    v6.close();

    const v7 = openDatabase(file, { migrations: migrations.slice(0, 7) });
    const find = (q: string) =>
      v7.prepare('SELECT kind, ref_id FROM search_index WHERE search_index MATCH ?').all(`"${q}"`);
    expect(find('景区公厕')).toEqual([{ kind: 'topic', ref_id: 1 }]);
    v7.prepare("UPDATE topic SET title = '松花江沿岸步道照明' WHERE id = 1").run();
    expect(find('景区公厕')).toEqual([]);
    expect(find('沿岸步道')).toEqual([{ kind: 'topic', ref_id: 1 }]);
    v7.close();
  });
});
