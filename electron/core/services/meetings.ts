import type { ParsedInput } from '../../../shared/contract';
import type { Meeting, MeetingDetail } from '../../../shared/contract/meetings';
import {
  bingchengAgenda,
  defaultRole,
  MEETING,
  statusMoves,
  type MeetingStatus,
  type ParticipantRole,
} from '../../../shared/domain/meetings';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import {
  addAgendaItem,
  agendaOf,
  deleteAgendaItem,
  endAgendaItem,
  endRunningItem,
  findAgendaItem,
  startAgendaItem,
  updateAgendaItem,
} from '../data/agenda';
import {
  findMeeting,
  insertMeeting,
  listMeetings,
  nextIssueNo,
  statusLog,
  touchMeeting,
  updateMeeting,
  writeStatus,
} from '../data/meeting';
import {
  addParticipant,
  findParticipant,
  participantsOf,
  removeParticipant,
  setAttendance,
  setParticipantRole,
} from '../data/participant';
import { closeFloor, detachAgendaItem, queuedCount } from '../data/speech';
import { get, sql } from '../db/sql';
import { notFound, refused } from '../errors';
import { handlers } from '../handler';
import { indexMinutes } from './archive';
import { snapshotMinutes } from './minutesRevisions';
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

function checkPeople(ctx: Ctx, ...ids: (number | null | undefined)[]): void {
  for (const id of ids) if (id != null) getPerson(ctx, id);
}

const touch = (ctx: Ctx, id: number) => touchMeeting(ctx, id, isoNow(ctx));

/** Moves the status along its path and records it; leaving 进行中 closes the floor and the running item. */
export function setStatus(ctx: Ctx, m: Meeting, to: MeetingStatus, reason = ''): void {
  if (m.status === to) return;
  if (!statusMoves[m.status].includes(to)) throw refused(`会议状态不能从“${m.status}”改为“${to}”`);
  if (m.status === '已归档' && !reason.trim()) throw refused('取消归档须说明理由');
  const now = isoNow(ctx);
  if (m.status === '进行中') {
    closeFloor(ctx, m.id, now);
    endRunningItem(ctx, m.id, now);
  }
  if (to === '已结束') snapshotMinutes(ctx, m.id, '会议结束');
  writeStatus(ctx, m.id, { from: m.status, to, reason }, now);
  // The minutes enter the search index as they stand (with the meeting's new status).
  indexMinutes(ctx, m.id);
}

/** Starting a speech or an agenda item starts a meeting still in preparation. */
export function startIfPreparing(ctx: Ctx, m: Meeting): void {
  if (m.status === '筹备中') setStatus(ctx, m, '进行中');
  else if (m.status === '已结束') throw refused(`会议“${m.title}”已结束；如需继续，请先把状态改回“进行中”`);
}

function addParticipants(ctx: Ctx, meetingId: number, personIds: readonly number[], role?: ParticipantRole): void {
  for (const personId of new Set(personIds)) {
    const p = getPerson(ctx, personId);
    if (p.retired) throw refused(`“${p.name}”已停用，不能加入会议`);
    addParticipant(ctx, meetingId, personId, role ?? defaultRole(p.kind));
  }
}

/** Makes sure a person is a participant (a speaker added from the directory joins the meeting). */
export function ensureParticipant(ctx: Ctx, meetingId: number, personId: number): void {
  addParticipants(ctx, meetingId, [personId]);
}

function saveAgenda(ctx: Ctx, meetingId: number, items: ParsedInput<'agenda.save'>['items']): void {
  const existing = agendaOf(ctx, meetingId);
  const kept = new Set(items.map((i) => i.id).filter((id): id is number => id !== undefined));
  for (const id of kept) if (!existing.some((e) => e.id === id)) throw notFound('议程项', id);
  for (const e of existing) {
    if (kept.has(e.id)) continue;
    if (e.startedAt) throw refused('已经开始的议程项不能删除');
    detachAgendaItem(ctx, e.id);
    deleteAgendaItem(ctx, e.id);
  }
  items.forEach((item, i) =>
    item.id
      ? updateAgendaItem(ctx, item.id, i + 1, item.title, item.plannedMinutes)
      : addAgendaItem(ctx, meetingId, i + 1, item.title, item.plannedMinutes),
  );
}

