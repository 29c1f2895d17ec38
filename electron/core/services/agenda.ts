import type { ParsedInput } from '../../../shared/contract';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import {
  addAgendaItem,
  agendaOf,
  deleteAgendaItem,
  endAgendaItem,
  endRunningItem,
  findAgendaItem,
  startAgendaItem,
  updateAgendaItem,
} from '../data/agenda';
import { touchMeeting } from '../data/meeting';
import { detachAgendaItem } from '../data/speech';
import { notFound, refused } from '../errors';
import { handlers } from '../handler';
import { getMeetingDetail, startIfPreparing, writableMeeting } from './meetings';

/** A meeting's agenda: its items in order, and the one running now (one at a time). */

/** Saves the whole list: kept items renumbered, new ones added, dropped ones deleted unless they have started. */
export function saveAgenda(ctx: Ctx, meetingId: number, items: ParsedInput<'agenda.save'>['items']): void {
  const existing = agendaOf(ctx, meetingId);
  const kept = new Set(items.map((i) => i.id).filter((id): id is number => id !== undefined));
  for (const id of kept) if (!existing.some((e) => e.id === id)) throw notFound('议程项', id);
  for (const e of existing) {
    if (kept.has(e.id)) continue;
    if (e.startedAt) throw refused('已经开始的议程项不能删除');
    detachAgendaItem(ctx, e.id);
    deleteAgendaItem(ctx, e.id);
  }
  items.forEach((item, i) =>
    item.id
      ? updateAgendaItem(ctx, item.id, i + 1, item.title, item.plannedMinutes)
      : addAgendaItem(ctx, meetingId, i + 1, item.title, item.plannedMinutes),
  );
}

function agendaRow(ctx: QueryCtx, id: number) {
  const r = findAgendaItem(ctx, id);
  if (!r) throw notFound('议程项', id);
  return r;
}

export const agendaHandlers = handlers({
  'agenda.save': ({ meetingId, items }, ctx) => {
    writableMeeting(ctx, meetingId);
    saveAgenda(ctx, meetingId, items);
    touchMeeting(ctx, meetingId, isoNow(ctx));
    return getMeetingDetail(ctx, meetingId);
  },

  'agenda.start': ({ id }, ctx) => {
    const item = agendaRow(ctx, id);
    const m = writableMeeting(ctx, item.meetingId);
    if (item.endedAt) throw refused(`议程项“${item.title}”已结束`);
    if (item.startedAt) return getMeetingDetail(ctx, m.id);
    startIfPreparing(ctx, m);
    const now = isoNow(ctx);
    endRunningItem(ctx, m.id, now);
    startAgendaItem(ctx, id, now);
    touchMeeting(ctx, m.id, isoNow(ctx));
    return getMeetingDetail(ctx, m.id);
  },

  'agenda.end': ({ id }, ctx) => {
    const item = agendaRow(ctx, id);
    const m = writableMeeting(ctx, item.meetingId);
    if (!item.startedAt || item.endedAt) throw refused(`议程项“${item.title}”不在进行中`);
    endAgendaItem(ctx, id, isoNow(ctx));
    touchMeeting(ctx, m.id, isoNow(ctx));
    return getMeetingDetail(ctx, m.id);
  },
});
