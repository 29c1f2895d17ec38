import type { FollowUpBoard, FollowUpItem, FollowUpStep } from '../../../shared/contract/followUp';
import {
  applyFollowUp,
  followUpStates,
  initialFollowUp,
  isOverdue,
  possibleActions,
  replayFollowUp,
  type FollowUp,
  type FollowUpEvent,
} from '../../../shared/domain/followUp';
import { isoNow, localToday, type Ctx, type QueryCtx } from '../context';
import { notFound, orRefuse, refused } from '../errors';
import { handlers } from '../handler';
import { checkUnitRef } from './units';

interface Row {
  resolution_id: number;
  meeting_id: number;
  meeting_title: string;
  form: string;
  issue_no: number;
  year: number;
  position: number;
  text: string;
  lead_department_id: number | null;
  lead_department: string | null;
  deadline: string | null;
  state: FollowUp['state'] | null;
  sent_on: string | null;
  replied_on: string | null;
  reply_text: string | null;
  reply_class: FollowUp['replyClass'];
  evaluation: FollowUp['evaluation'];
  urged: number | null;
  reported_on: string | null;
  last_date: string | null;
}

/** Resolutions of confirmed lists (drafts are not followed up), with where they stand. */
const SELECT = `
  SELECT r.id AS resolution_id, m.id AS meeting_id, m.title AS meeting_title, m.form, m.issue_no, m.year, r.position, r.text,
         r.lead_department_id, d.name AS lead_department, r.deadline,
         f.state, f.sent_on, f.replied_on, f.reply_text, f.reply_class, f.evaluation, f.urged, f.reported_on, f.last_date
    FROM resolution r
    JOIN meeting m ON m.id = r.meeting_id
    JOIN resolution_confirmation c ON c.meeting_id = m.id
    LEFT JOIN department d ON d.id = r.lead_department_id
    LEFT JOIN followup f ON f.resolution_id = r.id`;

function stateOf(r: Row): FollowUp {
  if (r.state === null) return initialFollowUp;
  return {
    state: r.state,
    sentOn: r.sent_on,
    repliedOn: r.replied_on,
    replyText: r.reply_text ?? '',
    replyClass: r.reply_class,
    evaluation: r.evaluation,
    urged: r.urged ?? 0,
    reportedOn: r.reported_on,
    lastDate: r.last_date,
  };
}

function toItem(r: Row, today: string): FollowUpItem {
  const f = stateOf(r);
  return {
    resolutionId: r.resolution_id,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    form: r.form,
    issueNo: r.issue_no,
    year: r.year,
    position: r.position,
    text: r.text,
    leadDepartmentId: r.lead_department_id,
    leadDepartment: r.lead_department ?? '',
    deadline: r.deadline,
    state: f.state,
    sentOn: f.sentOn,
    repliedOn: f.repliedOn,
    replyText: f.replyText,
    replyClass: f.replyClass,
    evaluation: f.evaluation,
    urged: f.urged,
    reportedOn: f.reportedOn,
    overdue: isOverdue(f, r.deadline, today),
    possible: possibleActions(f),
  };
}

/** Where each resolution of a meeting stands, by resolution id (for the 办理清单). */
export function followUpOfMeeting(ctx: QueryCtx, meetingId: number): Map<number, FollowUpItem> {
  const today = localToday(ctx);
  const rows = ctx.db.prepare(`${SELECT} WHERE m.id = ?`).all(meetingId) as Row[];
  return new Map(rows.map((r) => [r.resolution_id, toItem(r, today)]));
}

/** Whether a resolution's follow-up has begun (it can then no longer be deleted). */
export function followUpStarted(ctx: Ctx, resolutionId: number): boolean {
  return ctx.db.prepare('SELECT 1 FROM followup_event WHERE resolution_id = ? LIMIT 1').get(resolutionId) !== undefined;
}

