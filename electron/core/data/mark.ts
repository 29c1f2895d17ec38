import type { Mark } from '../../../shared/contract/minutes';
import type { DocMark, MarkKind } from '../../../shared/domain/minutesDoc';
import type { Ctx, QueryCtx } from '../context';
import { all, get, run, sql, value } from '../db/sql';

/** The mark table's only writer: the passages marked in a meeting's minutes, which follow the document. */

export interface MarkRow {
  id: string;
  meeting_id: number;
  kind: MarkKind;
  excerpt: string;
  speech_id: number | null;
  ord: number;
}

const COLUMNS = sql.raw('id, meeting_id, kind, excerpt, speech_id, ord');

export const findMark = (ctx: QueryCtx, id: string) =>
  get<MarkRow>(ctx.db, sql`SELECT ${COLUMNS} FROM mark WHERE id = ${id}`);

/** The meeting a mark id belongs to, if it is recorded at all. */
export const markMeeting = (ctx: QueryCtx, id: string) =>
  value<number>(ctx.db, sql`SELECT meeting_id FROM mark WHERE id = ${id}`);

export const meetingMarkRows = (ctx: QueryCtx, meetingId: number) =>
  all<MarkRow>(ctx.db, sql`SELECT ${COLUMNS} FROM mark WHERE meeting_id = ${meetingId}`);

/** The meeting's marks in document order, each with the speaker of its speech (or the author of a written opinion). */
export const listMarks = (ctx: QueryCtx, meetingId: number) =>
  all<Mark>(
    ctx.db,
    sql`SELECT m.id, m.kind, m.excerpt, m.speech_id AS speechId, coalesce(p.name, op.name) AS speaker, m.ord AS "order",
               m.created_at AS createdAt
          FROM mark m LEFT JOIN speech s ON s.id = m.speech_id LEFT JOIN person p ON p.id = s.person_id
               LEFT JOIN written_opinion wo ON wo.mark_id = m.id LEFT JOIN participant opa ON opa.id = wo.participant_id
               LEFT JOIN person op ON op.id = opa.person_id
         WHERE m.meeting_id = ${meetingId} ORDER BY m.ord`,
  );

export const insertMark = (ctx: Ctx, meetingId: number, m: DocMark, at: string) =>
  run(
    ctx.db,
    sql`INSERT INTO mark (id, meeting_id, kind, excerpt, speech_id, ord, created_at)
        VALUES (${m.id}, ${meetingId}, ${m.kind}, ${m.excerpt}, ${m.speechId}, ${m.order}, ${at})`,
  );

/** Bulk form for the archive generator: a new document's marks, all recorded. */
export function insertMarks(ctx: Ctx, meetingId: number, marks: readonly DocMark[], at: string): void {
  for (const m of marks) insertMark(ctx, meetingId, m, at);
}

export const updateMark = (ctx: Ctx, m: DocMark) =>
  run(
    ctx.db,
    sql`UPDATE mark SET kind = ${m.kind}, excerpt = ${m.excerpt}, speech_id = ${m.speechId}, ord = ${m.order} WHERE id = ${m.id}`,
  );

export const deleteMark = (ctx: Ctx, id: string) => run(ctx.db, sql`DELETE FROM mark WHERE id = ${id}`);
