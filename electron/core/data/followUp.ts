import { FollowUpItem, FollowUpStep } from '../../../shared/contract/followUp';
import {
  initialFollowUp,
  isOverdue,
  possibleActions,
  type FollowUp,
  type FollowUpEvent,
  type FollowUpState,
} from '../../../shared/domain/followUp';
import type { Ctx, QueryCtx } from '../context';
import { rowMapper, type DbRow } from '../db/rows';
import { all, get, run, sql, type Sql } from '../db/sql';

/**
 * The follow-up of resolutions (tables followup_event, the append-only steps, and followup, the
 * state replayed from them for the lists): the only module that writes them.
 */

/** Resolutions of confirmed lists (drafts are not followed up), with where they stand. */
const SELECT = sql`
  SELECT r.id AS resolution_id, m.id AS meeting_id, m.title AS meeting_title, m.form, m.issue_no, m.year, r.position, r.text,
         r.lead_department_id, d.name AS lead_department, r.deadline,
         f.state, f.sent_on, f.replied_on, f.reply_text, f.reply_class, f.evaluation, f.urged, f.reported_on, f.last_date
    FROM resolution r
    JOIN meeting m ON m.id = r.meeting_id
    JOIN resolution_confirmation c ON c.meeting_id = m.id AND c.withdrawn_at IS NULL
    LEFT JOIN department d ON d.id = r.lead_department_id
    LEFT JOIN followup f ON f.resolution_id = r.id`;

const toStanding = rowMapper(FollowUpItem.omit({ overdue: true, possible: true }), {
  leadDepartment: (r) => (r.lead_department as string | null) ?? '',
  // No followup row yet: the resolution stands where the state machine starts.
  state: (r) => (r.state as FollowUpState | null) ?? initialFollowUp.state,
  replyText: (r) => (r.reply_text as string | null) ?? initialFollowUp.replyText,
  urged: (r) => (r.urged as number | null) ?? initialFollowUp.urged,
});

function toItem(row: DbRow, today: string): FollowUpItem {
  const item = toStanding(row);
  const f: FollowUp = { ...item, lastDate: row.last_date as string | null };
  return { ...item, overdue: isOverdue(f, item.deadline, today), possible: possibleActions(f) };
}

const items = (ctx: QueryCtx, today: string, where: Sql, order = sql``) =>
  all<DbRow>(ctx.db, sql`${SELECT} ${where} ${order}`).map((r) => toItem(r, today));

/** Where the resolution stands, if it is on a confirmed list. */
export const findFollowUpItem = (ctx: QueryCtx, resolutionId: number, today: string): FollowUpItem | undefined =>
  items(ctx, today, sql`WHERE r.id = ${resolutionId}`)[0];

/** Where each resolution of a meeting stands (for the 办理清单). */
export const followUpItemsOfMeeting = (ctx: QueryCtx, meetingId: number, today: string) =>
  items(ctx, today, sql`WHERE m.id = ${meetingId}`);

/** The dashboard's items, by deadline (none last), then meeting and position. */
export function followUpItems(
  ctx: QueryCtx,
  filter: { year?: number; departmentId?: number },
  today: string,
): FollowUpItem[] {
  const where: Sql[] = [];
  if (filter.year !== undefined) where.push(sql`m.year = ${filter.year}`);
  if (filter.departmentId !== undefined) where.push(sql`r.lead_department_id = ${filter.departmentId}`);
  return items(
    ctx,
    today,
    where.length ? sql`WHERE ${sql.join(where, ' AND ')}` : sql``,
    sql`ORDER BY r.deadline IS NULL, r.deadline, m.starts_at, r.position`,
  );
}

const toStep = rowMapper(FollowUpStep);

/** A resolution's follow-up steps in the order they were recorded. */
export const followUpSteps = (ctx: QueryCtx, resolutionId: number): FollowUpStep[] =>
  all<DbRow>(
    ctx.db,
    sql`SELECT action, date, by, note, reply_text, reply_class, evaluation, created_at FROM followup_event
         WHERE resolution_id = ${resolutionId} ORDER BY id`,
  ).map(toStep);

/** Whether a resolution's follow-up has begun (it can then no longer be deleted). */
export const followUpStarted = (ctx: QueryCtx, resolutionId: number) =>
  get(ctx.db, sql`SELECT 1 FROM followup_event WHERE resolution_id = ${resolutionId} LIMIT 1`) !== undefined;

/** Appends a step to the resolution's record; only a reply keeps a reply text. */
export function appendFollowUpEvent(ctx: Ctx, resolutionId: number, e: FollowUpEvent, at: string): void {
  run(
    ctx.db,
    sql`INSERT INTO followup_event (resolution_id, action, date, by, note, reply_text, reply_class, evaluation, created_at)
        VALUES (${resolutionId}, ${e.action}, ${e.date}, ${e.by}, ${e.note}, ${e.action === '答复' ? (e.replyText ?? '') : null},
                ${e.replyClass ?? null}, ${e.evaluation ?? null}, ${at})`,
  );
}

/** Where the resolution now stands, kept with its steps for the lists. */
export function writeFollowUp(ctx: Ctx, resolutionId: number, f: FollowUp, at: string): void {
  run(
    ctx.db,
    sql`INSERT INTO followup (resolution_id, state, sent_on, replied_on, reply_text, reply_class, evaluation, urged, reported_on, last_date, updated_at)
        VALUES (${resolutionId}, ${f.state}, ${f.sentOn}, ${f.repliedOn}, ${f.replyText}, ${f.replyClass}, ${f.evaluation},
                ${f.urged}, ${f.reportedOn}, ${f.lastDate}, ${at})
        ON CONFLICT (resolution_id) DO UPDATE SET state = excluded.state, sent_on = excluded.sent_on, replied_on = excluded.replied_on,
          reply_text = excluded.reply_text, reply_class = excluded.reply_class, evaluation = excluded.evaluation, urged = excluded.urged,
          reported_on = excluded.reported_on, last_date = excluded.last_date, updated_at = excluded.updated_at`,
  );
}
