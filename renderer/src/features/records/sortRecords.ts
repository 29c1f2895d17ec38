import type { MemberRecord } from '../../../../shared/contract/memberRecords';

export type SortKey = 'name' | 'attended' | 'speeches' | 'seconds' | 'suggestions' | 'adopted';
export interface Sort {
  key: SortKey;
  desc: boolean;
}

const value: Record<Exclude<SortKey, 'name'>, (r: MemberRecord) => number> = {
  attended: (r) => r.meetingsAttended,
  speeches: (r) => r.speeches,
  seconds: (r) => r.speakingSeconds,
  suggestions: (r) => r.suggestions,
  adopted: (r) => r.suggestionsAdopted,
};

/** Rows in the chosen order; the core's order (pinyin) is the name order and breaks ties. */
export function sortRecords(rows: readonly MemberRecord[], { key, desc }: Sort): MemberRecord[] {
  const indexed = rows.map((r, i) => ({ r, i }));
  const by = key === 'name' ? () => 0 : value[key];
  indexed.sort((a, b) => (by(a.r) - by(b.r)) * (desc ? -1 : 1) || (key === 'name' && desc ? b.i - a.i : a.i - b.i));
  return indexed.map((x) => x.r);
}

/** A first click on a number sorts the most first; on the name, A to Z. A second click reverses. */
export const nextSort = (current: Sort, key: SortKey): Sort =>
  current.key === key ? { key, desc: !current.desc } : { key, desc: key !== 'name' };
