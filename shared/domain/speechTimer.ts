/**
 * Speaking time is derived, never ticked into storage: a speech keeps its speaking intervals
 * (start, stop) and every window computes the same countdown from them and its clock.
 */

export interface Interval {
  /** ISO timestamps; `to` is null while the speaker is still talking. */
  from: string;
  to: string | null;
}

/** Milliseconds spoken so far: the sum of the intervals, the open one up to `now`. */
export function elapsedMs(intervals: readonly Interval[], now: number): number {
  let total = 0;
  for (const { from, to } of intervals) total += Math.max(0, (to ? Date.parse(to) : now) - Date.parse(from));
  return total;
}

export type TimerTone = 'normal' | 'warn' | 'over';

export interface TimerView {
  /** Whole seconds left (negative when over). */
  remaining: number;
  tone: TimerTone;
  /** "07:59", or "+01:05" counting up once over. */
  text: string;
}

/** The countdown as every window shows it: amber within `warnSeconds`, red and counting up when over. */
export function timerView(limitSeconds: number, elapsed: number, warnSeconds: number): TimerView {
  // Ceil while counting down so "00:00" appears only when time is up; floor the overtime.
  const left = limitSeconds - elapsed / 1000;
  const remaining = left >= 0 ? Math.ceil(left) : -Math.floor(-left);
  const tone: TimerTone = left < 0 ? 'over' : left <= warnSeconds ? 'warn' : 'normal';
  return { remaining, tone, text: left < 0 ? `+${clock(-left)}` : clock(Math.ceil(left)) };
}

/** 75 → "01:15"; an hour or more → "1:02:03". */
export function clock(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
