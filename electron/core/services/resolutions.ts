import type { ParsedInput } from '../../../shared/contract';
import type { Resolution, ResolutionList } from '../../../shared/contract/resolutions';
import { chineseNumeral } from '../../../shared/domain/chineseText';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import { groupByOwner } from '../db/groupByOwner';
import { notFound, refused } from '../errors';
import { handlers } from '../handler';
import { meetingRow, writableMeeting } from './meetings';
import { followUpStarted } from './followUp';
import { listMarks } from '../data/mark';
import { checkUnitRef } from './units';

interface ResolutionRow {
  id: number;
  meeting_id: number;
  position: number;
  text: string;
  lead_department_id: number | null;
  lead_department: string | null;
  deadline: string | null;
}

function resolutionRow(ctx: Ctx, id: number): ResolutionRow {
  const r = ctx.db
    .prepare(
      'SELECT id, meeting_id, position, text, lead_department_id, NULL AS lead_department, deadline FROM resolution WHERE id = ?',
    )
    .get(id) as ResolutionRow | undefined;
  if (!r) throw notFound('协商意见', id);
  return r;
}

/** The meeting's resolutions in order, with departments, sources, the confirmation and the marks not yet taken up. */
export function listResolutions(ctx: QueryCtx, meetingId: number): ResolutionList {
  meetingRow(ctx, meetingId);
  const rows = ctx.db
    .prepare(
      `SELECT r.id, r.meeting_id, r.position, r.text, r.lead_department_id, d.name AS lead_department, r.deadline
         FROM resolution r LEFT JOIN department d ON d.id = r.lead_department_id
        WHERE r.meeting_id = ? ORDER BY r.position`,
    )
    .all(meetingId) as ResolutionRow[];
  const co = groupByOwner(
    ctx.db
      .prepare(
        `SELECT c.resolution_id AS owner, c.department_id AS id, d.name FROM resolution_co c JOIN department d ON d.id = c.department_id
          WHERE c.resolution_id IN (SELECT id FROM resolution WHERE meeting_id = ?) ORDER BY c.ord`,
      )
      .all(meetingId) as { owner: number; id: number; name: string }[],
  );
  const marks = groupByOwner(
    ctx.db
      .prepare(
        `SELECT rm.resolution_id AS owner, rm.mark_id AS id, m.speech_id AS speechId FROM resolution_mark rm JOIN mark m ON m.id = rm.mark_id
          WHERE rm.resolution_id IN (SELECT id FROM resolution WHERE meeting_id = ?) ORDER BY m.ord`,
      )
      .all(meetingId) as { owner: number; id: string; speechId: number | null }[],
  );
  const speeches = groupByOwner(
    ctx.db
      .prepare(
        `SELECT rs.resolution_id AS owner, rs.speech_id AS id FROM resolution_speech rs
          WHERE rs.resolution_id IN (SELECT id FROM resolution WHERE meeting_id = ?)`,
      )
      .all(meetingId) as { owner: number; id: number }[],
  );
  const speakerOf = new Map(
    (
      ctx.db
        .prepare('SELECT s.id, p.name FROM speech s JOIN person p ON p.id = s.person_id WHERE s.meeting_id = ?')
        .all(meetingId) as { id: number; name: string }[]
    ).map((s) => [s.id, s.name]),
  );
  const items: Resolution[] = rows.map((r) => {
    const fromMarks = (marks.get(r.id) ?? []).map((m) => m.speechId).filter((s): s is number => s !== null);
    const direct = (speeches.get(r.id) ?? []).map((s) => s.id).sort((a, b) => a - b);
    const speechIds = [...new Set([...fromMarks, ...direct])].sort((a, b) => a - b);
    return {
      id: r.id,
      position: r.position,
      text: r.text,
      leadDepartmentId: r.lead_department_id,
      leadDepartment: r.lead_department ?? '',
      coDepartmentIds: (co.get(r.id) ?? []).map((c) => c.id),
      coDepartments: (co.get(r.id) ?? []).map((c) => c.name),
      deadline: r.deadline,
      markIds: (marks.get(r.id) ?? []).map((m) => m.id),
      directSpeechIds: direct,
      speechIds,
      speakers: [...new Set(speechIds.map((s) => speakerOf.get(s)).filter((n): n is string => !!n))],
    };
  });
  const confirmation = ctx.db
    .prepare('SELECT confirmed_by AS "by", confirmed_at AS "at" FROM resolution_confirmation WHERE meeting_id = ?')
    .get(meetingId) as { by: string; at: string } | undefined;
  const linked = ctx.db.prepare('SELECT 1 FROM resolution_mark WHERE mark_id = ?').pluck();
  const untaken = listMarks(ctx, meetingId).filter((m) => m.kind !== '共识' && linked.get(m.id) === undefined);
  return { meetingId, items, confirmed: confirmation ?? null, untaken };
}

type Fields = Omit<ParsedInput<'resolution.create'>, 'meetingId'>;

