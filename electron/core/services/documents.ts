import type { DocumentKind, RecordVersion } from '../../../shared/contract/resolutions';
import { safeFileName } from '../../../shared/domain/fileNames';
import { ATTENDANCE, listedAsPresent, participantRoles } from '../../../shared/domain/meetings';
import { readMinutesDoc } from '../../../shared/domain/minutesDoc';
import { replyClassNames } from '../../../shared/domain/followUp';
import { localToday, type QueryCtx } from '../context';
import { participantsOf } from '../data/participant';
import { all, sql, value } from '../db/sql';
import { orRefuse, refused } from '../errors';
import {
  meetingRecordDocx,
  meetingSummaryDocx,
  resolutionListDocx,
  type MeetingFacts,
} from '../exporters/meetingDocuments';
import { handlers } from '../handler';
import { meetingRow } from './meetings';
import { followUpOfMeeting } from './followUp';
import { listResolutions } from './resolutionList';
import { readSettings } from './settings';
import { meetingSummary } from './summary';

/** Roles listed under 出席 (the others present are 列席); staff are not listed. */
const PRESENT_ROLES = new Set(['主持人', '委员']);
const UNLISTED_ROLES = new Set(['工作人员']);

/** Everything the documents say about a meeting, read in one go (one consistent snapshot). */
export function meetingFacts(ctx: QueryCtx, meetingId: number): MeetingFacts {
  const m = meetingRow(ctx, meetingId);
  const { orgName, office } = readSettings(ctx);
  const person = (id: number | null) =>
    id === null ? '' : (value<string>(ctx.db, sql`SELECT name FROM person WHERE id = ${id}`) ?? '');
  const people = participantsOf(ctx, meetingId);
  const there = people.filter((p) => listedAsPresent(p.attendance));
  const topic =
    m.topicId === null
      ? null
      : value<string>(
          ctx.db,
          sql`SELECT coalesce(nullif(narrowed_title, ''), title) FROM topic WHERE id = ${m.topicId}`,
        );
  // 出席/列席 with unit and title (市政协副主席韩立国), in the customary order of the roles.
  const styled = new Map(
    all<{ id: number; styled: string }>(
      ctx.db,
      sql`SELECT pa.id, ${STYLED_SQL} AS styled
            FROM participant pa JOIN person p ON p.id = pa.person_id WHERE pa.meeting_id = ${meetingId}`,
    ).map((r) => [r.id, r.styled]),
  );
  const rank = (role: string) => participantRoles.indexOf(role as (typeof participantRoles)[number]);
  const listed = (list: typeof people) =>
    [...list].sort((a, b) => rank(a.role) - rank(b.role) || a.id - b.id).map((p) => styled.get(p.id) ?? p.name);
  return {
    orgName,
    office,
    form: m.form,
    issueNo: m.issueNo,
    title: topic ?? m.title,
    startsAt: m.startsAt,
    place: m.place,
    chair: person(m.chairId),
    chairStyled: m.chairId === null ? '' : (styledPerson(ctx, m.chairId) ?? ''),
    recorder: person(m.recorderId),
    present: listed(there.filter((p) => PRESENT_ROLES.has(p.role))),
    attending: listed(there.filter((p) => !PRESENT_ROLES.has(p.role) && !UNLISTED_ROLES.has(p.role))),
    leave: listed(people.filter((p) => p.attendance === ATTENDANCE.leave)),
    answers: answersOf(ctx, meetingId),
    counts: participantRoles
      .filter((r) => !UNLISTED_ROLES.has(r))
      .map((role) => ({ role, count: there.filter((p) => p.role === role).length }))
      .filter((c) => c.count > 0),
  };
}

/** As a 纪要 names a person: the department (or the unit), the title, the name — 市城市管理和行政执法局副局长赵宏伟. */
const UNIT = `coalesce(nullif((SELECT name FROM department WHERE id = p.department_id), ''), p.unit, '')`;
const STYLED_SQL = sql.raw(`${UNIT} || p.title || p.name`);
const UNIT_SQL = sql.raw(UNIT);

