/**
 * The agenda's times: each item starts when the one before it ended (or is expected to end)
 * and lasts its planned minutes, so the estimated end follows what actually happened.
 */

export interface AgendaTimes {
  plannedMinutes: number;
  startedAt: string | null;
  endedAt: string | null;
}

export interface ScheduledItem {
  /** Epoch milliseconds. */
  start: number;
  end: number;
  state: 'done' | 'running' | 'ahead';
  /** Minutes over the plan (running or done), 0 if within. */
  overMinutes: number;
}

const MINUTE = 60_000;

export function agendaSchedule(
  meetingStart: string,
  items: readonly AgendaTimes[],
  now: number,
): { items: ScheduledItem[]; end: number } {
  let cursor = Date.parse(meetingStart);
  const out: ScheduledItem[] = [];
  for (const item of items) {
    const planned = item.plannedMinutes * MINUTE;
    if (item.endedAt) {
      const start = item.startedAt ? Date.parse(item.startedAt) : cursor;
      const end = Date.parse(item.endedAt);
      out.push({ start, end, state: 'done', overMinutes: Math.max(0, Math.round((end - start - planned) / MINUTE)) });
      cursor = end;
    } else if (item.startedAt) {
      const start = Date.parse(item.startedAt);
      // A running item ends as planned, or now if it has already run over.
      const end = Math.max(start + planned, now);
      out.push({
        start,
        end,
        state: 'running',
        overMinutes: Math.max(0, Math.floor((now - start - planned) / MINUTE)),
      });
      cursor = end;
    } else {
      // An item not started yet cannot start before now.
      const start = out.some((o) => o.state !== 'ahead') ? Math.max(cursor, now) : cursor;
      out.push({ start, end: start + planned, state: 'ahead', overMinutes: 0 });
      cursor = start + planned;
    }
  }
  return { items: out, end: cursor };
}
