import { Meeting, type MeetingDetail } from '../../../shared/contract/meetings';
import type { MeetingStatus } from '../../../shared/domain/meetings';
import type { MeetingForm } from '../../../shared/domain/topics';
import type { Ctx, QueryCtx } from '../context';
import { rowMapper, type DbRow } from '../db/rows';
import { all, get, run, sql, value } from '../db/sql';

/**
 * The meeting aggregate's own rows (tables meeting and meeting_status_log): the only module
 * that writes them. Participants and the agenda have their modules beside this one.
 */

export interface MeetingFields {
  topicId: number | null;
  form: MeetingForm;
  title: string;
  issueNo: number;
  startsAt: string;
  place: string;
  chairId: number | null;
  committeeId: number | null;
  recorderId: number | null;
}

/** A meeting row as the contract's Meeting: one without a decided topic is 临时 (adHoc). */
const toMeeting = rowMapper(Meeting, { adHoc: (r) => r.topic_id === null });

export function findMeeting(ctx: QueryCtx, id: number): Meeting | undefined {
  const row = get<DbRow>(ctx.db, sql`SELECT * FROM meeting WHERE id = ${id}`);
  return row && toMeeting(row);
}

/** Every meeting, the latest first. */
export const listMeetings = (ctx: QueryCtx): Meeting[] =>
  all<DbRow>(ctx.db, sql`SELECT * FROM meeting ORDER BY starts_at DESC, id DESC`).map(toMeeting);

/** The meeting's status changes, oldest first. */
export const statusLog = (ctx: QueryCtx, id: number) =>
  all<MeetingDetail['statusLog'][number]>(
    ctx.db,
    sql`SELECT from_status AS "from", to_status AS "to", reason, at FROM meeting_status_log WHERE meeting_id = ${id} ORDER BY id`,
  );

/** A meeting's year is the year it starts in: written here only, whatever changes the start. */
export const yearOf = (startsAt: string) => Number(startsAt.slice(0, 4));

/** The issue after the last one of that year and form (第X期). */
export const nextIssueNo = (ctx: QueryCtx, year: number, form: string) =>
  (value<number | null>(ctx.db, sql`SELECT max(issue_no) FROM meeting WHERE year = ${year} AND form = ${form}`) ?? 0) +
  1;

/** The title of another meeting (not `exceptId`) holding that year, form and issue number, if any. */
export const issueHolder = (ctx: QueryCtx, year: number, form: string, issueNo: number, exceptId = 0) =>
  value<string>(
    ctx.db,
    sql`SELECT title FROM meeting WHERE year = ${year} AND form = ${form} AND issue_no = ${issueNo} AND id <> ${exceptId}
         ORDER BY id LIMIT 1`,
  );

/** The smallest issue number above `after` that no meeting (but `exceptId`) of that year and form holds. */
export function freeIssueNoAfter(ctx: QueryCtx, year: number, form: string, after: number, exceptId = 0): number {
  let n = after + 1;
  while (issueHolder(ctx, year, form, n, exceptId) !== undefined) n++;
  return n;
}

/** A new meeting, 筹备中 unless a status is given (the generator writes archived ones). */
export function insertMeeting(ctx: Ctx, f: MeetingFields, at: string, status?: MeetingStatus): number {
  const statusColumn = status === undefined ? sql`` : sql`, status`;
  const statusValue = status === undefined ? sql`` : sql`, ${status}`;
  return Number(
    run(
      ctx.db,
      sql`INSERT INTO meeting (topic_id, form, title, year, issue_no, starts_at, place, chair_id, committee_id, recorder_id, created_at, updated_at${statusColumn})
          VALUES (${f.topicId}, ${f.form}, ${f.title}, ${yearOf(f.startsAt)}, ${f.issueNo}, ${f.startsAt}, ${f.place},
                  ${f.chairId}, ${f.committeeId}, ${f.recorderId}, ${at}, ${at}${statusValue})`,
    ).lastInsertRowid,
  );
}

export function updateMeeting(ctx: Ctx, id: number, f: Omit<MeetingFields, 'topicId'>, at: string): void {
  run(
    ctx.db,
    sql`UPDATE meeting SET form = ${f.form}, title = ${f.title}, issue_no = ${f.issueNo}, starts_at = ${f.startsAt},
               year = ${yearOf(f.startsAt)}, place = ${f.place}, chair_id = ${f.chairId}, committee_id = ${f.committeeId},
               recorder_id = ${f.recorderId}, updated_at = ${at}
         WHERE id = ${id}`,
  );
}

/** Something of the meeting changed (participants, agenda): lists sort and refresh by this. */
export const touchMeeting = (ctx: Ctx, id: number, at: string) =>
  run(ctx.db, sql`UPDATE meeting SET updated_at = ${at} WHERE id = ${id}`);

/** The new status, and its line in the meeting's status log. */
export function writeStatus(
  ctx: Ctx,
  id: number,
  change: { from: MeetingStatus; to: MeetingStatus; reason: string },
  at: string,
): void {
  run(ctx.db, sql`UPDATE meeting SET status = ${change.to}, updated_at = ${at} WHERE id = ${id}`);
  run(
    ctx.db,
    sql`INSERT INTO meeting_status_log (meeting_id, from_status, to_status, reason, at)
        VALUES (${id}, ${change.from}, ${change.to}, ${change.reason}, ${at})`,
  );
}
