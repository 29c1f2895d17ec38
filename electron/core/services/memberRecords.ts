import type { ParsedInput } from '../../../shared/contract';
import type {
  MemberRecord,
  RecordAdopted,
  RecordDetail,
  RecordMark,
  RecordMeeting,
  RecordsList,
} from '../../../shared/contract/memberRecords';
import { safeFileName } from '../../../shared/domain/fileNames';
import { heldStatuses, recordsTitle } from '../../../shared/domain/memberRecords';
import { matchScore } from '../../../shared/domain/personMatch';
import { attendedInPerson, type Attendance } from '../../../shared/domain/meetings';
import type { PersonKind } from '../../../shared/domain/people';
import { isoNow, localToday, type QueryCtx } from '../context';
import { all, column, sql, value } from '../db/sql';
import { notFound } from '../errors';
import { handlers } from '../handler';
import { memberRecordsXlsx } from '../exporters/memberRecordsXlsx';
import { readSettings } from './settings';

/**
 * Members' records are read, never stored: every number is counted from the meetings, the
 * queue, the minutes' marks and the resolutions as they stand. Each list is one set-based query
 * per kind of fact (grouped by person), so 600 people × a year of meetings is a handful of
 * statements, not one per person.
 */

/** Attendance values the counts compare with: parameters, never text inside the SQL. */
const ATTENDANCE = {
  present: '出席',
  notCheckedIn: '未签到',
  onLeave: '请假',
  absent: '缺席',
} as const satisfies Record<string, Attendance>;

/** Whose records: every person of a kind, or one person. */
export type Who = { kind: PersonKind } | { personId: number };
const whoSql = (who: Who) => ('kind' in who ? sql`p.kind = ${who.kind}` : sql`p.id = ${who.personId}`);

/**
 * The meetings held that year, and the speeches given in them with their seconds: the sum of
 * the intervals (an open one runs to now), rounded per speech as the queue's statistics round.
 * A suggestion counts as adopted once its meeting's resolutions are confirmed by the chair: a
 * draft under discussion is not yet a resolution (a change of substance withdraws it again).
 */
const base = (ctx: QueryCtx, year: number) => sql`
  held AS (SELECT id, title, form, issue_no, starts_at, status FROM meeting WHERE year = ${year} AND status IN ${heldStatuses}),
  given AS (
    SELECT s.id, s.meeting_id, s.person_id,
           CAST(round(sum(max(0, round((unixepoch(coalesce(i.stopped_at, ${isoNow(ctx)}), 'subsec') - unixepoch(i.started_at, 'subsec')) * 1000))) / 1000.0) AS INTEGER) AS secs
      FROM speech s JOIN held h ON h.id = s.meeting_id JOIN speech_interval i ON i.speech_id = s.id
     GROUP BY s.id),
  adoptedIn AS (SELECT h.id FROM held h JOIN resolution_confirmation c ON c.meeting_id = h.id),
  sources AS (
    SELECT r.id AS rid, s.person_id FROM resolution r JOIN adoptedIn a ON a.id = r.meeting_id
      JOIN resolution_mark rm ON rm.resolution_id = r.id JOIN mark mk ON mk.id = rm.mark_id JOIN speech s ON s.id = mk.speech_id
    UNION
    SELECT r.id, s.person_id FROM resolution r JOIN adoptedIn a ON a.id = r.meeting_id
      JOIN resolution_speech rs ON rs.resolution_id = r.id JOIN speech s ON s.id = rs.speech_id)`;

/** Whether a participant gave a speech in that meeting (the speech index finds the meeting's few). */
const SPOKE = sql.raw(
  `EXISTS (SELECT 1 FROM speech s JOIN speech_interval i ON i.speech_id = s.id WHERE s.meeting_id = pa.meeting_id AND s.person_id = pa.person_id)`,
);

const MEETING_REF = sql.raw(
  `h.id AS meetingId, h.title AS meetingTitle, h.form, h.issue_no AS issueNo, substr(h.starts_at, 1, 10) AS date`,
);

/** Years with held meetings, newest first. */
export function recordYears(ctx: QueryCtx): number[] {
  return column<number>(
    ctx.db,
    sql`SELECT DISTINCT year FROM meeting WHERE status IN ${heldStatuses} ORDER BY year DESC`,
  );
}

interface Counts {
  invited: number;
  attended: number;
  leave: number;
  absent: number;
  unmarked: number;
  speeches: number;
  seconds: number;
  adopted: number;
  marks: Map<string, number>;
}