function agendaRow(ctx: QueryCtx, id: number) {
  const r = findAgendaItem(ctx, id);
  if (!r) throw notFound('议程项', id);
  return r;
}

function participantRow(ctx: QueryCtx, id: number) {
  const r = findParticipant(ctx, id);
  if (!r) throw notFound('参会人员', id);
  return r;
}

export const meetingHandlers = handlers({
  'meeting.list': (_input, ctx) => listMeetings(ctx),

  'meeting.get': ({ id }, ctx) => getMeetingDetail(ctx, id),

  'meeting.nextIssueNo': ({ year, form }, ctx) => ({ issueNo: nextIssueNo(ctx, year, form) }),

  'meeting.create': (input, ctx) => {
    if (input.topicId !== null) {
      const topic = get<{ title: string; status: string }>(
        ctx.db,
        sql`SELECT title, status FROM topic WHERE id = ${input.topicId}`,
      );
      if (!topic) throw notFound('议题', input.topicId);
      if (topic.status !== '已定题')
        throw refused(`议题“${topic.title}”尚未定题，不能据此召开会议；可以不选议题，作为临时会议召开`);
    }
    checkPeople(ctx, input.chairId, input.recorderId);
    if (input.committeeId != null) checkUnitRef(ctx, 'committee', input.committeeId);
    const year = Number(input.startsAt.slice(0, 4));
    const id = insertMeeting(
      ctx,
      {
        topicId: input.topicId,
        form: input.form,
        title: input.title,
        issueNo: input.issueNo ?? nextIssueNo(ctx, year, input.form),
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
    updateMeeting(
      ctx,
      m.id,
      {
        form: pick(input.form, m.form),
        title: pick(input.title, m.title),
        issueNo: pick(input.issueNo, m.issueNo),
        startsAt: pick(input.startsAt, m.startsAt),
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

  'participant.add': ({ meetingId, personIds, role }, ctx) => {
    writableMeeting(ctx, meetingId);
    addParticipants(ctx, meetingId, personIds, role);
    touch(ctx, meetingId);
    return getMeetingDetail(ctx, meetingId);
  },

  'participant.update': ({ id, role, attendance }, ctx) => {
    const p = participantRow(ctx, id);
    writableMeeting(ctx, p.meetingId);
    if (role) setParticipantRole(ctx, id, role);
    // The time of the check-in is when it was marked; back to 未签到 clears it.
    if (attendance) setAttendance(ctx, id, attendance, attendance === '未签到' ? null : isoNow(ctx));
    touch(ctx, p.meetingId);
    return getMeetingDetail(ctx, p.meetingId);
  },

  'participant.remove': ({ id }, ctx) => {
    const p = participantRow(ctx, id);
    writableMeeting(ctx, p.meetingId);
    if (queuedCount(ctx, p.meetingId, p.personId))
      throw refused(`“${getPerson(ctx, p.personId).name}”在发言队列中，不能移出；可先撤回其发言`);
    removeParticipant(ctx, id);
    touch(ctx, p.meetingId);
    return getMeetingDetail(ctx, p.meetingId);
  },

  'agenda.save': ({ meetingId, items }, ctx) => {
    writableMeeting(ctx, meetingId);
    saveAgenda(ctx, meetingId, items);
    touch(ctx, meetingId);
    return getMeetingDetail(ctx, meetingId);
  },

  'agenda.start': ({ id }, ctx) => {
    const item = agendaRow(ctx, id);
    const m = writableMeeting(ctx, item.meetingId);
    if (item.endedAt) throw refused(`议程项“${item.title}”已结束`);
    if (item.startedAt) return getMeetingDetail(ctx, m.id);
    startIfPreparing(ctx, m);
    const now = isoNow(ctx);
    endRunningItem(ctx, m.id, now);
    startAgendaItem(ctx, id, now);
    touch(ctx, m.id);
    return getMeetingDetail(ctx, m.id);
  },

  'agenda.end': ({ id }, ctx) => {
    const item = agendaRow(ctx, id);
    const m = writableMeeting(ctx, item.meetingId);
    if (!item.startedAt || item.endedAt) throw refused(`议程项“${item.title}”不在进行中`);
    endAgendaItem(ctx, id, isoNow(ctx));
    touch(ctx, m.id);
    return getMeetingDetail(ctx, m.id);
  },
});
