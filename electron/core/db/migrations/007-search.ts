import type { Migration } from './types';

/**
 * Row ids in the search index as this migration wrote them: one range per kind. History, frozen
 * here; the services read the same numbers from db/searchIndex.ts (a test keeps the two equal).
 */
export const SEARCH_KIND_BASE_007 = { topic: 1e9, meeting: 2e9, minutes: 3e9, resolution: 4e9 } as const;

export const migration007: Migration = {
  version: 7,
  name: '档案检索（FTS5 三字组全文索引）',
  up(db) {
    const { topic, meeting, resolution } = SEARCH_KIND_BASE_007;
    db.exec(`
      -- Chinese substring search: the trigram tokenizer matches any run of three or more
      -- characters; shorter queries use LIKE on the same table (a scan, still correct).
      CREATE VIRTUAL TABLE search_index USING fts5(
        title, body,
        kind UNINDEXED, ref_id UNINDEXED, meeting_id UNINDEXED, year UNINDEXED, form UNINDEXED, status UNINDEXED, department UNINDEXED,
        tokenize = 'trigram'
      );
      -- Minutes change every second during a meeting: they are indexed when the meeting ends and,
      -- for a meeting still going on, when a search runs; this records which version is in.
      CREATE TABLE search_minutes (meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id), version INTEGER NOT NULL) STRICT;
      -- Comparing versions must not read the minutes' rows (hundreds of kilobytes each): an index holds both.
      CREATE INDEX minutes_version ON minutes(meeting_id, version);

      CREATE TRIGGER search_topic AFTER INSERT ON topic BEGIN
        INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
        VALUES (${topic} + new.id, coalesce(nullif(new.narrowed_title, ''), new.title), new.title || ' ' || new.description, 'topic', new.id, NULL, new.year, new.meeting_form, new.status, '');
      END;
      CREATE TRIGGER search_topic_update AFTER UPDATE ON topic BEGIN
        DELETE FROM search_index WHERE rowid = ${topic} + new.id;
        INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
        VALUES (${topic} + new.id, coalesce(nullif(new.narrowed_title, ''), new.title), new.title || ' ' || new.description, 'topic', new.id, NULL, new.year, new.meeting_form, new.status, '');
      END;

      CREATE TRIGGER search_meeting AFTER INSERT ON meeting BEGIN
        INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
        VALUES (${meeting} + new.id, new.title, new.title || ' ' || new.place, 'meeting', new.id, new.id, new.year, new.form, new.status, '');
      END;
      CREATE TRIGGER search_meeting_update AFTER UPDATE OF title, place, year, form, status ON meeting BEGIN
        DELETE FROM search_index WHERE rowid = ${meeting} + new.id;
        INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
        VALUES (${meeting} + new.id, new.title, new.title || ' ' || new.place, 'meeting', new.id, new.id, new.year, new.form, new.status, '');
      END;

      CREATE TRIGGER search_resolution AFTER INSERT ON resolution BEGIN
        INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
        SELECT ${resolution} + new.id, m.title, new.text, 'resolution', new.id, m.id, m.year, m.form, '待交办', coalesce((SELECT name FROM department WHERE id = new.lead_department_id), '')
          FROM meeting m WHERE m.id = new.meeting_id;
      END;
      CREATE TRIGGER search_resolution_update AFTER UPDATE OF text, lead_department_id ON resolution BEGIN
        DELETE FROM search_index WHERE rowid = ${resolution} + new.id;
        INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
        SELECT ${resolution} + new.id, m.title, new.text, 'resolution', new.id, m.id, m.year, m.form,
               coalesce((SELECT state FROM followup WHERE resolution_id = new.id), '待交办'), coalesce((SELECT name FROM department WHERE id = new.lead_department_id), '')
          FROM meeting m WHERE m.id = new.meeting_id;
      END;
      CREATE TRIGGER search_resolution_delete AFTER DELETE ON resolution BEGIN
        DELETE FROM search_index WHERE rowid = ${resolution} + old.id;
      END;
      CREATE TRIGGER search_followup AFTER INSERT ON followup BEGIN
        UPDATE search_index SET status = new.state WHERE rowid = ${resolution} + new.resolution_id;
      END;
      CREATE TRIGGER search_followup_update AFTER UPDATE OF state ON followup BEGIN
        UPDATE search_index SET status = new.state WHERE rowid = ${resolution} + new.resolution_id;
      END;
    `);
    // What is already there is indexed once, here.
    db.exec(`
      INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
        SELECT ${topic} + id, coalesce(nullif(narrowed_title, ''), title), title || ' ' || description, 'topic', id, NULL, year, meeting_form, status, '' FROM topic;
      INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
        SELECT ${meeting} + id, title, title || ' ' || place, 'meeting', id, id, year, form, status, '' FROM meeting;
      INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
        SELECT ${resolution} + r.id, m.title, r.text, 'resolution', r.id, m.id, m.year, m.form, coalesce(f.state, '待交办'), coalesce(d.name, '')
          FROM resolution r JOIN meeting m ON m.id = r.meeting_id LEFT JOIN followup f ON f.resolution_id = r.id LEFT JOIN department d ON d.id = r.lead_department_id;
    `);
  },
};