const styledPerson = (ctx: QueryCtx, personId: number) =>
  value<string>(ctx.db, sql`SELECT ${STYLED_SQL} FROM person p WHERE p.id = ${personId}`);

/** 打收条: each 部门回应 with the department and the speakers it answers, in queue order. */
function answersOf(ctx: QueryCtx, meetingId: number): MeetingFacts['answers'] {
  const rows = all<{ responseId: number; department: string; speaker: string }>(
    ctx.db,
    sql`SELECT r.id AS responseId, ${UNIT_SQL} AS department, sp.name AS speaker
          FROM speech_answer a JOIN speech r ON r.id = a.response_id JOIN person p ON p.id = r.person_id
               JOIN speech s ON s.id = a.speech_id JOIN person sp ON sp.id = s.person_id
         WHERE r.meeting_id = ${meetingId} ORDER BY r.position, s.position`,
  );
  const byResponse = new Map<number, { responseId: number; department: string; speakers: string[] }>();
  for (const r of rows) {
    const entry = byResponse.get(r.responseId) ?? { responseId: r.responseId, department: r.department, speakers: [] };
    entry.speakers.push(r.speaker);
    byResponse.set(r.responseId, entry);
  }
  return [...byResponse.values()];
}

/** `第3期-中央大街景区公厕…-会议纪要.docx`, safe on Windows and under 120 characters. */
export function documentFileName(
  facts: Pick<MeetingFacts, 'issueNo' | 'title'>,
  kind: DocumentKind,
  version?: RecordVersion,
): string {
  const suffix = `-${kind}${version === '存档版' ? '（存档版）' : ''}`;
  const room = 119 - '.docx'.length - suffix.length - `第${facts.issueNo}期-`.length;
  const title = [...facts.title].slice(0, room).join('');
  return safeFileName(`第${facts.issueNo}期-${title}${suffix}`, '.docx');
}

/** Builds one of a meeting's three documents. Reads everything before the first await. */
export async function exportMeetingDocument(
  ctx: QueryCtx,
  meetingId: number,
  kind: DocumentKind,
  date?: string,
  version: RecordVersion = '工作版',
): Promise<{ fileName: string; data: Buffer }> {
  const facts = meetingFacts(ctx, meetingId);
  const held = facts.startsAt.slice(0, 10);
  if (date && date < held) throw refused(`成文日期（${date}）不能早于会议日期（${held}）`);
  const fileName = documentFileName(facts, kind, kind === '会议记录' ? version : undefined);
  if (kind === '会议记录') {
    const doc = value<string>(ctx.db, sql`SELECT doc FROM minutes WHERE meeting_id = ${meetingId}`);
    return {
      fileName,
      data: await meetingRecordDocx(facts, doc ? orRefuse(readMinutesDoc(doc)).root : null, version),
    };
  }
  const list = listResolutions(ctx, meetingId);
  if (!list.items.length) throw refused('这次会议还没有协商意见，请先在“协商意见”中整理');
  if (kind === '会议纪要') {
    if (!list.confirmed) throw refused('协商意见尚未经主持人确认，不能导出会议纪要；请在“协商意见”中确认');
    // A 纪要 is dated as the meeting unless the secretary dates it otherwise.
    return {
      fileName,
      data: await meetingSummaryDocx(facts, list.items, date ?? held, meetingSummary(ctx, meetingId).body),
    };
  }
  const followUp = followUpOfMeeting(ctx, meetingId);
  const listed = list.items.map((r) => {
    const f = followUp.get(r.id);
    return {
      ...r,
      status: f ? `${f.state}${f.overdue ? '（逾期）' : ''}` : '待交办',
      replyClass: f?.replyClass ? `${f.replyClass}类（${replyClassNames[f.replyClass]}）` : '',
    };
  });
  return { fileName, data: await resolutionListDocx(facts, listed, date ?? localToday(ctx)) };
}

export const documentHandlers = handlers({
  'document.export': async ({ meetingId, kind, date, version }, ctx) => {
    const { fileName, data } = await exportMeetingDocument(ctx, meetingId, kind, date, version);
    return { fileName, dataBase64: data.toString('base64') };
  },
});
