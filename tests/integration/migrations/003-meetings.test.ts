import { describe, expect, it } from 'vitest';
import { isoNow, migrateWithData, useTempFiles } from './kit';

const tempFile = useTempFiles();

describe('migration 003 (meetings and the queue), from version 2 with data in it', () => {
  it('keeps topics and people, and allows one speaker on the floor per meeting', () => {
    const now = isoNow();
    const v3 = migrateWithData(tempFile(), 3, (v2) => {
      v2.prepare(
        "INSERT INTO person (name, kind, created_at, updated_at) VALUES ('甲', '委员', ?, ?), ('乙', '委员', ?, ?)",
      ).run(now, now, now, now);
      v2.prepare(
        "INSERT INTO topic (title, source, received_on, year, status, created_at, updated_at) VALUES ('议题', '热线', '2026-01-01', 2026, '已定题', ?, ?)",
      ).run(now, now);
    });
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
