import type { FollowUpBoard, FollowUpItem, FollowUpStep } from '../../../shared/contract/followUp';
import {
  applyFollowUp,
  followUpStates,
  replayFollowUp,
  type FollowUp,
  type FollowUpEvent,
} from '../../../shared/domain/followUp';
import { isoNow, localToday, type QueryCtx } from '../context';
import {
  appendFollowUpEvent,
  findFollowUpItem,
  followUpItems,
  followUpItemsOfMeeting,
  followUpSteps,
  writeFollowUp,
} from '../data/followUp';
import { get, sql } from '../db/sql';
import { notFound, orRefuse, refused } from '../errors';
import { handlers } from '../handler';
import { checkUnitRef } from './units';

/** The follow-up of confirmed resolutions (跟踪督办): the dashboard, a resolution's history and its next step. */

// The resolutions service asks this before deleting a resolution.

/** Where each resolution of a meeting stands, by resolution id (for the 办理清单). */
export function followUpOfMeeting(ctx: QueryCtx, meetingId: number): Map<number, FollowUpItem> {
  return new Map(followUpItemsOfMeeting(ctx, meetingId, localToday(ctx)).map((i) => [i.resolutionId, i]));
}

function requireResolution(ctx: QueryCtx, resolutionId: number): void {
  if (!get(ctx.db, sql`SELECT 1 FROM resolution WHERE id = ${resolutionId}`)) throw notFound('协商意见', resolutionId);
}

function board(
  ctx: QueryCtx,
  filter: { year?: number; departmentId?: number; state?: FollowUp['state']; overdueOnly?: boolean },
): FollowUpBoard {
  const today = localToday(ctx);
  const all = followUpItems(ctx, filter, today);
  const byState = Object.fromEntries(followUpStates.map((s) => [s, all.filter((i) => i.state === s).length]));
  const departments = new Map<string, { department: string; total: number; open: number; overdue: number }>();
  for (const i of all) {
    const key = i.leadDepartment || '（未定主办单位）';
    const d = departments.get(key) ?? { department: key, total: 0, open: 0, overdue: 0 };
    d.total++;
    if (i.state !== '办结') d.open++;
    if (i.overdue) d.overdue++;
    departments.set(key, d);
  }
  let items = all.filter((i) => (!filter.state || i.state === filter.state) && (!filter.overdueOnly || i.overdue));
  items = [...items.filter((i) => i.overdue), ...items.filter((i) => !i.overdue)];
  return {
    items,
    byState,
    byDepartment: [...departments.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open),
    today,
  };
}

export const toFollowUpEvent = (e: FollowUpStep): FollowUpEvent => ({
  action: e.action,
  date: e.date,
  by: e.by,
  note: e.note,
  replyText: e.replyText ?? undefined,
  replyClass: e.replyClass ?? undefined,
  evaluation: e.evaluation ?? undefined,
});

export const followUpHandlers = handlers({
  'followup.list': (filter, ctx) => {
    if (filter.departmentId !== undefined) checkUnitRef(ctx, 'department', filter.departmentId, { allowRetired: true });
    return board(ctx, filter);
  },

  'followup.history': ({ resolutionId }, ctx) => {
    requireResolution(ctx, resolutionId);
    return followUpSteps(ctx, resolutionId);
  },

  // Follow-up goes on after the meeting is archived: these are writes to the resolution's
  // handling, not to the meeting's record.
  'followup.act': (input, ctx) => {
    const item = findFollowUpItem(ctx, input.resolutionId, localToday(ctx));
    if (!item) {
      requireResolution(ctx, input.resolutionId);
      throw refused('这次会议的协商意见尚未经主持人确认，不能交办');
    }
    const event: FollowUpEvent = {
      action: input.action,
      date: input.date,
      by: input.by,
      note: input.note,
      replyText: input.replyText,
      replyClass: input.replyClass,
      evaluation: input.evaluation,
    };
    // The stored events are the truth; the cached row only serves the lists.
    const stored = orRefuse(
      replayFollowUp(followUpSteps(ctx, input.resolutionId).map(toFollowUpEvent)),
      'refused',
      '督办记录不一致：',
    );
    const next = orRefuse(applyFollowUp(stored, event));
    if (input.action === '交办' && !item.leadDepartmentId) throw refused('协商意见还没有主办单位，不能交办');
    const now = isoNow(ctx);
    appendFollowUpEvent(ctx, input.resolutionId, event, now);
    writeFollowUp(ctx, input.resolutionId, next, now);
    return findFollowUpItem(ctx, input.resolutionId, localToday(ctx))!;
  },
});
