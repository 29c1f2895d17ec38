import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  name: '会议、参会人员、议程、发言队列与投屏',
  up(db) {
    db.exec(`
      CREATE TABLE meeting (
        id INTEGER PRIMARY KEY,
        -- null: an ad-hoc meeting without a decided topic (shown flagged)
        topic_id INTEGER REFERENCES topic(id),
        form TEXT NOT NULL,
        title TEXT NOT NULL,
        year INTEGER NOT NULL,
        issue_no INTEGER NOT NULL,
        -- local wall-clock time as the meeting notice prints it: 2026-05-14T09:00
        starts_at TEXT NOT NULL,
        place TEXT NOT NULL DEFAULT '',
        chair_id INTEGER REFERENCES person(id),
        committee_id INTEGER REFERENCES committee(id),
        recorder_id INTEGER REFERENCES person(id),
        status TEXT NOT NULL DEFAULT '筹备中',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meeting_year_form ON meeting(year, form, issue_no);

      -- Every status change, with the reason unarchiving requires.
      CREATE TABLE meeting_status_log (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE participant (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        person_id INTEGER NOT NULL REFERENCES person(id),
        role TEXT NOT NULL,
        attendance TEXT NOT NULL DEFAULT '未签到',
        checked_in_at TEXT,
        UNIQUE (meeting_id, person_id)
      ) STRICT;

      CREATE TABLE agenda_item (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        planned_minutes INTEGER NOT NULL,
        started_at TEXT,
        ended_at TEXT
      ) STRICT;
      CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);

      CREATE TABLE speech (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        person_id INTEGER NOT NULL REFERENCES person(id),
        kind TEXT NOT NULL,
        agenda_item_id INTEGER REFERENCES agenda_item(id),
        -- 1..n per meeting without gaps (checked by tests; renumbered in one transaction)
        position INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT '等待',
        limit_seconds INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        ended_at TEXT
      ) STRICT;
      CREATE INDEX speech_meeting ON speech(meeting_id, position);
      -- At most one speaker on the floor per meeting, whatever the clients send.
      CREATE UNIQUE INDEX speech_one_on_floor ON speech(meeting_id) WHERE state IN ('发言中', '暂停');

      -- Speaking intervals: elapsed time is their sum, never a ticking counter.
      CREATE TABLE speech_interval (
        id INTEGER PRIMARY KEY,
        speech_id INTEGER NOT NULL REFERENCES speech(id),
        started_at TEXT NOT NULL,
        stopped_at TEXT
      ) STRICT;
      CREATE INDEX speech_interval_speech ON speech_interval(speech_id);

      -- 部门回应 answers member speeches (打收条).
      CREATE TABLE speech_answer (
        response_id INTEGER NOT NULL REFERENCES speech(id),
        speech_id INTEGER NOT NULL REFERENCES speech(id),
        PRIMARY KEY (response_id, speech_id)
      ) STRICT;

      -- What the projector shows: one row, set from the console.
      CREATE TABLE screen (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        meeting_id INTEGER REFERENCES meeting(id),
        mode TEXT NOT NULL DEFAULT 'agenda',
        message TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO screen (id, mode, updated_at) VALUES (1, 'agenda', '1970-01-01T00:00:00.000Z');
    `);
  },
};
