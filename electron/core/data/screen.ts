import type { ScreenMode } from '../../../shared/domain/meetings';
import type { Ctx, QueryCtx } from '../context';
import { get, run, sql } from '../db/sql';

/** The screen table's only writer: its single row (id 1) is what the projector is told to show. */

export interface ScreenState {
  meetingId: number | null;
  mode: ScreenMode;
  message: string;
  updatedAt: string;
}

export const readScreen = (ctx: QueryCtx): ScreenState =>
  get<ScreenState>(
    ctx.db,
    sql`SELECT meeting_id AS meetingId, mode, message, updated_at AS updatedAt FROM screen WHERE id = 1`,
  )!;

export const writeScreen = (ctx: Ctx, s: Omit<ScreenState, 'updatedAt'>, at: string) =>
  run(
    ctx.db,
    sql`UPDATE screen SET meeting_id = ${s.meetingId}, mode = ${s.mode}, message = ${s.message}, updated_at = ${at} WHERE id = 1`,
  );
