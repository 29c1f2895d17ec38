import { elapsedMs, type Interval } from './speechTimer';

export interface StatEntry {
  name: string;
  kind: string;
  state: string;
  limitSeconds: number;
  intervals: readonly Interval[];
}

export interface StatRow {
  key: string;
  count: number;
  /** Seconds spoken. */
  total: number;
  /** Seconds over the limits, summed. */
  over: number;
}

/** Count, total time and overtime per speaker and per kind, over speeches that were given. */
export function speechStats(entries: readonly StatEntry[], now: number): { bySpeaker: StatRow[]; byKind: StatRow[] } {
  const given = entries.filter((e) => e.intervals.length > 0);
  const tally = (keyOf: (e: StatEntry) => string) => {
    const rows = new Map<string, StatRow>();
    for (const e of given) {
      const spoken = Math.round(elapsedMs(e.intervals, now) / 1000);
      const row = rows.get(keyOf(e)) ?? { key: keyOf(e), count: 0, total: 0, over: 0 };
      row.count += 1;
      row.total += spoken;
      row.over += Math.max(0, spoken - e.limitSeconds);
      rows.set(row.key, row);
    }
    return [...rows.values()].sort((a, b) => b.total - a.total);
  };
  return { bySpeaker: tally((e) => e.name), byKind: tally((e) => e.kind) };
}
