import type { Migration } from './types';

export const migration004: Migration = {
  version: 4,
  name: '会议记录、历史版本与标记',
  up(db) {
    db.exec(`
      -- One minutes document per meeting: Lexical's JSON, and its plain text for search.
      CREATE TABLE minutes (
        meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id),
        doc TEXT NOT NULL,
        plain TEXT NOT NULL,
        chars INTEGER NOT NULL,
        -- counts saves; a save names the version it started from
        version INTEGER NOT NULL,
        saved_at TEXT NOT NULL,
        -- the core session that saved last, and whether its editor closed cleanly afterwards:
        -- a later session finding clean = 0 knows the app ended without closing (a crash)
        session TEXT NOT NULL,
        clean INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- Snapshots: every 5 minutes of saving, at meeting end, before a restore or an overwrite.
      CREATE TABLE minutes_revision (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        version INTEGER NOT NULL,
        reason TEXT NOT NULL,
        doc TEXT NOT NULL,
        plain TEXT NOT NULL,
        chars INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX minutes_revision_meeting ON minutes_revision(meeting_id, created_at);

      -- Marked passages (建议, 回应/承诺, 共识): derived from the document at every save, in the
      -- same transaction, so the records and the highlighted text never disagree.
      CREATE TABLE mark (
        id TEXT PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        kind TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        speech_id INTEGER REFERENCES speech(id),
        ord INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX mark_meeting ON mark(meeting_id, ord);
    `);
  },
};
