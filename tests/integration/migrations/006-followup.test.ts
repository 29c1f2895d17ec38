import { describe, expect, it } from 'vitest';
import { isoNow, migrateWithData, useTempFiles } from './kit';

const tempFile = useTempFiles();

describe('migration 006 (follow-up), from version 5 with data in it', () => {
  it('keeps the resolutions and makes their follow-up record append-only', () => {
    const now = isoNow();
    const v6 = migrateWithData(tempFile(), 6, (v5) => {
      v5.prepare(
        "INSERT INTO meeting (form, title, year, issue_no, starts_at, created_at, updated_at) VALUES ('冰城商量', '会', 2026, 1, '2026-05-14T09:00', ?, ?)",
      ).run(now, now);
      v5.prepare(
        "INSERT INTO resolution (meeting_id, position, text, created_at, updated_at) VALUES (1, 1, '增设指引牌', ?, ?)",
      ).run(now, now);
    });
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
