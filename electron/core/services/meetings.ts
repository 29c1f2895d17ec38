import type { ParsedInput } from '../../../shared/contract';
import type { AgendaItem, Meeting, MeetingDetail, Participant } from '../../../shared/contract/meetings';
import {
  bingchengAgenda,
  defaultRole,
  statusMoves,
  type MeetingStatus,
  type ParticipantRole,
} from '../../../shared/domain/meetings';
import type { MeetingForm } from '../../../shared/domain/topics';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import {
  addAgendaItem,
  deleteAgendaItem,
  endAgendaItem,
  endRunningItem,
  startAgendaItem,
  updateAgendaItem,
} from '../data/agenda';
import { insertMeeting, nextIssueNo, touchMeeting, updateMeeting, writeStatus } from '../data/meeting';
import { addParticipant, removeParticipant, setAttendance, setParticipantRole } from '../data/participant';
import { closeFloor, detachAgendaItem, queuedCount } from '../data/speech';
import { notFound, refused } from '../errors';
import { handlers } from '../handler';
import { indexMinutes } from './archive';
import { snapshotMinutes } from './minutesRevisions';
import { getPerson } from './people';
import { checkUnitRef } from './units';

export interface MeetingRow {
  id: number;
  topic_id: number | null;
  form: MeetingForm;
  title: string;
  year: number;
  issue_no: number;
  starts_at: string;
  place: string;
  chair_id: number | null;
  committee_id: number | null;
  recorder_id: number | null;
  status: MeetingStatus;
  updated_at: string;
}

export function meetingRow(ctx: QueryCtx, id: number): MeetingRow {
  const r = ctx.db.prepare('SELECT * FROM meeting WHERE id = ?').get(id) as MeetingRow | undefined;
  if (!r) throw notFound('会议', id);
  return r;
}

/** The meeting, if every write to it is allowed: an archived meeting is read-only everywhere. */
export function writableMeeting(ctx: Ctx, id: number): MeetingRow {
  const m = meetingRow(ctx, id);
  if (m.status === '已归档') throw refused(`会议“${m.title}”已归档，只能查看；如需修改，请先取消归档并说明理由`);
  return m;
}

const toMeeting = (r: MeetingRow): Meeting => ({
  id: r.id,
  topicId: r.topic_id,
  adHoc: r.topic_id === null,
  form: r.form,
  title: r.title,
  year: r.year,
  issueNo: r.issue_no,
  startsAt: r.starts_at,
  place: r.place,
  chairId: r.chair_id,
  committeeId: r.committee_id,
  recorderId: r.recorder_id,
  status: r.status,
  updatedAt: r.updated_at,
});

/** Who a person is, in one phrase: their 界别, else their department, else their unit. */
export const AFFILIATION_SQL = `coalesce(nullif((SELECT name FROM sector WHERE id = p.sector_id), ''), nullif((SELECT coalesce(nullif(short_name, ''), name) FROM department WHERE id = p.department_id), ''), p.unit, '')`;

export function getMeetingDetail(ctx: QueryCtx, id: number): MeetingDetail {
  const m = meetingRow(ctx, id);
  const participants = ctx.db
    .prepare(
      `SELECT pa.id, pa.person_id AS personId, p.name, p.kind, ${AFFILIATION_SQL} AS affiliation, pa.role, pa.attendance, pa.checked_in_at AS checkedInAt
         FROM participant pa JOIN person p ON p.id = pa.person_id
        WHERE pa.meeting_id = ? ORDER BY pa.id`,
    )
    .all(id) as Participant[];
  const agenda = ctx.db
    .prepare(
      'SELECT id, position, title, planned_minutes AS plannedMinutes, started_at AS startedAt, ended_at AS endedAt FROM agenda_item WHERE meeting_id = ? ORDER BY position',
    )
    .all(id) as AgendaItem[];
  const statusLog = ctx.db
    .prepare(
      'SELECT from_status AS "from", to_status AS "to", reason, at FROM meeting_status_log WHERE meeting_id = ? ORDER BY id',
    )
    .all(id) as MeetingDetail['statusLog'];
  return { ...toMeeting(m), participants, agenda, statusLog };
}

function checkPeople(ctx: Ctx, ...ids: (number | null | undefined)[]): void {
  for (const id of ids) if (id != null) getPerson(ctx, id);
}

const touch = (ctx: Ctx, id: number) => touchMeeting(ctx, id, isoNow(ctx));

