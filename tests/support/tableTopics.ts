import type { Topic } from '../../shared/contract';

/**
 * Which topic each table of the schema belongs to: a change to the table is a change of that
 * topic, a read of it depends on it. Every table after the last migration must be here (a test
 * fails otherwise), so a new table cannot slip past the topic checks.
 *
 * `derived` tables hold what the core computes from other tables (the archive search index, kept
 * by triggers and by indexing minutes before a search): writing them is not a change of its own
 * (the source table's write is), and reading them depends on every topic they are built from.
 */
export type TableTopics = { topics: readonly Topic[]; derived?: true };

const own = (topic: Topic): TableTopics => ({ topics: [topic] });
const SEARCH_SOURCES: readonly Topic[] = ['topics', 'meetings', 'minutes', 'resolutions', 'followup'];
const search: TableTopics = { topics: SEARCH_SOURCES, derived: true };

export const TABLE_TOPICS: Record<string, TableTopics> = {
  // 001 directory and settings
  sector: own('directory'),
  committee: own('directory'),
  department: own('directory'),
  person: own('directory'),
  sector_convenor: own('directory'),
  setting: own('settings'),
  // 002 topics
  topic: own('topics'),
  topic_sector: own('topics'),
  topic_event: own('topics'),
  // 003 meetings, the queue and the projector
  meeting: own('meetings'),
  meeting_status_log: own('meetings'),
  participant: own('meetings'),
  agenda_item: own('meetings'),
  speech: own('queue'),
  speech_interval: own('queue'),
  speech_answer: own('queue'),
  screen: own('screen'),
  // 004 minutes
  minutes: own('minutes'),
  minutes_revision: own('minutes'),
  mark: own('minutes'),
  // 005 resolutions
  resolution: own('resolutions'),
  resolution_co: own('resolutions'),
  resolution_mark: own('resolutions'),
  resolution_speech: own('resolutions'),
  resolution_confirmation: own('resolutions'),
  // 006 follow-up
  followup_event: own('followup'),
  followup: own('followup'),
  // 007 archive search: the FTS5 table, its shadow tables, and which minutes version is indexed
  search_index: search,
  search_index_data: search,
  search_index_idx: search,
  search_index_content: search,
  search_index_docsize: search,
  search_index_config: search,
  search_minutes: search,
  // 008 the minutes as a shared document; AUTOINCREMENT keeps its sequence numbers in sqlite_sequence
  minutes_yjs_update: own('minutes'),
  minutes_yjs_snapshot: own('minutes'),
  // 009 会场互联
  lan_session: own('lan'),
  lan_device: own('lan'),
  device_event: own('lan'),
  speak_request: own('lan'),
  written_opinion: own('lan'),
  // 010 documents and practice: the 纪要's narrative
  meeting_summary: own('resolutions'),
  sqlite_sequence: own('minutes'),
};
