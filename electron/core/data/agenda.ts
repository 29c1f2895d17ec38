import type { Ctx } from '../context';
import { run, sql } from '../db/sql';

/** The agenda_item table's only writer: a meeting's items, their order and when each ran. */

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
