import type { ParsedInput } from '../../../shared/contract';
import type { MemberRecord, RecordDetail, RecordsList } from '../../../shared/contract/memberRecords';
import { safeFileName } from '../../../shared/domain/fileNames';
import { ATTENDANCE } from '../../../shared/domain/meetings';
import { heldStatuses, recordsTitle } from '../../../shared/domain/memberRecords';
import { matchScore } from '../../../shared/domain/personMatch';
import type { PersonKind } from '../../../shared/domain/people';
import { localToday, type QueryCtx } from '../context';
import { all, sql, value } from '../db/sql';
import { notFound } from '../errors';
import { handlers } from '../handler';
import { memberRecordsXlsx } from '../exporters/memberRecordsXlsx';
import { adoptedLines, markLines, meetingLines } from './memberRecordLines';
import { base, people, recordYears, SPOKE, whoSql, type Who } from './memberRecordsSql';
import { readSettings } from './settings';

/**
 * Members' records are read, never stored: every number is counted from the meetings, the
 * queue, the minutes' marks and the resolutions as they stand. Each list is one set-based query
 * per kind of fact (grouped by person), so 600 people × a year of meetings is a handful of
 * statements, not one per person.
 */

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
              sum(pa.attendance = ${a.present} OR (pa.attendance = ${a.unmarked} AND ${SPOKE})) AS attended,
              sum(pa.attendance = ${a.leave}) AS leave, sum(pa.attendance = ${a.absent}) AS absent,
              sum(pa.attendance = ${a.unmarked} AND NOT ${SPOKE}) AS unmarked
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
