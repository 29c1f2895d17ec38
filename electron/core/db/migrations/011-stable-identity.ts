import { SEARCH_KIND_BASE_007 } from './007-search';
import type { Migration } from './types';

/**
 * A UUID version 7 (RFC 9562) made by SQLite itself: 48 bits of Unix time in milliseconds, the
 * version 7, 12 random bits, the variant 10, 62 random bits (random() & mask; 74 random bits in
 * all), as 8-4-4-4-12 lower-case hex. 'now' is the same for every call within one statement, so
 * the two reads of the time agree; the rows a statement backfills share its millisecond and
 * differ in their random bits. History, frozen here: migration 011 wrote its triggers with it.
 */
const MS_011 = "CAST(unixepoch('subsec') * 1000 AS INTEGER)";
export const UID_SQL_011 =
  `printf('%08x-%04x-7%03x-%04x-%012x', ${MS_011} >> 16, ${MS_011} & 65535, ` +
  'random() & 4095, (random() & 16383) | 32768, random() & 281474976710655)';

const HEX = '[0-9a-f]';
/** What a stored uid looks like: any UUID as 8-4-4-4-12 lower-case hex (a package may bring one in). */
export const UID_GLOB_011 = [8, 4, 4, 4, 12].map((n) => HEX.repeat(n)).join('-');

/**
 * The tables whose rows travel from one installation to another (a 会议包) and have an identity of
 * their own: the directory, topics with their decision history, and a meeting with everything
 * that hangs off it. Not here, because their identity is another row's: rows keyed by their
 * parent (minutes, minutes_yjs_snapshot, meeting_summary, resolution_confirmation, and followup
 * replayed from its events), links named by their two ends (sector_convenor, topic_sector,
 * speech_answer, resolution_co, resolution_mark, resolution_speech); marks already have a stable
 * id, written into the document (their rows are derived from it at every save); the shared
 * document's updates carry Yjs's own identity (client and clock) and are compacted away. Not
 * travelling at all: settings, the projector's screen, the search index.
 */
export const UID_TABLES_011 = [
  'sector',
  'committee',
  'department',
  'person',
  'topic',
  'topic_event',
  'meeting',
  'meeting_status_log',
  'participant',
  'agenda_item',
  'speech',
  'speech_interval',
  'minutes_revision',
  'lan_session',
  'lan_device',
  'speak_request',
  'written_opinion',
  'device_event',
  'resolution',
  'followup_event',
] as const;

/** The append-only histories and their guards' messages (migrations 002 and 006). */
const GUARDED_011: Readonly<Record<string, string>> = {
  topic_event: '议题决定记录只能追加，不能修改',
  followup_event: '督办记录只能追加，不能修改',
};

export const migration011: Migration = {
  version: 11,
  name: '稳定标识：可在两处安装之间流转的记录各有一个 UUID',
  up(db) {
    // Migration 007 re-indexed a topic on any change of its row: the uid set just after an insert would
    // index the new topic a second time, under the row id the insert's own trigger fills (refused by
    // the full-text table). Now on changes of what the index holds only, as for meetings and resolutions.
    const { topic } = SEARCH_KIND_BASE_007;
    db.exec(`
      DROP TRIGGER search_topic_update;
      CREATE TRIGGER search_topic_update AFTER UPDATE OF title, narrowed_title, description, year, meeting_form, status ON topic BEGIN
        DELETE FROM search_index WHERE rowid = ${topic} + new.id;
        INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
        VALUES (${topic} + new.id, coalesce(nullif(new.narrowed_title, ''), new.title), new.title || ' ' || new.description, 'topic', new.id, NULL, new.year, new.meeting_form, new.status, '');
      END;
    `);
    const columns = (table: string) =>
      db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(table) as string[];
    for (const t of UID_TABLES_011) {
      // ADD COLUMN takes no expression as its default: each row gets its uid from the statements below.
      db.exec(`ALTER TABLE ${t} ADD COLUMN uid TEXT CHECK (uid GLOB '${UID_GLOB_011}')`);
      const message = GUARDED_011[t];
      if (message) {
        // The history stays append-only: the one change allowed is a row's uid set once, from none,
        // with every other column as it was (the backfill below and the trigger after an insert).
        const others = columns(t).filter((c) => c !== 'uid');
        const same = `(${others.map((c) => `NEW.${c}`).join(', ')}) IS (${others.map((c) => `OLD.${c}`).join(', ')})`;
        db.exec(`
          DROP TRIGGER ${t}_no_update;
          CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t}
            WHEN NOT (OLD.uid IS NULL AND NEW.uid IS NOT NULL AND ${same})
            BEGIN SELECT RAISE(ABORT, '${message}'); END;
        `);
      }
      db.exec(`
        UPDATE ${t} SET uid = ${UID_SQL_011};
        CREATE UNIQUE INDEX ${t}_uid ON ${t}(uid);
        -- Every insert that names no uid gets one (an imported row brings its own).
        CREATE TRIGGER ${t}_uid_fill AFTER INSERT ON ${t} WHEN NEW.uid IS NULL
          BEGIN UPDATE ${t} SET uid = ${UID_SQL_011} WHERE rowid = NEW.rowid; END;
      `);
    }
  },
};
