import { describe, expect, it } from 'vitest';
import { isoNow, migrateWithData, useTempFiles } from './kit';

const tempFile = useTempFiles();

describe('migration 010 (documents and practice), from version 9 with data in it', () => {
  it('keeps a standing confirmation standing and earlier decisions as taken in the meeting room', () => {
    const now = isoNow();
    const v10 = migrateWithData(tempFile(), 10, (v9) => {
      v9.prepare(
        "INSERT INTO topic (title, description, source, received_on, year, created_at, updated_at) VALUES ('背街小巷路灯', '居民反映', '热线', '2026-01-01', 2026, ?, ?)",
      ).run(now, now);
      v9.prepare(
        "INSERT INTO topic_event (topic_id, seq, decision, step, decided_on, created_at) VALUES (1, 1, '通过', 1, '2026-01-02', ?)",
      ).run(now);
      v9.prepare(
        "INSERT INTO meeting (form, title, year, issue_no, starts_at, created_at, updated_at) VALUES ('冰城商量', '路灯', 2026, 1, '2026-02-01T09:00', ?, ?)",
      ).run(now, now);
      v9.prepare(
        "INSERT INTO resolution_confirmation (meeting_id, confirmed_by, confirmed_at) VALUES (1, '王振华', ?)",
      ).run(now);
    });
    expect(v10.prepare('SELECT snapshot, withdrawn_at FROM resolution_confirmation').get()).toEqual({
      snapshot: '[]',
      withdrawn_at: null,
    });
    expect(v10.prepare('SELECT backfilled FROM topic_event').get()).toEqual({ backfilled: 0 });
    expect(() => v10.prepare('UPDATE topic_event SET backfilled = 1').run()).toThrow();
    v10.prepare("INSERT INTO meeting_summary (meeting_id, body, updated_at) VALUES (1, '会议认为，', ?)").run(now);
    expect(v10.prepare('SELECT count(*) AS n FROM meeting_summary').get()).toEqual({ n: 1 });
    v10.close();
  });
});
