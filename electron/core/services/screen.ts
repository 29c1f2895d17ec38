import type { ScreenView } from '../../../shared/contract/meetings';
import { MEETING, type ScreenMode } from '../../../shared/domain/meetings';
import { isoNow, type QueryCtx } from '../context';
import { sql, value } from '../db/sql';
import { handlers } from '../handler';
import { getMeetingDetail, meetingRow } from './meetings';
import { getQueue } from './queue';
import { readSettings } from './settings';

interface ScreenRow {
  meeting_id: number | null;
  mode: ScreenMode;
  message: string;
  updated_at: string;
}

/** What the projector shows: the chosen meeting, or else the one in progress that started last. */
function screenView(ctx: QueryCtx): ScreenView {
  const s = ctx.db.prepare('SELECT meeting_id, mode, message, updated_at FROM screen WHERE id = 1').get() as ScreenRow;
  const meetingId =
    s.meeting_id ??
    value<number>(
      ctx.db,
      sql`SELECT id FROM meeting WHERE status = ${MEETING.running} ORDER BY starts_at DESC, id DESC LIMIT 1`,
    ) ??
    null;
  return {
    mode: s.mode,
    message: s.message,
    meeting: meetingId === null ? null : getMeetingDetail(ctx, meetingId),
    queue: meetingId === null ? [] : getQueue(ctx, meetingId).entries,
    warnSeconds: readSettings(ctx).warnSeconds,
    updatedAt: s.updated_at,
  };
}

export const screenHandlers = handlers({
  'screen.get': (_input, ctx) => screenView(ctx),

  'screen.set': ({ meetingId, mode, message }, ctx) => {
    if (meetingId != null) meetingRow(ctx, meetingId);
    const s = ctx.db.prepare('SELECT meeting_id, mode, message FROM screen WHERE id = 1').get() as ScreenRow;
    ctx.db
      .prepare('UPDATE screen SET meeting_id = ?, mode = ?, message = ?, updated_at = ? WHERE id = 1')
      .run(meetingId === undefined ? s.meeting_id : meetingId, mode ?? s.mode, message ?? s.message, isoNow(ctx));
    return screenView(ctx);
  },
});
