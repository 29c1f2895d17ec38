import { hasHan } from './text';

/**
 * Ranks a person against what was typed in a search box: a name (or part of one) in characters,
 * or pinyin, full or initials ("zw", "zhangwei", "zhang w"). 0 means no match; higher is better.
 * Pure and cheap, so the renderer can filter a 600-name roster on every keystroke.
 */
export function matchScore(query: string, name: string, pinyinKeys: string): number {
  const q = query.trim().toLowerCase();
  if (!q) return 1;
  if (hasHan(q)) {
    if (name === q) return 100;
    if (name.startsWith(q)) return 80;
    return name.includes(q) ? 60 : 0;
  }
  const compact = q.replace(/[\s'’]+/g, '');
  if (!compact) return 1;
  let best = 0;
  for (const key of pinyinKeys.split(' ')) {
    if (!key) continue;
    if (key === compact) best = Math.max(best, 90);
    else if (key.startsWith(compact)) best = Math.max(best, 70);
    else if (compact.length >= 2 && key.includes(compact)) best = Math.max(best, 30);
  }
  return best;
}

/** Filters and orders items by matchScore; ties keep their incoming (pinyin) order. */
export function rankWithScores<T>(
  items: readonly T[],
  query: string,
  keyOf: (item: T) => { name: string; pinyin: string },
): { item: T; score: number }[] {
  const scored: { item: T; score: number; i: number }[] = [];
  items.forEach((item, i) => {
    const { name, pinyin } = keyOf(item);
    const score = matchScore(query, name, pinyin);
    if (score > 0) scored.push({ item, score, i });
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  return scored.map(({ item, score }) => ({ item, score }));
}

export function rankByName<T>(
  items: readonly T[],
  query: string,
  keyOf: (item: T) => { name: string; pinyin: string },
): T[] {
  if (!query.trim()) return [...items];
  return rankWithScores(items, query, keyOf).map((s) => s.item);
}
