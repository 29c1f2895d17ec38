import type { ScreenView } from '../../../shared/contract/meetings';
import { MEETING } from '../../../shared/domain/meetings';
import { isoNow, type QueryCtx } from '../context';
import { readScreen, writeScreen } from '../data/screen';
import { sql, value } from '../db/sql';
import { handlers } from '../handler';
import { getMeetingDetail, meetingRow } from './meetings';
import { getQueue } from './queue';
import { readSettings } from './settings';

/** What the projector shows: the chosen meeting, or else the one in progress that started last. */
function screenView(ctx: QueryCtx): ScreenView {
  const s = readScreen(ctx);
  const meetingId =
    s.meetingId ??
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
    join: s.mode === 'join' && meetingId !== null ? ctx.lan.participantJoin(ctx, meetingId) : null,
    updatedAt: s.updatedAt,
  };
}

export const screenHandlers = handlers({
  'screen.get': (_input, ctx) => screenView(ctx),

  'screen.set': ({ meetingId, mode, message }, ctx) => {
    if (meetingId != null) meetingRow(ctx, meetingId);
    const s = readScreen(ctx);
    writeScreen(
      ctx,
      {
        meetingId: meetingId === undefined ? s.meetingId : meetingId,
        mode: mode ?? s.mode,
        message: message ?? s.message,
      },
      isoNow(ctx),
    );
    return screenView(ctx);
  },
});
