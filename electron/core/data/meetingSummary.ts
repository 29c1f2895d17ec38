import type { Ctx, QueryCtx } from '../context';
import { get, run, sql } from '../db/sql';

/** The meeting_summary table's only writer: the 纪要's narrative as the secretary edited it. */

export const findSummary = (ctx: QueryCtx, meetingId: number) =>
  get<{ body: string; updatedAt: string }>(
    ctx.db,
    sql`SELECT body, updated_at AS updatedAt FROM meeting_summary WHERE meeting_id = ${meetingId}`,
  );

export const saveSummary = (ctx: Ctx, meetingId: number, body: string, at: string) =>
  run(
    ctx.db,
    sql`INSERT INTO meeting_summary (meeting_id, body, updated_at) VALUES (${meetingId}, ${body}, ${at})
        ON CONFLICT (meeting_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
  );

/** Back to the draft: the export drafts the narrative again from the marks and resolutions. */
export const clearSummary = (ctx: Ctx, meetingId: number) =>
  run(ctx.db, sql`DELETE FROM meeting_summary WHERE meeting_id = ${meetingId}`);
