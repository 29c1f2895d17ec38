import type { Migration } from './types';

export const migration005: Migration = {
  version: 5,
  name: '协商意见（议定事项）及其来源与确认',
  up(db) {
    db.exec(`
      CREATE TABLE resolution (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        -- 1..n per meeting without gaps (renumbered in one transaction)
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        lead_department_id INTEGER REFERENCES department(id),
        -- 办理时限, ISO date
        deadline TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX resolution_meeting ON resolution(meeting_id, position);

      CREATE TABLE resolution_co (
        resolution_id INTEGER NOT NULL REFERENCES resolution(id) ON DELETE CASCADE,
        department_id INTEGER NOT NULL REFERENCES department(id),
        ord INTEGER NOT NULL,
        PRIMARY KEY (resolution_id, department_id)
      ) STRICT;

      -- Where a resolution came from: marks in the minutes, and speeches linked directly. A mark
      -- id is stable while the text is cut and pasted, undone or restored (its record comes and
      -- goes with each save), so the link names the id without a foreign key and outlives that.
      CREATE TABLE resolution_mark (
        resolution_id INTEGER NOT NULL REFERENCES resolution(id) ON DELETE CASCADE,
        mark_id TEXT NOT NULL,
        PRIMARY KEY (resolution_id, mark_id)
      ) STRICT;
      CREATE INDEX resolution_mark_mark ON resolution_mark(mark_id);
      CREATE TABLE resolution_speech (
        resolution_id INTEGER NOT NULL REFERENCES resolution(id) ON DELETE CASCADE,
        speech_id INTEGER NOT NULL REFERENCES speech(id),
        PRIMARY KEY (resolution_id, speech_id)
      ) STRICT;

      -- The chair's confirmation of a meeting's list; removed by any change to the list.
      CREATE TABLE resolution_confirmation (
        meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id),
        confirmed_by TEXT NOT NULL,
        confirmed_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
