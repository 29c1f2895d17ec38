import type { Migration } from './types';

export const migration006: Migration = {
  version: 6,
  name: '协商意见的跟踪督办',
  up(db) {
    db.exec(`
      -- Every step of a resolution's follow-up, dated, with who and a note: append-only.
      CREATE TABLE followup_event (
        id INTEGER PRIMARY KEY,
        resolution_id INTEGER NOT NULL REFERENCES resolution(id),
        action TEXT NOT NULL,
        date TEXT NOT NULL,
        by TEXT NOT NULL,
        note TEXT NOT NULL,
        reply_text TEXT,
        reply_class TEXT,
        evaluation TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX followup_event_resolution ON followup_event(resolution_id, id);
      CREATE TRIGGER followup_event_no_update BEFORE UPDATE ON followup_event BEGIN SELECT RAISE(ABORT, '督办记录只能追加，不能修改'); END;
      CREATE TRIGGER followup_event_no_delete BEFORE DELETE ON followup_event BEGIN SELECT RAISE(ABORT, '督办记录只能追加，不能删除'); END;

      -- Where each resolution stands, replayed from its events and kept with them, for the dashboard.
      CREATE TABLE followup (
        resolution_id INTEGER PRIMARY KEY REFERENCES resolution(id),
        state TEXT NOT NULL,
        sent_on TEXT,
        replied_on TEXT,
        reply_text TEXT NOT NULL DEFAULT '',
        reply_class TEXT,
        evaluation TEXT,
        urged INTEGER NOT NULL DEFAULT 0,
        reported_on TEXT,
        last_date TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX followup_state ON followup(state);
    `);
  },
};
