import type { Meeting, MeetingDetail } from '../../../shared/contract/meetings';
import { bingchengAgenda, MEETING, statusMoves, type MeetingStatus } from '../../../shared/domain/meetings';
import { TOPIC } from '../../../shared/domain/topicState';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import { agendaOf, endRunningItem } from '../data/agenda';
import {
  findMeeting,
  freeIssueNoAfter,
  insertMeeting,
  issueHolder,
  listMeetings,
  nextIssueNo,
  statusLog,
  updateMeeting,
  yearOf,
  writeStatus,
} from '../data/meeting';
import { participantsOf } from '../data/participant';
import { closeFloor } from '../data/speech';
import { requireTopic } from '../data/topic';
import { notFound, refused } from '../errors';
import { handlers } from '../handler';
import { saveAgenda } from './agenda';
import { indexMinutes } from '../data/searchIndex';
import { keepRevision } from '../minutesSync/projection';
import { addParticipants } from './participants';
import { getPerson } from './people';
import { checkUnitRef } from './units';

export function meetingRow(ctx: QueryCtx, id: number): Meeting {
  const m = findMeeting(ctx, id);
  if (!m) throw notFound('会议', id);
  return m;
}

/** The meeting, if every write to it is allowed: an archived meeting is read-only everywhere. */
export function writableMeeting(ctx: Ctx, id: number): Meeting {
  const m = meetingRow(ctx, id);
  if (m.status === MEETING.archived)
    throw refused(`会议“${m.title}”已归档，只能查看；如需修改，请先取消归档并说明理由`);
  return m;
}

export function getMeetingDetail(ctx: QueryCtx, id: number): MeetingDetail {
  return {
    ...meetingRow(ctx, id),
    participants: participantsOf(ctx, id),
    agenda: agendaOf(ctx, id),
    statusLog: statusLog(ctx, id),
  };
}

/** 第X期 counts per year and form: no two meetings share one (the meeting itself keeps its own). */
function checkIssueNo(ctx: QueryCtx, year: number, form: string, issueNo: number, exceptId = 0): void {
  const holder = issueHolder(ctx, year, form, issueNo, exceptId);
  if (holder === undefined) return;
  const free = freeIssueNoAfter(ctx, year, form, issueNo, exceptId);
  throw refused(`${year}年${form}第${issueNo}期已被“${holder}”使用，可用第${free}期`);
}

function checkPeople(ctx: Ctx, ...ids: (number | null | undefined)[]): void {
  for (const id of ids) if (id != null) getPerson(ctx, id);
}

/**
 * Moves the status along its path and records it; leaving 进行中 closes the floor and the running item.
 * `at` is when it happened, for a meeting recorded after the fact (meeting.markHeld); else now.
 */
export function setStatus(ctx: Ctx, m: Meeting, to: MeetingStatus, reason = '', at?: string): void {
  if (m.status === to) return;
  if (!statusMoves[m.status].includes(to)) throw refused(`会议状态不能从“${m.status}”改为“${to}”`);
  if (m.status === '已归档' && !reason.trim()) throw refused('取消归档须说明理由');
  const now = at ?? isoNow(ctx);
  if (m.status === '进行中') {
    closeFloor(ctx, m.id, now);
    endRunningItem(ctx, m.id, now);
  }
  if (to === '已结束') {
    // The router brought the minutes row up to date before this call: that is what the revision keeps.
    keepRevision(ctx, m.id, '会议结束');
    ctx.minutesDocs.compact(m.id);
  }
  // The room's devices go with the meeting's end.
  if ((to === '已结束' || to === '已归档') && ctx.lan.meetingId === m.id) ctx.lan.stop(ctx, '会议已结束');
  writeStatus(ctx, m.id, { from: m.status, to, reason }, now);
  // The minutes enter the search index as they stand (with the meeting's new status).
  indexMinutes(ctx, m.id);
}

/** Starting a speech or an agenda item starts a meeting still in preparation. */
export function startIfPreparing(ctx: Ctx, m: Meeting): void {
  if (m.status === '筹备中') setStatus(ctx, m, '进行中');
  else if (m.status === '已结束') throw refused(`会议“${m.title}”已结束；如需继续，请先把状态改回“进行中”`);
}

export const meetingHandlers = handlers({
  'meeting.list': (_input, ctx) => listMeetings(ctx),

  'meeting.get': ({ id }, ctx) => getMeetingDetail(ctx, id),

  'meeting.nextIssueNo': ({ year, form }, ctx) => ({ issueNo: nextIssueNo(ctx, year, form) }),

  'meeting.create': (input, ctx) => {
    if (input.topicId !== null) {
      const topic = requireTopic(ctx, input.topicId);
      if (topic.status !== TOPIC.decided)
        throw refused(`议题“${topic.title}”尚未定题，不能据此召开会议；可以不选议题，作为临时会议召开`);
    }
    checkPeople(ctx, input.chairId, input.recorderId);
    if (input.committeeId != null) checkUnitRef(ctx, 'committee', input.committeeId);
    const year = yearOf(input.startsAt);
    const issueNo = input.issueNo ?? nextIssueNo(ctx, year, input.form);
    checkIssueNo(ctx, year, input.form, issueNo);
    const id = insertMeeting(
      ctx,
      {
        topicId: input.topicId,
        form: input.form,
        title: input.title,
        issueNo,
        startsAt: input.startsAt,
        place: input.place ?? '',
        chairId: input.chairId ?? null,
        committeeId: input.committeeId ?? null,
        recorderId: input.recorderId ?? null,
      },
      isoNow(ctx),
    );
    if (input.chairId != null) addParticipants(ctx, id, [input.chairId], '主持人');
    if (input.recorderId != null) addParticipants(ctx, id, [input.recorderId], '工作人员');
    if (input.useTemplate)
      saveAgenda(
        ctx,
        id,
        bingchengAgenda.map((a) => ({ title: a.title, plannedMinutes: a.minutes })),
      );
    return getMeetingDetail(ctx, id);
  },

  'meeting.update': (input, ctx) => {
    const m = writableMeeting(ctx, input.id);
    checkPeople(ctx, input.chairId, input.recorderId);
    if (input.committeeId != null) checkUnitRef(ctx, 'committee', input.committeeId, { keep: m.committeeId });
    const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
    const startsAt = pick(input.startsAt, m.startsAt);
    const form = pick(input.form, m.form);
    const issueNo = pick(input.issueNo, m.issueNo);
    // Only a change of year, form or number can clash: a meeting already sharing one (older data) may still be edited.
    if (yearOf(startsAt) !== m.year || form !== m.form || issueNo !== m.issueNo)
      checkIssueNo(ctx, yearOf(startsAt), form, issueNo, m.id);
    updateMeeting(
      ctx,
      m.id,
      {
        form,
        title: pick(input.title, m.title),
        issueNo,
        startsAt,
        place: pick(input.place, m.place),
        chairId: pick(input.chairId, m.chairId),
        committeeId: pick(input.committeeId, m.committeeId),
        recorderId: pick(input.recorderId, m.recorderId),
      },
      isoNow(ctx),
    );
    if (input.chairId != null) addParticipants(ctx, m.id, [input.chairId], '主持人');
    return getMeetingDetail(ctx, m.id);
  },

  'meeting.setStatus': ({ id, status, reason }, ctx) => {
    setStatus(ctx, meetingRow(ctx, id), status, reason ?? '');
    return getMeetingDetail(ctx, id);
  },
});
