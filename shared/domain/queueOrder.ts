/**
 * The speaker queue's order as pure list operations. Positions are always 1..n without gaps;
 * the queue reads as history first (spoken, speaking), then who waits, in order.
 */

export type SpeechState = '等待' | '发言中' | '暂停' | '已发言' | '撤回';
export const speechStates: readonly SpeechState[] = ['等待', '发言中', '暂停', '已发言', '撤回'];

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
