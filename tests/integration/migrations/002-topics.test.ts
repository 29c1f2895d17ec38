import { describe, expect, it } from 'vitest';
import { isoNow, migrateWithData, useTempFiles } from './kit';

const tempFile = useTempFiles();

describe('migration 002 (topics), from version 1 with data in it', () => {
  it('keeps the directory and adds the topic tables that reference it', () => {
    const now = isoNow();
    const v2 = migrateWithData(tempFile(), 2, (v1) => {
      v1.prepare('INSERT INTO committee (name, created_at, updated_at) VALUES (?, ?, ?)').run(
        '社会和法制委员会',
        now,
        now,
      );
      v1.prepare("INSERT INTO person (name, kind, created_at, updated_at) VALUES ('甲', '专家学者', ?, ?)").run(
        now,
        now,
      );
      v1.prepare("INSERT INTO setting (key, value) VALUES ('orgName', '\"政协道里区委员会\"')").run();
      expect(v1.pragma('user_version', { simple: true })).toBe(1);
    });
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
