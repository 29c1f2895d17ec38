import type { Meeting } from '../../../shared/contract/meetings';
import { MEETING } from '../../../shared/domain/meetings';
import type { Ctx } from '../context';
import { refused } from '../errors';
import { handlers } from '../handler';
import { getMeetingDetail, meetingRow, setStatus } from './meetings';

/**
 * A meeting held without the app running it (typed in the evening, or held elsewhere): marked
 * 进行中 then 已结束 at the times it really started and ended, through the same status moves as
 * live, so the status log, the minutes' end revision and the room's close follow as usual.
 */

/** A local wall-clock minute ('2026-05-14T09:00') as the instant it was on this machine. */
const instant = (local: string) => new Date(`${local}:00`);

export function markHeld(ctx: Ctx, m: Meeting, startedAt: string, endedAt: string): void {
  if (m.status !== MEETING.preparing)
    throw refused(`会议“${m.title}”当前为“${m.status}”，只有筹备中的会议可以补记为已召开`);
  const day = m.startsAt.slice(0, 10);
  // Plausibility: it was held on the day it was called for (a moved meeting gets its date edited first).
  if (startedAt.slice(0, 10) !== day)
    throw refused(`实际开始时间须在会议当天（${day}）；如会议改期，请先修改会议的开始时间`);
  const [start, end, now] = [instant(startedAt), instant(endedAt), ctx.now()];
  if (start > now) throw refused('实际开始时间不能晚于现在');
  if (end > now) throw refused('实际结束时间不能晚于现在');
  if (end <= start) throw refused('实际结束时间必须晚于开始时间');
  setStatus(ctx, m, MEETING.running, '', start.toISOString());
  setStatus(ctx, { ...m, status: MEETING.running }, MEETING.ended, '', end.toISOString());
}

// Registered beside meetings.ts's handlers: this module builds on its status moves.
export const meetingHeldHandlers = handlers({
  'meeting.markHeld': ({ id, startedAt, endedAt }, ctx) => {
    markHeld(ctx, meetingRow(ctx, id), startedAt, endedAt);
    return getMeetingDetail(ctx, id);
  },
});