/** The year's numbers per person, in four grouped queries. */
function countsByPerson(ctx: QueryCtx, year: number, who: Who): Map<number, Counts> {
  const BASE = base(ctx, year);
  const counts = new Map<number, Counts>();
  const of = (id: number) => {
    let c = counts.get(id);
    if (!c)
      counts.set(
        id,
        (c = {
          invited: 0,
          attended: 0,
          leave: 0,
          absent: 0,
          unmarked: 0,
          speeches: 0,
          seconds: 0,
          adopted: 0,
          marks: new Map(),
        }),
      );
    return c;
  };
  const a = ATTENDANCE;
  const attendance = all<{
    id: number;
    invited: number;
    attended: number;
    leave: number;
    absent: number;
    unmarked: number;
  }>(
    ctx.db,
    sql`WITH ${BASE}
       SELECT pa.person_id AS id, count(*) AS invited,
              -- attendedInPerson (shared/domain/meetings), counted in SQL
              sum(pa.attendance = ${a.present} OR (pa.attendance = ${a.notCheckedIn} AND ${SPOKE})) AS attended,
              sum(pa.attendance = ${a.onLeave}) AS leave, sum(pa.attendance = ${a.absent}) AS absent,
              sum(pa.attendance = ${a.notCheckedIn} AND NOT ${SPOKE}) AS unmarked
         FROM participant pa JOIN held h ON h.id = pa.meeting_id JOIN person p ON p.id = pa.person_id AND ${whoSql(who)}
        GROUP BY pa.person_id`,
  );
  for (const { id, ...a } of attendance) Object.assign(of(id), a);

  const speeches = all<{ id: number; n: number; seconds: number }>(
    ctx.db,
    sql`WITH ${BASE} SELECT g.person_id AS id, count(*) AS n, sum(g.secs) AS seconds FROM given g JOIN person p ON p.id = g.person_id AND ${whoSql(who)} GROUP BY g.person_id`,
  );
  for (const s of speeches) Object.assign(of(s.id), { speeches: s.n, seconds: s.seconds });

  const marks = all<{ id: number; kind: string; n: number }>(
    ctx.db,
    sql`WITH ${BASE} SELECT s.person_id AS id, mk.kind, count(*) AS n
         FROM mark mk JOIN held h ON h.id = mk.meeting_id JOIN speech s ON s.id = mk.speech_id JOIN person p ON p.id = s.person_id AND ${whoSql(who)}
        GROUP BY s.person_id, mk.kind`,
  );
  for (const m of marks) of(m.id).marks.set(m.kind, m.n);

  // A resolution drawn from two of one person's marks, or a mark and a speech, counts once.
  const adopted = all<{ id: number; n: number }>(
    ctx.db,
    sql`WITH ${BASE} SELECT src.person_id AS id, count(DISTINCT src.rid) AS n FROM sources src JOIN person p ON p.id = src.person_id AND ${whoSql(who)} GROUP BY src.person_id`,
  );
  for (const a of adopted) of(a.id).adopted = a.n;
  return counts;
}

interface PersonRow {
  id: number;
  name: string;
  kind: PersonKind;
  pinyin: string;
  retired: number;
  sector: string;
  affiliation: string;
}

function people(ctx: QueryCtx, who: Who): PersonRow[] {
  return all<PersonRow>(
    ctx.db,
    sql`SELECT p.id, p.name, p.kind, p.pinyin, p.retired_at IS NOT NULL AS retired, coalesce(se.name, '') AS sector,
              coalesce(se.name, d.name, nullif(p.unit, ''), '') AS affiliation
         FROM person p LEFT JOIN sector se ON se.id = p.sector_id LEFT JOIN department d ON d.id = p.department_id
        WHERE ${whoSql(who)} ORDER BY p.pinyin, p.name, p.id`,
  );
}

/** One row per person of the kind; the retired only when they took part that year. */
export function listRecords(ctx: QueryCtx, input: ParsedInput<'records.list'>): RecordsList {
  const years = recordYears(ctx);
  const year = input.year ?? years[0] ?? ctx.now().getFullYear();
  const who = { kind: input.kind };
  const counts = countsByPerson(ctx, year, who);
  const rows: MemberRecord[] = [];
  for (const p of people(ctx, who)) {
    const c = counts.get(p.id);
    if (p.retired && !c) continue;
    if (input.q && matchScore(input.q, p.name, p.pinyin) === 0) continue;
    const mark = (kind: string) => c?.marks.get(kind) ?? 0;
    rows.push({
      personId: p.id,
      name: p.name,
      sector: p.sector,
      affiliation: p.affiliation,
      retired: !!p.retired,
      meetingsInvited: c?.invited ?? 0,
      meetingsAttended: c?.attended ?? 0,
      leave: c?.leave ?? 0,
      absent: c?.absent ?? 0,
      unmarked: c?.unmarked ?? 0,
      speeches: c?.speeches ?? 0,
      speakingSeconds: c?.seconds ?? 0,
      suggestions: mark('建议'),
      commitments: mark('回应/承诺'),
      consensus: mark('共识'),
      marksTotal: [...(c?.marks.values() ?? [])].reduce((a, b) => a + b, 0),
      suggestionsAdopted: c?.adopted ?? 0,
    });
  }
  const meetings =
    value<number>(ctx.db, sql`SELECT count(*) FROM meeting WHERE year = ${year} AND status IN ${heldStatuses}`) ?? 0;
  return { year, kind: input.kind, years, meetings, rows };
}