/** Checks the departments, marks and speeches a resolution names: they exist and belong to this meeting. */
function checkRefs(ctx: Ctx, meetingId: number, f: Fields, keep?: ResolutionRow): void {
  if (f.leadDepartmentId !== null)
    checkUnitRef(ctx, 'department', f.leadDepartmentId, { keep: keep?.lead_department_id });
  const previousCo = keep
    ? new Set(
        ctx.db
          .prepare('SELECT department_id FROM resolution_co WHERE resolution_id = ?')
          .pluck()
          .all(keep.id) as number[],
      )
    : new Set<number>();
  for (const id of f.coDepartmentIds) {
    if (id === f.leadDepartmentId) throw refused('协办单位不能与主办单位相同');
    checkUnitRef(ctx, 'department', id, { keep: previousCo.has(id) ? id : undefined });
  }
  const markMeeting = ctx.db.prepare('SELECT meeting_id FROM mark WHERE id = ?').pluck();
  const linkedTo = ctx.db
    .prepare(
      'SELECT r.position FROM resolution_mark rm JOIN resolution r ON r.id = rm.resolution_id WHERE rm.mark_id = ? AND rm.resolution_id <> ?',
    )
    .pluck();
  for (const id of f.markIds) {
    const m = markMeeting.get(id) as number | undefined;
    if (m === undefined) throw notFound('标记', id);
    if (m !== meetingId) throw refused('只能引用本次会议记录中的标记');
    const other = linkedTo.get(id, keep?.id ?? 0) as number | undefined;
    if (other !== undefined) throw refused(`这条标记已经转为第${chineseNumeral(other)}项协商意见`);
  }
  const speechMeeting = ctx.db.prepare('SELECT meeting_id FROM speech WHERE id = ?').pluck();
  for (const id of f.speechIds) {
    const m = speechMeeting.get(id) as number | undefined;
    if (m === undefined) throw notFound('发言', id);
    if (m !== meetingId) throw refused('只能引用本次会议的发言');
  }
}

function writeLinks(ctx: Ctx, id: number, f: Fields): void {
  for (const table of ['resolution_co', 'resolution_speech'])
    ctx.db.prepare(`DELETE FROM ${table} WHERE resolution_id = ?`).run(id);
  // A link whose mark is out of the text just now (cut, not yet pasted back) is not the form's to drop.
  ctx.db.prepare('DELETE FROM resolution_mark WHERE resolution_id = ? AND mark_id IN (SELECT id FROM mark)').run(id);
  const co = ctx.db.prepare('INSERT INTO resolution_co (resolution_id, department_id, ord) VALUES (?, ?, ?)');
  [...new Set(f.coDepartmentIds)].forEach((d, i) => co.run(id, d, i));
  const mark = ctx.db.prepare('INSERT OR IGNORE INTO resolution_mark (resolution_id, mark_id) VALUES (?, ?)');
  for (const m of new Set(f.markIds)) mark.run(id, m);
  const speech = ctx.db.prepare('INSERT INTO resolution_speech (resolution_id, speech_id) VALUES (?, ?)');
  for (const s of new Set(f.speechIds)) speech.run(id, s);
}

/** Any change to the list withdraws the chair's confirmation: what was confirmed is no longer what is there. */
function changed(ctx: Ctx, meetingId: number): void {
  ctx.db.prepare('DELETE FROM resolution_confirmation WHERE meeting_id = ?').run(meetingId);
}

