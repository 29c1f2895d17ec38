import type { Migration } from './types';

export const migration010: Migration = {
  version: 10,
  name: '文书与实际：纪要正文、确认时的内容、补录的决定',
  up(db) {
    db.exec(`
      -- The 纪要's narrative (会议认为… 会议指出… 会议强调/要求…), drafted then edited by the secretary:
      -- paragraphs separated by a line break. No row: the export drafts it from marks and resolutions.
      CREATE TABLE meeting_summary (
        meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id),
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- A change after the chair confirmed no longer deletes the confirmation: it is marked withdrawn,
      -- and what was confirmed (JSON, resolutionSubstance per item in order) shows the chair what changed.
      ALTER TABLE resolution_confirmation ADD COLUMN snapshot TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE resolution_confirmation ADD COLUMN withdrawn_at TEXT;

      -- 补录: a decision taken on paper and entered afterwards (the six-step rules still hold).
      ALTER TABLE topic_event ADD COLUMN backfilled INTEGER NOT NULL DEFAULT 0 CHECK (backfilled IN (0, 1));
    `);
  },
};
