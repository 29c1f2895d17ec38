/**
 * Child rows read for many parents in one query, grouped by their parent's id: lists answer in a
 * fixed number of queries instead of one or two per row.
 */
export function groupByOwner<T>(rows: readonly (T & { owner: number })[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const { owner, ...rest } of rows) {
    const list = map.get(owner);
    if (list) list.push(rest as unknown as T);
    else map.set(owner, [rest as unknown as T]);
  }
  return map;
}
