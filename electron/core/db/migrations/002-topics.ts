import type { Migration } from './types';

export const migration002: Migration = {
  version: 2,
  name: '议题与六步选题决定',
  up(db) {
    db.exec(`
      CREATE TABLE topic (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        submitter TEXT NOT NULL DEFAULT '',
        received_on TEXT NOT NULL,
        field TEXT NOT NULL DEFAULT '',
        year INTEGER NOT NULL,
        -- step 2: the owning committee narrows the topic
        committee_id INTEGER REFERENCES committee(id),
        narrowed_title TEXT NOT NULL DEFAULT '',
        rationale TEXT NOT NULL DEFAULT '',
        -- step 3: the office ranks the shortlist
        rank INTEGER,
        -- step 6: the annual plan
        plan_month INTEGER,
        meeting_form TEXT NOT NULL DEFAULT '',
        lead_committee_id INTEGER REFERENCES committee(id),
        -- derived from topic_event by the shared reducer, kept for lists and filters
        step INTEGER NOT NULL DEFAULT 1,
        status TEXT NOT NULL DEFAULT '进行中',
        merged_into INTEGER REFERENCES topic(id),
        deferred_to INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX topic_year_step ON topic(year, step);
      CREATE INDEX topic_status ON topic(status);

      CREATE TABLE topic_sector (
        topic_id INTEGER NOT NULL REFERENCES topic(id),
        sector_id INTEGER NOT NULL REFERENCES sector(id),
        PRIMARY KEY (topic_id, sector_id)
      ) STRICT;

      CREATE TABLE topic_event (
        id INTEGER PRIMARY KEY,
        topic_id INTEGER NOT NULL REFERENCES topic(id),
        seq INTEGER NOT NULL,
        decision TEXT NOT NULL,
        step INTEGER NOT NULL,
        to_step INTEGER,
        other_topic_id INTEGER REFERENCES topic(id),
        deferred_to INTEGER,
        decided_on TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        batch TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (topic_id, seq)
      ) STRICT;

      -- The history is append-only: SQLite itself refuses to rewrite it.
      CREATE TRIGGER topic_event_no_update BEFORE UPDATE ON topic_event
        BEGIN SELECT RAISE(ABORT, '议题决定记录只能追加，不能修改'); END;
      CREATE TRIGGER topic_event_no_delete BEFORE DELETE ON topic_event
        BEGIN SELECT RAISE(ABORT, '议题决定记录只能追加，不能删除'); END;
    `);
  },
};
