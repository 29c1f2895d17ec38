import { MEETING } from '../../../shared/domain/meetings';
import type { ParsedInput } from '../../../shared/contract';
import { chineseNumeral } from '../../../shared/domain/chineseText';
import { confirmable, confirmedLine } from '../../../shared/domain/resolutions';
import { isoNow, type Ctx } from '../context';
import { findMark, markMeeting } from '../data/mark';
import {
  confirmResolutions,
  coDepartmentIds,
  deleteResolution,
  findResolution,
  insertResolution,
  markTaken,
  markTakenBy,
  orderedResolutionIds,
  renumberResolutions,
  replaceLinks,
  substance,
  updateResolution,
  withdrawConfirmation,
  type ResolutionRow,
} from '../data/resolution';
import { findSpeech } from '../data/speech';
import { value, sql } from '../db/sql';
import { notFound, orRefuse, refused } from '../errors';
import { handlers } from '../handler';
import { writableMeeting } from './meetings';
import { followUpStarted } from '../data/followUp';
import { listResolutions } from './resolutionList';
import { checkUnitRef } from './units';

// The documents read the list from here, with the rest of the resolutions.

function resolutionRow(ctx: Ctx, id: number): ResolutionRow {
  const r = findResolution(ctx, id);
  if (!r) throw notFound('协商意见', id);
  return r;
}

type Fields = Omit<ParsedInput<'resolution.create'>, 'meetingId'>;

/**
 * Checks the departments, marks and speeches a resolution names: they exist and belong to this meeting.
 * On an update only what is sent is checked (the departments against the lead they will have).
 */
function checkRefs(ctx: Ctx, meetingId: number, f: Partial<Fields>, keep?: ResolutionRow): void {
  const previousCo = keep ? coDepartmentIds(ctx, keep.id) : [];
  const lead = f.leadDepartmentId === undefined ? (keep?.lead_department_id ?? null) : f.leadDepartmentId;
  if (f.leadDepartmentId != null)
    checkUnitRef(ctx, 'department', f.leadDepartmentId, { keep: keep?.lead_department_id });
  const co = f.coDepartmentIds ?? previousCo;
  if (lead !== null && co.includes(lead)) throw refused('协办单位不能与主办单位相同');
  if (f.coDepartmentIds !== undefined)
    for (const id of f.coDepartmentIds)
      checkUnitRef(ctx, 'department', id, { keep: previousCo.includes(id) ? id : undefined });
  for (const id of f.markIds ?? []) {
    const m = markMeeting(ctx, id);
    if (m === undefined) throw notFound('标记', id);
    if (m !== meetingId) throw refused('只能引用本次会议记录中的标记');
    const other = markTakenBy(ctx, id, keep?.id ?? 0);
    if (other !== undefined) throw refused(`这条标记已经转为第${chineseNumeral(other)}项协商意见`);
  }
  for (const id of f.speechIds ?? []) {
    const m = findSpeech(ctx, id)?.meeting_id;
    if (m === undefined) throw notFound('发言', id);
    if (m !== meetingId) throw refused('只能引用本次会议的发言');
  }
}

function addResolution(ctx: Ctx, meetingId: number, f: Fields): void {
  replaceLinks(ctx, insertResolution(ctx, meetingId, f, isoNow(ctx)), f);
  withdrawConfirmation(ctx, meetingId, isoNow(ctx));
}

/**
 * A department guessed for a marked passage: the department of whoever spoke it (a 部门回应
 * names its own department), else none; the secretary completes the rest.
 */
function departmentOfSpeech(ctx: Ctx, speechId: number | null): number | null {
  if (speechId === null) return null;
  return (
    value<number | null>(
      ctx.db,
      sql`SELECT p.department_id FROM speech s JOIN person p ON p.id = s.person_id JOIN department d ON d.id = p.department_id
           WHERE s.id = ${speechId} AND d.retired_at IS NULL`,
    ) ?? null
  );
}

export const resolutionHandlers = handlers({
  'resolution.list': ({ meetingId }, ctx) => listResolutions(ctx, meetingId),

  'resolution.create': ({ meetingId, ...f }, ctx) => {
    writableMeeting(ctx, meetingId);
    checkRefs(ctx, meetingId, f);
    addResolution(ctx, meetingId, f);
    return listResolutions(ctx, meetingId);
  },

  'resolution.fromMark': ({ markId }, ctx) => {
    const mark = findMark(ctx, markId);
    if (!mark) throw notFound('标记', markId);
    writableMeeting(ctx, mark.meeting_id);
    if (markTaken(ctx, markId)) throw refused('这条标记已经转为协商意见');
    const text = mark.excerpt.replace(/\s+/g, ' ').trim().slice(0, 2000);
    if (!text) throw refused('这条标记没有文字，不能转为协商意见');
    addResolution(ctx, mark.meeting_id, {
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
    if (Object.values(f).every((v) => v === undefined)) throw refused('没有要修改的内容');
    checkRefs(ctx, r.meeting_id, f, r);
    const before = substance(ctx, id);
    updateResolution(
      ctx,
      id,
      {
        text: f.text ?? r.text,
        leadDepartmentId: f.leadDepartmentId === undefined ? r.lead_department_id : f.leadDepartmentId,
        deadline: f.deadline === undefined ? r.deadline : f.deadline,
      },
      isoNow(ctx),
    );
    replaceLinks(ctx, id, f);
    // Saving the form unchanged, or changing only the sources, leaves the confirmation standing.
    if (substance(ctx, id) !== before) withdrawConfirmation(ctx, r.meeting_id, isoNow(ctx));
    return listResolutions(ctx, r.meeting_id);
  },

  'resolution.move': ({ id, toIndex }, ctx) => {
    const r = resolutionRow(ctx, id);
    writableMeeting(ctx, r.meeting_id);
    const before = orderedResolutionIds(ctx, r.meeting_id);
    const ids = before.filter((x) => x !== id);
    ids.splice(Math.min(toIndex, ids.length), 0, id);
    if (ids.join() === before.join()) return listResolutions(ctx, r.meeting_id);
    renumberResolutions(ctx, r.meeting_id, ids);
    withdrawConfirmation(ctx, r.meeting_id, isoNow(ctx));
    return listResolutions(ctx, r.meeting_id);
  },

  'resolution.remove': ({ id }, ctx) => {
    const r = resolutionRow(ctx, id);
    writableMeeting(ctx, r.meeting_id);
    if (followUpStarted(ctx, id)) throw refused('这项协商意见已经交办，督办记录须保留，不能删除');
    deleteResolution(ctx, id);
    renumberResolutions(ctx, r.meeting_id, orderedResolutionIds(ctx, r.meeting_id));
    withdrawConfirmation(ctx, r.meeting_id, isoNow(ctx));
    return listResolutions(ctx, r.meeting_id);
  },

  'resolution.confirm': ({ meetingId, by }, ctx) => {
    const m = writableMeeting(ctx, meetingId);
    // The chair confirms what the meeting agreed: a meeting still in preparation has agreed nothing yet.
    if (m.status === MEETING.preparing) throw refused(`会议“${m.title}”尚未召开（筹备中），会议开始后才能确认协商意见`);
    const { items } = listResolutions(ctx, meetingId);
    orRefuse(confirmable(items));
    confirmResolutions(ctx, meetingId, by, isoNow(ctx), items.map(confirmedLine));
    return listResolutions(ctx, meetingId);
  },
});
