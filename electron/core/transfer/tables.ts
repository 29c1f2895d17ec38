/**
 * What travels in a 会议包 and how each table's rows find their counterpart on the receiving side.
 * Integer ids are local to an installation: every reference below is remapped through the row it
 * points to (its uid, its parent, its two ends), never copied as a number.
 */

/** How a package row meets the receiver's rows. */
export type Mode =
  /** The directory and topics: matched (by uid, else as `match` says) and added when missing, never overwritten: the receiver's directory is its own. */
  | 'directory'
  /** A meeting's own records: added, or brought up to date when the same uid came before. */
  | 'own'
  /** Histories: added once by uid, never changed. */
  | 'append'
  /** Rows named by their references (links, one-row-per-parent tables, marks by their text id): added or brought up to date. */
  | 'keyed';

export interface TravelTable {
  name: string;
  mode: Mode;
  /** Column → the table whose local id it holds. */
  refs: Readonly<Record<string, string>>;
  /** References that become NULL when their row did not travel (a topic merged into one not exported). */
  optional?: readonly string[];
  /** For 'keyed': the columns that name the row (after remapping). */
  key?: readonly string[];
  /** Columns never overwritten on the receiving side (a device's token is the installation's secret). */
  keepLocal?: readonly string[];
  /** Chinese name, for the preview's “what differs”. */
  label: string;
}

const M = 'meeting_id';
export const TRAVEL: readonly TravelTable[] = [
  { name: 'sector', mode: 'directory', refs: {}, label: '界别' },
  { name: 'committee', mode: 'directory', refs: {}, label: '专委会' },
  { name: 'department', mode: 'directory', refs: {}, label: '部门' },
  {
    name: 'person',
    mode: 'directory',
    refs: { sector_id: 'sector', committee_id: 'committee', department_id: 'department' },
    label: '人员',
  },
  {
    name: 'topic',
    mode: 'directory',
    refs: { committee_id: 'committee', lead_committee_id: 'committee', merged_into: 'topic' },
    optional: ['merged_into'],
    label: '议题',
  },
  {
    name: 'topic_event',
    mode: 'append',
    refs: { topic_id: 'topic', other_topic_id: 'topic' },
    optional: ['other_topic_id'],
    label: '议题决定',
  },
  {
    name: 'topic_sector',
    mode: 'keyed',
    refs: { topic_id: 'topic', sector_id: 'sector' },
    key: ['topic_id', 'sector_id'],
    label: '议题界别',
  },
  {
    name: 'meeting',
    mode: 'own',
    refs: { topic_id: 'topic', chair_id: 'person', recorder_id: 'person', committee_id: 'committee' },
    label: '会议',
  },
  { name: 'meeting_status_log', mode: 'append', refs: { [M]: 'meeting' }, label: '会议状态' },
  { name: 'participant', mode: 'own', refs: { [M]: 'meeting', person_id: 'person' }, label: '参会人员' },
  { name: 'agenda_item', mode: 'own', refs: { [M]: 'meeting' }, label: '议程' },
  {
    name: 'speech',
    mode: 'own',
    refs: { [M]: 'meeting', person_id: 'person', agenda_item_id: 'agenda_item' },
    label: '发言',
  },
  { name: 'speech_interval', mode: 'own', refs: { speech_id: 'speech' }, label: '发言计时' },
  {
    name: 'speech_answer',
    mode: 'keyed',
    refs: { response_id: 'speech', speech_id: 'speech' },
    key: ['response_id', 'speech_id'],
    label: '回应',
  },
  { name: 'lan_session', mode: 'own', refs: { [M]: 'meeting' }, label: '会场互联' },
  {
    name: 'lan_device',
    mode: 'own',
    refs: { [M]: 'meeting', participant_id: 'participant' },
    keepLocal: ['token_hash'],
    label: '会场设备',
  },
  {
    name: 'speak_request',
    mode: 'own',
    refs: { [M]: 'meeting', participant_id: 'participant', device_id: 'lan_device', speech_id: 'speech' },
    label: '发言申请',
  },
  {
    name: 'written_opinion',
    mode: 'own',
    refs: { [M]: 'meeting', participant_id: 'participant', device_id: 'lan_device' },
    label: '书面意见',
  },
  { name: 'device_event', mode: 'append', refs: { [M]: 'meeting', device_id: 'lan_device' }, label: '设备记录' },
  { name: 'mark', mode: 'keyed', refs: { [M]: 'meeting', speech_id: 'speech' }, key: ['id'], label: '标记' },
  { name: 'minutes_revision', mode: 'append', refs: { [M]: 'meeting' }, label: '会议记录版本' },
  { name: 'resolution', mode: 'own', refs: { [M]: 'meeting', lead_department_id: 'department' }, label: '协商意见' },
  {
    name: 'resolution_co',
    mode: 'keyed',
    refs: { resolution_id: 'resolution', department_id: 'department' },
    key: ['resolution_id', 'department_id'],
    label: '协办单位',
  },
  {
    name: 'resolution_mark',
    mode: 'keyed',
    refs: { resolution_id: 'resolution' },
    key: ['resolution_id', 'mark_id'],
    label: '意见来源',
  },
  {
    name: 'resolution_speech',
    mode: 'keyed',
    refs: { resolution_id: 'resolution', speech_id: 'speech' },
    key: ['resolution_id', 'speech_id'],
    label: '意见来源',
  },
  { name: 'resolution_confirmation', mode: 'keyed', refs: { [M]: 'meeting' }, key: [M], label: '主持人确认' },
  { name: 'meeting_summary', mode: 'keyed', refs: { [M]: 'meeting' }, key: [M], label: '会议纪要' },
  { name: 'followup_event', mode: 'append', refs: { resolution_id: 'resolution' }, label: '督办记录' },
];

