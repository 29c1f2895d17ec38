import { describe, expect, it } from 'vitest';
import { isoNow, migrateWithData, useTempFiles } from './kit';

const tempFile = useTempFiles();

describe('migration 005 (resolutions), from version 4 with data in it', () => {
  it('keeps the minutes and marks, and a link outlives its mark leaving the text for a while', () => {
    const now = isoNow();
    const v5 = migrateWithData(tempFile(), 5, (v4) => {
      v4.prepare("INSERT INTO person (name, kind, created_at, updated_at) VALUES ('甲', '委员', ?, ?)").run(now, now);
      v4.prepare("INSERT INTO department (name, created_at, updated_at) VALUES ('市城管局', ?, ?)").run(now, now);
      v4.prepare(
        "INSERT INTO meeting (form, title, year, issue_no, starts_at, created_at, updated_at) VALUES ('冰城商量', '会', 2026, 1, '2026-05-14T09:00', ?, ?)",
      ).run(now, now);
      v4.prepare(
        "INSERT INTO mark (id, meeting_id, kind, excerpt, ord, created_at) VALUES ('jy-12345678', 1, '建议', '增设指引牌', 1, ?)",
      ).run(now);
    });
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
