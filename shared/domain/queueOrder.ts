/**
 * The speaker queue's order as pure list operations. Positions are always 1..n without gaps;
 * the queue reads as history first (spoken, speaking), then who waits, in order.
 */

import type { SpeechState } from './speechState';

export { speechStates, type SpeechState } from './speechState';

export interface Ordered {
  id: number;
  state: SpeechState;
}

/** Moves `id` to `index` (0-based, clamped) and returns the new order of ids. */
export function moveTo<T extends Ordered>(entries: readonly T[], id: number, index: number): T[] {
  const from = entries.findIndex((e) => e.id === id);
  if (from < 0) return [...entries];
  const rest = entries.filter((e) => e.id !== id);
  const at = Math.max(0, Math.min(rest.length, index));
  return [...rest.slice(0, at), entries[from], ...rest.slice(at)];
}

/** Where the first waiting entry stands: "move to top" and "start" put an entry there. */
export function firstWaitingIndex(entries: readonly Ordered[]): number {
  const i = entries.findIndex((e) => e.state === '等待');
  return i < 0 ? entries.length : i;
}

/** The entry on the floor (speaking or paused), if any: there is at most one. */
export function onFloor<T extends Ordered>(entries: readonly T[]): T | undefined {
  return entries.find((e) => e.state === '发言中' || e.state === '暂停');
}

/** The next speaker: the first waiting entry. */
export function nextWaiting<T extends Ordered>(entries: readonly T[]): T | undefined {
  return entries.find((e) => e.state === '等待');
}

/** A start can be taken back this long after it began: time enough to see the speaker is not there. */
export const UNDO_START_SECONDS = 10;

/** Two windows' clocks may be this far apart: a start a moment "ahead" of a window's clock is still a fresh one. */
const CLOCK_LEEWAY_MS = 2_000;

/**
 * How long the start made at `startedAt` can still be undone, at `now` (ms; 0 once it cannot).
 * A start later than now was not just made: it is a time recorded afterwards (queue.setTimes,
 * typed in the evening for a later hour), and taking it back would erase that record.
 */
export function undoStartLeftMs(startedAt: string, now: number): number {
  const since = now - Date.parse(startedAt);
  if (since < -CLOCK_LEEWAY_MS) return 0;
  return Math.max(0, UNDO_START_SECONDS * 1000 - Math.max(0, since));
}

/**
 * Where an entry that waits again goes, so the queue still reads history first: it keeps its
 * place unless someone after it has spoken meanwhile, and then it heads the waiting line.
 */
export function backToWaiting<T extends Ordered>(entries: readonly T[], id: number): T[] {
  const at = entries.findIndex((e) => e.id === id);
  const spokenAfter = entries.slice(at + 1).some((e) => e.state !== '等待' && e.state !== '撤回');
  if (!spokenAfter) return [...entries];
  return moveTo(entries, id, firstWaitingIndex(entries.filter((e) => e.id !== id)));
}