export type Lines<T> = (T & { personId: number })[];

/** Per person and meeting invited: role, attendance, speeches and seconds. */
export function meetingLines(ctx: QueryCtx, year: number, who: Who): Lines<RecordMeeting> {
  const rows = all<Omit<RecordMeeting, 'attended'> & { personId: number }>(
    ctx.db,
    sql`WITH ${base(ctx, year)}
       SELECT pa.person_id AS personId, ${MEETING_REF}, h.status, pa.role, pa.attendance, count(g.id) AS speeches, coalesce(sum(g.secs), 0) AS speakingSeconds
         FROM participant pa JOIN held h ON h.id = pa.meeting_id JOIN person p ON p.id = pa.person_id AND ${whoSql(who)}
         LEFT JOIN given g ON g.meeting_id = pa.meeting_id AND g.person_id = pa.person_id
        GROUP BY pa.id ORDER BY p.pinyin, p.id, h.starts_at, h.id`,
  );
  return rows.map((r) => ({ ...r, attended: attendedInPerson(r.attendance, r.speeches) }));
}

/** Marks in the minutes within each person's speeches, in meeting and document order. */
export function markLines(ctx: QueryCtx, year: number, who: Who): Lines<RecordMark> {
  return all<Lines<RecordMark>[number]>(
    ctx.db,
    sql`WITH ${base(ctx, year)}
       SELECT s.person_id AS personId, ${MEETING_REF}, mk.id AS markId, mk.kind, mk.excerpt
         FROM mark mk JOIN held h ON h.id = mk.meeting_id JOIN speech s ON s.id = mk.speech_id JOIN person p ON p.id = s.person_id AND ${whoSql(who)}
        ORDER BY p.pinyin, p.id, h.starts_at, h.id, mk.ord`,
  );
}

/** Resolutions drawn from each person's marks or speeches, once each. */
export function adoptedLines(ctx: QueryCtx, year: number, who: Who): Lines<RecordAdopted> {
  return all<Lines<RecordAdopted>[number]>(
    ctx.db,
    sql`WITH ${base(ctx, year)}
       SELECT src.person_id AS personId, ${MEETING_REF}, r.id AS resolutionId, r.position, r.text
         FROM sources src JOIN resolution r ON r.id = src.rid JOIN held h ON h.id = r.meeting_id JOIN person p ON p.id = src.person_id AND ${whoSql(who)}
        ORDER BY p.pinyin, p.id, h.starts_at, h.id, r.position`,
  );
}

const strip = <T extends { personId: number }>({ personId: _, ...rest }: T) => rest;

export function recordDetail(ctx: QueryCtx, { personId, year }: ParsedInput<'records.detail'>): RecordDetail {
  const [p] = people(ctx, { personId });
  if (!p) throw notFound('人员', personId);
  const who = { personId };
  return {
    year,
    person: { id: p.id, name: p.name, kind: p.kind, affiliation: p.affiliation, retired: !!p.retired },
    meetings: meetingLines(ctx, year, who).map(strip),
    marks: markLines(ctx, year, who).map(strip),
    adopted: adoptedLines(ctx, year, who).map(strip),
  };
}

/** The .xlsx of a year's records. Everything is read before the first await (one consistent snapshot). */
export async function exportMemberRecords(
  ctx: QueryCtx,
  year: number,
  kind: PersonKind,
): Promise<{ fileName: string; data: Buffer }> {
  const title = recordsTitle(year, kind);
  const who = { kind };
  const list = listRecords(ctx, { year, kind });
  const data = await memberRecordsXlsx({
    title,
    kind,
    orgName: readSettings(ctx).orgName,
    exportedOn: localToday(ctx),
    meetings: list.meetings,
    rows: list.rows,
    meetingLines: meetingLines(ctx, year, who),
    markLines: markLines(ctx, year, who),
    adoptedLines: adoptedLines(ctx, year, who),
  });
  return { fileName: safeFileName(title, '.xlsx'), data };
}

export const memberRecordHandlers = handlers({
  'records.list': (input, ctx) => listRecords(ctx, input),
  'records.detail': (input, ctx) => recordDetail(ctx, input),
  'records.export': async ({ year, kind }, ctx) => {
    const { fileName, data } = await exportMemberRecords(ctx, year, kind);
    return { fileName, dataBase64: data.toString('base64') };
  },
});
