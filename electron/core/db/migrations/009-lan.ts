import type { Migration } from './types';

export const migration009: Migration = {
  version: 9,
  name: '会场互联：设备、发言申请、书面意见、设备记录',
  up(db) {
    db.exec(`
      -- Each time 会场互联 was on for a meeting: where it listened, and why it ended.
      CREATE TABLE lan_session (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        addresses TEXT NOT NULL,
        port INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        ended_reason TEXT
      ) STRICT;

      -- A device of the room paired for one meeting and one role. Only a hash of its token is kept.
      CREATE TABLE lan_device (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        role TEXT NOT NULL CHECK (role IN ('chair', 'recorder', 'participant', 'projector')),
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        -- A member's phone, once its owner signed in.
        participant_id INTEGER REFERENCES participant(id),
        paired_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        -- Removed by the secretary, or 会场互联 turned off: the token works no more.
        ended_at TEXT,
        ended_reason TEXT
      ) STRICT;
      CREATE INDEX lan_device_meeting ON lan_device(meeting_id, ended_at);

      -- 申请发言 from a phone: accepted into the queue or declined, never straight into it.
      CREATE TABLE speak_request (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        participant_id INTEGER NOT NULL REFERENCES participant(id),
        device_id INTEGER NOT NULL REFERENCES lan_device(id),
        kind TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT '待处理' CHECK (state IN ('待处理', '已接受', '已谢绝')),
        created_at TEXT NOT NULL,
        decided_at TEXT,
        speech_id INTEGER REFERENCES speech(id)
      ) STRICT;
      CREATE INDEX speak_request_meeting ON speak_request(meeting_id, state);

      -- 书面意见 handed in from a phone, as it was written (the minutes carry it as a marked suggestion).
      CREATE TABLE written_opinion (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        participant_id INTEGER NOT NULL REFERENCES participant(id),
        device_id INTEGER NOT NULL REFERENCES lan_device(id),
        text TEXT NOT NULL,
        mark_id TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- What each device did, in order: the meeting's record of the room.
      CREATE TABLE device_event (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        device_id INTEGER NOT NULL REFERENCES lan_device(id),
        role TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX device_event_meeting ON device_event(meeting_id, id);
    `);
  },
};