function board(
  ctx: QueryCtx,
  filter: { year?: number; departmentId?: number; state?: FollowUp['state']; overdueOnly?: boolean },
): FollowUpBoard {
  const today = localToday(ctx);
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.year !== undefined) where.push('m.year = ?') && args.push(filter.year);
  if (filter.departmentId !== undefined) where.push('r.lead_department_id = ?') && args.push(filter.departmentId);
  const rows = ctx.db
    .prepare(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.deadline IS NULL, r.deadline, m.starts_at, r.position`,
    )
    .all(...args) as Row[];
  const all = rows.map((r) => toItem(r, today));
  const byState = Object.fromEntries(followUpStates.map((s) => [s, all.filter((i) => i.state === s).length]));
  const departments = new Map<string, { department: string; total: number; open: number; overdue: number }>();
  for (const i of all) {
    const key = i.leadDepartment || '（未定主办单位）';
    const d = departments.get(key) ?? { department: key, total: 0, open: 0, overdue: 0 };
    d.total++;
    if (i.state !== '办结') d.open++;
    if (i.overdue) d.overdue++;
    departments.set(key, d);
  }
  let items = all.filter((i) => (!filter.state || i.state === filter.state) && (!filter.overdueOnly || i.overdue));
  items = [...items.filter((i) => i.overdue), ...items.filter((i) => !i.overdue)];
  return {
    items,
    byState,
    byDepartment: [...departments.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open),
    today,
  };
}

interface EventRow {
  action: FollowUpEvent['action'];
  date: string;
  by: string;
  note: string;
  reply_text: string | null;
  reply_class: FollowUpEvent['replyClass'] | null;
  evaluation: FollowUpEvent['evaluation'] | null;
  created_at: string;
}

function events(ctx: QueryCtx, resolutionId: number): EventRow[] {
  return ctx.db
    .prepare(
      'SELECT action, date, by, note, reply_text, reply_class, evaluation, created_at FROM followup_event WHERE resolution_id = ? ORDER BY id',
    )
    .all(resolutionId) as EventRow[];
}

const toEvent = (e: EventRow): FollowUpEvent => ({
  action: e.action,
  date: e.date,
  by: e.by,
  note: e.note,
  replyText: e.reply_text ?? undefined,
  replyClass: e.reply_class ?? undefined,
  evaluation: e.evaluation ?? undefined,
});

export const followUpHandlers = handlers({
  'followup.list': (filter, ctx) => {
    if (filter.departmentId !== undefined) checkUnitRef(ctx, 'department', filter.departmentId, { allowRetired: true });
    return board(ctx, filter);
  },

  'followup.history': ({ resolutionId }, ctx) => {
    if (!ctx.db.prepare('SELECT 1 FROM resolution WHERE id = ?').get(resolutionId))
      throw notFound('协商意见', resolutionId);
    return events(ctx, resolutionId).map((e): FollowUpStep => ({
      action: e.action,
      date: e.date,
      by: e.by,
      note: e.note,
      replyText: e.reply_text,
      replyClass: e.reply_class ?? null,
      evaluation: e.evaluation ?? null,
      createdAt: e.created_at,
    }));
  },

  // Follow-up goes on after the meeting is archived: these are writes to the resolution's
  // handling, not to the meeting's record.
  'followup.act': (input, ctx) => {
    const row = ctx.db.prepare(`${SELECT} WHERE r.id = ?`).get(input.resolutionId) as Row | undefined;
    if (!row) {
      if (!ctx.db.prepare('SELECT 1 FROM resolution WHERE id = ?').get(input.resolutionId))
        throw notFound('协商意见', input.resolutionId);
      throw refused('这次会议的协商意见尚未经主持人确认，不能交办');
    }
    const event: FollowUpEvent = {
      action: input.action,
      date: input.date,
      by: input.by,
      note: input.note,
      replyText: input.replyText,
      replyClass: input.replyClass,
      evaluation: input.evaluation,
    };
    // The stored events are the truth; the cached row only serves the lists.
    const stored = orRefuse(
      replayFollowUp(events(ctx, input.resolutionId).map(toEvent)),
      'refused',
      '督办记录不一致：',
    );
    const next = orRefuse(applyFollowUp(stored, event));
    if (input.action === '交办' && !row.lead_department_id) throw refused('协商意见还没有主办单位，不能交办');
    const now = isoNow(ctx);
    ctx.db
      .prepare(
        'INSERT INTO followup_event (resolution_id, action, date, by, note, reply_text, reply_class, evaluation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        input.resolutionId,
        input.action,
        input.date,
        input.by,
        input.note,
        event.action === '答复' ? (input.replyText ?? '') : null,
        input.replyClass ?? null,
        input.evaluation ?? null,
        now,
      );
    ctx.db
      .prepare(
        `INSERT INTO followup (resolution_id, state, sent_on, replied_on, reply_text, reply_class, evaluation, urged, reported_on, last_date, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (resolution_id) DO UPDATE SET state = excluded.state, sent_on = excluded.sent_on, replied_on = excluded.replied_on,
           reply_text = excluded.reply_text, reply_class = excluded.reply_class, evaluation = excluded.evaluation, urged = excluded.urged,
           reported_on = excluded.reported_on, last_date = excluded.last_date, updated_at = excluded.updated_at`,
      )
      .run(
        input.resolutionId,
        next.state,
        next.sentOn,
        next.repliedOn,
        next.replyText,
        next.replyClass,
        next.evaluation,
        next.urged,
        next.reportedOn,
        next.lastDate,
        now,
      );
    const updated = ctx.db.prepare(`${SELECT} WHERE r.id = ?`).get(input.resolutionId) as Row;
    return toItem(updated, localToday(ctx));
  },
});