/** Moves the status along its path and records it; leaving 进行中 closes the floor and the running item. */
export function setStatus(ctx: Ctx, m: MeetingRow, to: MeetingStatus, reason = ''): void {
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
export function startIfPreparing(ctx: Ctx, m: MeetingRow): void {
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
  const existing = ctx.db.prepare('SELECT id, started_at FROM agenda_item WHERE meeting_id = ?').all(meetingId) as {
    id: number;
    started_at: string | null;
  }[];
  const kept = new Set(items.map((i) => i.id).filter((id): id is number => id !== undefined));
  for (const id of kept) if (!existing.some((e) => e.id === id)) throw notFound('议程项', id);
  for (const e of existing) {
    if (kept.has(e.id)) continue;
    if (e.started_at) throw refused('已经开始的议程项不能删除');
    detachAgendaItem(ctx, e.id);
    deleteAgendaItem(ctx, e.id);
  }
  items.forEach((item, i) =>
    item.id
      ? updateAgendaItem(ctx, item.id, i + 1, item.title, item.plannedMinutes)
      : addAgendaItem(ctx, meetingId, i + 1, item.title, item.plannedMinutes),
  );
}

function agendaRow(ctx: Ctx, id: number) {
  const r = ctx.db.prepare('SELECT * FROM agenda_item WHERE id = ?').get(id) as
    { id: number; meeting_id: number; title: string; started_at: string | null; ended_at: string | null } | undefined;
  if (!r) throw notFound('议程项', id);
  return r;
}

function participantRow(ctx: Ctx, id: number) {
  const r = ctx.db.prepare('SELECT * FROM participant WHERE id = ?').get(id) as
    { id: number; meeting_id: number; person_id: number } | undefined;
  if (!r) throw notFound('参会人员', id);
  return r;
}

export const meetingHandlers = handlers({
  'meeting.list': (_input, ctx) =>
    (ctx.db.prepare('SELECT * FROM meeting ORDER BY starts_at DESC, id DESC').all() as MeetingRow[]).map(toMeeting),

  'meeting.get': ({ id }, ctx) => getMeetingDetail(ctx, id),

  'meeting.nextIssueNo': ({ year, form }, ctx) => ({ issueNo: nextIssueNo(ctx, year, form) }),

  'meeting.create': (input, ctx) => {
    if (input.topicId !== null) {
      const topic = ctx.db.prepare('SELECT title, status FROM topic WHERE id = ?').get(input.topicId) as
        { title: string; status: string } | undefined;
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
    if (input.committeeId != null) checkUnitRef(ctx, 'committee', input.committeeId, { keep: m.committee_id });
    const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
    updateMeeting(
      ctx,
      m.id,
      {
        form: pick(input.form, m.form),
        title: pick(input.title, m.title),
        issueNo: pick(input.issueNo, m.issue_no),
        startsAt: pick(input.startsAt, m.starts_at),
        place: pick(input.place, m.place),
        chairId: pick(input.chairId, m.chair_id),
        committeeId: pick(input.committeeId, m.committee_id),
        recorderId: pick(input.recorderId, m.recorder_id),
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
    writableMeeting(ctx, p.meeting_id);
    if (role) setParticipantRole(ctx, id, role);
    // The time of the check-in is when it was marked; back to 未签到 clears it.
    if (attendance) setAttendance(ctx, id, attendance, attendance === '未签到' ? null : isoNow(ctx));
    touch(ctx, p.meeting_id);
    return getMeetingDetail(ctx, p.meeting_id);
  },

  'participant.remove': ({ id }, ctx) => {
    const p = participantRow(ctx, id);
    writableMeeting(ctx, p.meeting_id);
    if (queuedCount(ctx, p.meeting_id, p.person_id))
      throw refused(`“${getPerson(ctx, p.person_id).name}”在发言队列中，不能移出；可先撤回其发言`);
    removeParticipant(ctx, id);
    touch(ctx, p.meeting_id);
    return getMeetingDetail(ctx, p.meeting_id);
  },

  'agenda.save': ({ meetingId, items }, ctx) => {
    writableMeeting(ctx, meetingId);
    saveAgenda(ctx, meetingId, items);
    touch(ctx, meetingId);
    return getMeetingDetail(ctx, meetingId);
  },

  'agenda.start': ({ id }, ctx) => {
    const item = agendaRow(ctx, id);
    const m = writableMeeting(ctx, item.meeting_id);
    if (item.ended_at) throw refused(`议程项“${item.title}”已结束`);
    if (item.started_at) return getMeetingDetail(ctx, m.id);
    startIfPreparing(ctx, m);
    const now = isoNow(ctx);
    endRunningItem(ctx, m.id, now);
    startAgendaItem(ctx, id, now);
    touch(ctx, m.id);
    return getMeetingDetail(ctx, m.id);
  },

  'agenda.end': ({ id }, ctx) => {
    const item = agendaRow(ctx, id);
    const m = writableMeeting(ctx, item.meeting_id);
    if (!item.started_at || item.ended_at) throw refused(`议程项“${item.title}”不在进行中`);
    endAgendaItem(ctx, id, isoNow(ctx));
    touch(ctx, m.id);
    return getMeetingDetail(ctx, m.id);
  },
});