function insertResolution(ctx: Ctx, meetingId: number, f: Fields): void {
  const now = isoNow(ctx);
  const position =
    ((ctx.db.prepare('SELECT max(position) FROM resolution WHERE meeting_id = ?').pluck().get(meetingId) as
      number | null) ?? 0) + 1;
  const { lastInsertRowid } = ctx.db
    .prepare(
      'INSERT INTO resolution (meeting_id, position, text, lead_department_id, deadline, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(meetingId, position, f.text, f.leadDepartmentId, f.deadline, now, now);
  writeLinks(ctx, Number(lastInsertRowid), f);
  changed(ctx, meetingId);
}

const orderedIds = (ctx: Ctx, meetingId: number) =>
  ctx.db.prepare('SELECT id FROM resolution WHERE meeting_id = ? ORDER BY position').pluck().all(meetingId) as number[];

/** What the chair confirmed: text, departments and deadline (sources do not change what is agreed). */
function substance(ctx: Ctx, id: number): string {
  const r = ctx.db.prepare('SELECT text, lead_department_id, deadline FROM resolution WHERE id = ?').get(id);
  const co = ctx.db
    .prepare('SELECT department_id FROM resolution_co WHERE resolution_id = ? ORDER BY ord')
    .pluck()
    .all(id);
  return JSON.stringify([r, co]);
}

function renumber(ctx: Ctx, meetingId: number, ids: readonly number[]): void {
  const set = ctx.db.prepare('UPDATE resolution SET position = ? WHERE id = ? AND meeting_id = ?');
  ids.forEach((id, i) => set.run(i + 1, id, meetingId));
}

/**
 * A department guessed for a marked passage: the department of whoever spoke it (a 部门回应
 * names its own department), else none; the secretary completes the rest.
 */
function departmentOfSpeech(ctx: Ctx, speechId: number | null): number | null {
  if (speechId === null) return null;
  return (
    (ctx.db
      .prepare(
        'SELECT p.department_id FROM speech s JOIN person p ON p.id = s.person_id JOIN department d ON d.id = p.department_id WHERE s.id = ? AND d.retired_at IS NULL',
      )
      .pluck()
      .get(speechId) as number | null | undefined) ?? null
  );
}

export const resolutionHandlers = handlers({
  'resolution.list': ({ meetingId }, ctx) => listResolutions(ctx, meetingId),

  'resolution.create': ({ meetingId, ...f }, ctx) => {
    writableMeeting(ctx, meetingId);
    checkRefs(ctx, meetingId, f);
    insertResolution(ctx, meetingId, f);
    return listResolutions(ctx, meetingId);
  },

  'resolution.fromMark': ({ markId }, ctx) => {
    const mark = ctx.db.prepare('SELECT meeting_id, kind, excerpt, speech_id FROM mark WHERE id = ?').get(markId) as
      { meeting_id: number; kind: string; excerpt: string; speech_id: number | null } | undefined;
    if (!mark) throw notFound('标记', markId);
    writableMeeting(ctx, mark.meeting_id);
    if (ctx.db.prepare('SELECT 1 FROM resolution_mark WHERE mark_id = ?').get(markId))
      throw refused('这条标记已经转为协商意见');
    const text = mark.excerpt.replace(/\s+/g, ' ').trim().slice(0, 2000);
    if (!text) throw refused('这条标记没有文字，不能转为协商意见');
    insertResolution(ctx, mark.meeting_id, {
      text,
      leadDepartmentId: departmentOfSpeech(ctx, mark.speech_id),
      coDepartmentIds: [],
      deadline: null,
      markIds: [markId],
      speechIds: [],
    });
    return listResolutions(ctx, mark.meeting_id);
  },

  'resolution.update': ({ id, ...f }, ctx) => {
    const r = resolutionRow(ctx, id);
    writableMeeting(ctx, r.meeting_id);
    checkRefs(ctx, r.meeting_id, f, r);
    const before = substance(ctx, id);
    ctx.db
      .prepare('UPDATE resolution SET text = ?, lead_department_id = ?, deadline = ?, updated_at = ? WHERE id = ?')
      .run(f.text, f.leadDepartmentId, f.deadline, isoNow(ctx), id);
    writeLinks(ctx, id, f);
    // Saving the form unchanged, or changing only the sources, leaves the confirmation standing.
    if (substance(ctx, id) !== before) changed(ctx, r.meeting_id);
    return listResolutions(ctx, r.meeting_id);
  },

  'resolution.move': ({ id, toIndex }, ctx) => {
    const r = resolutionRow(ctx, id);
    writableMeeting(ctx, r.meeting_id);
    const before = orderedIds(ctx, r.meeting_id);
    const ids = before.filter((x) => x !== id);
    ids.splice(Math.min(toIndex, ids.length), 0, id);
    if (ids.join() === before.join()) return listResolutions(ctx, r.meeting_id);
    renumber(ctx, r.meeting_id, ids);
    changed(ctx, r.meeting_id);
    return listResolutions(ctx, r.meeting_id);
  },

  'resolution.remove': ({ id }, ctx) => {
    const r = resolutionRow(ctx, id);
    writableMeeting(ctx, r.meeting_id);
    if (followUpStarted(ctx, id)) throw refused('这项协商意见已经交办，督办记录须保留，不能删除');
    ctx.db.prepare('DELETE FROM resolution WHERE id = ?').run(id);
    renumber(ctx, r.meeting_id, orderedIds(ctx, r.meeting_id));
    changed(ctx, r.meeting_id);
    return listResolutions(ctx, r.meeting_id);
  },

  'resolution.confirm': ({ meetingId, by }, ctx) => {
    writableMeeting(ctx, meetingId);
    const { items } = listResolutions(ctx, meetingId);
    if (!items.length) throw refused('还没有协商意见，无需确认');
    for (const item of items) {
      const n = `第${chineseNumeral(item.position)}项`;
      if (!item.leadDepartmentId) throw refused(`${n}协商意见还没有主办单位`);
      if (!item.deadline) throw refused(`${n}协商意见还没有办理时限`);
    }
    ctx.db
      .prepare(
        'INSERT INTO resolution_confirmation (meeting_id, confirmed_by, confirmed_at) VALUES (?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at',
      )
      .run(meetingId, by, isoNow(ctx));
    return listResolutions(ctx, meetingId);
  },
});
