import type { AgendaItem } from '../../../shared/contract/meetings';
import type { Ctx, QueryCtx } from '../context';
import { all, get, run, sql } from '../db/sql';

/** The agenda_item table's only writer: a meeting's items, their order and when each ran. */

export interface AgendaRow {
  id: number;
  meetingId: number;
  title: string;
  startedAt: string | null;
  endedAt: string | null;
}

export const findAgendaItem = (ctx: QueryCtx, id: number) =>
  get<AgendaRow>(
    ctx.db,
    sql`SELECT id, meeting_id AS meetingId, title, started_at AS startedAt, ended_at AS endedAt FROM agenda_item WHERE id = ${id}`,
  );

/** A meeting's items in order. */
export const agendaOf = (ctx: QueryCtx, meetingId: number) =>
  all<AgendaItem>(
    ctx.db,
    sql`SELECT id, position, title, planned_minutes AS plannedMinutes, started_at AS startedAt, ended_at AS endedAt
          FROM agenda_item WHERE meeting_id = ${meetingId} ORDER BY position`,
  );

/** The item running now in the meeting, if any. */
export const runningItemId = (ctx: QueryCtx, meetingId: number) =>
  get<{ id: number }>(
    ctx.db,
    sql`SELECT id FROM agenda_item WHERE meeting_id = ${meetingId} AND started_at IS NOT NULL AND ended_at IS NULL`,
  )?.id;

export const addAgendaItem = (ctx: Ctx, meetingId: number, position: number, title: string, plannedMinutes: number) =>
  run(
    ctx.db,
    sql`INSERT INTO agenda_item (meeting_id, position, title, planned_minutes)
        VALUES (${meetingId}, ${position}, ${title}, ${plannedMinutes})`,
  );

export const updateAgendaItem = (ctx: Ctx, id: number, position: number, title: string, plannedMinutes: number) =>
  run(
    ctx.db,
    sql`UPDATE agenda_item SET position = ${position}, title = ${title}, planned_minutes = ${plannedMinutes} WHERE id = ${id}`,
  );

export const deleteAgendaItem = (ctx: Ctx, id: number) => run(ctx.db, sql`DELETE FROM agenda_item WHERE id = ${id}`);

/** The item running now, if any, ends at `at`: one item runs at a time, none once the meeting stops. */
export const endRunningItem = (ctx: Ctx, meetingId: number, at: string) =>
  run(
    ctx.db,
    sql`UPDATE agenda_item SET ended_at = ${at} WHERE meeting_id = ${meetingId} AND started_at IS NOT NULL AND ended_at IS NULL`,
  );

export const startAgendaItem = (ctx: Ctx, id: number, at: string) =>
  run(ctx.db, sql`UPDATE agenda_item SET started_at = ${at} WHERE id = ${id}`);

export const endAgendaItem = (ctx: Ctx, id: number, at: string) =>
  run(ctx.db, sql`UPDATE agenda_item SET ended_at = ${at} WHERE id = ${id}`);
