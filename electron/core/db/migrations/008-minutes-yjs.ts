import { jsonToUpdate } from '../../minutesSync/convert';
import type { Migration } from './types';

export const migration008: Migration = {
  version: 8,
  name: '会议记录改为共享文档（Yjs）',
  up(db) {
    db.exec(`
      -- Every change to a meeting's shared minutes, from any window or the core, one row each,
      -- appended in its own transaction before it is acknowledged.
      CREATE TABLE minutes_yjs_update (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        data BLOB NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX minutes_yjs_update_meeting ON minutes_yjs_update(meeting_id, seq);
      -- The changes up to upto_seq folded into one state (compaction).
      CREATE TABLE minutes_yjs_snapshot (
        meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id),
        upto_seq INTEGER NOT NULL,
        state BLOB NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
    `);
    // Each stored document becomes the first state of its shared document. The minutes table stays
    // as the core's projection (text, marks, exports read it), so does every revision.
    const rows = db.prepare('SELECT meeting_id, doc, saved_at FROM minutes').all() as {
      meeting_id: number;
      doc: string;
      saved_at: string;
    }[];
    const insert = db.prepare('INSERT INTO minutes_yjs_snapshot (meeting_id, upto_seq, state, at) VALUES (?, 0, ?, ?)');
    for (const r of rows) insert.run(r.meeting_id, Buffer.from(jsonToUpdate(r.doc)), r.saved_at);
  },
};
