import { describe, expect, it } from 'vitest';
import { isoNow, migrateWithData, useTempFiles } from './kit';

const tempFile = useTempFiles();

describe('migration 004 (minutes, revisions and marks), from version 3 with data in it', () => {
  it('keeps meetings and speeches, and marks refer to them', () => {
    const now = isoNow();
    const v4 = migrateWithData(tempFile(), 4, (v3) => {
      v3.prepare("INSERT INTO person (name, kind, created_at, updated_at) VALUES ('甲', '委员', ?, ?)").run(now, now);
      v3.prepare(
        "INSERT INTO meeting (form, title, year, issue_no, starts_at, created_at, updated_at) VALUES ('冰城商量', '会', 2026, 1, '2026-05-14T09:00', ?, ?)",
      ).run(now, now);
      v3.prepare(
        "INSERT INTO speech (meeting_id, person_id, kind, position, limit_seconds, created_at) VALUES (1, 1, '预约发言', 1, 480, ?)",
      ).run(now);
    });
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