/**
 * Carried and merged by hand (mergeMinutes, mergeFollowUp): the shared document's state, its
 * projection, and the follow-up row replayed from its events.
 */
export const SPECIAL = ['minutes', 'minutes_yjs_snapshot', 'followup'] as const;

/** Every table a package file holds rows of, in the order they are written and checksummed. */
export const PACKAGE_TABLES = [...TRAVEL.map((t) => t.name), ...SPECIAL];

export const LABEL: Readonly<Record<string, string>> = {
  ...Object.fromEntries(TRAVEL.map((t) => [t.name, t.label])),
  minutes: '会议记录',
  minutes_yjs_snapshot: '会议记录',
  followup: '督办记录',
};

/**
 * The rows of each table that belong to the chosen meetings (`:m` is their ids as JSON): the
 * meetings, what hangs off them, and the directory entries and topics they reference.
 */
const MEETINGS = '(SELECT value FROM json_each(:m))';
const SPEECHES = `(SELECT id FROM speech WHERE meeting_id IN ${MEETINGS})`;
const RESOLUTIONS = `(SELECT id FROM resolution WHERE meeting_id IN ${MEETINGS})`;
const TOPICS = `(SELECT topic_id FROM meeting WHERE id IN ${MEETINGS})`;
const PEOPLE = `(SELECT person_id FROM participant WHERE meeting_id IN ${MEETINGS}
  UNION SELECT person_id FROM speech WHERE meeting_id IN ${MEETINGS}
  UNION SELECT chair_id FROM meeting WHERE id IN ${MEETINGS}
  UNION SELECT recorder_id FROM meeting WHERE id IN ${MEETINGS})`;
const byMeeting = `meeting_id IN ${MEETINGS}`;

export const SELECT: Readonly<Record<string, string>> = {
  sector: `id IN (SELECT sector_id FROM person WHERE id IN ${PEOPLE} UNION SELECT sector_id FROM topic_sector WHERE topic_id IN ${TOPICS})`,
  committee: `id IN (SELECT committee_id FROM person WHERE id IN ${PEOPLE}
    UNION SELECT committee_id FROM meeting WHERE id IN ${MEETINGS}
    UNION SELECT committee_id FROM topic WHERE id IN ${TOPICS} UNION SELECT lead_committee_id FROM topic WHERE id IN ${TOPICS})`,
  department: `id IN (SELECT department_id FROM person WHERE id IN ${PEOPLE}
    UNION SELECT lead_department_id FROM resolution WHERE id IN ${RESOLUTIONS}
    UNION SELECT department_id FROM resolution_co WHERE resolution_id IN ${RESOLUTIONS})`,
  person: `id IN ${PEOPLE}`,
  topic: `id IN ${TOPICS}`,
  topic_event: `topic_id IN ${TOPICS}`,
  topic_sector: `topic_id IN ${TOPICS}`,
  meeting: `id IN ${MEETINGS}`,
  speech_interval: `speech_id IN ${SPEECHES}`,
  speech_answer: `response_id IN ${SPEECHES}`,
  resolution_co: `resolution_id IN ${RESOLUTIONS}`,
  resolution_mark: `resolution_id IN ${RESOLUTIONS}`,
  resolution_speech: `resolution_id IN ${RESOLUTIONS}`,
  followup_event: `resolution_id IN ${RESOLUTIONS}`,
  followup: `resolution_id IN ${RESOLUTIONS}`,
};

export const selectionOf = (table: string) => SELECT[table] ?? byMeeting;
