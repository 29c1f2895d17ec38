import { importColumnAliases, type ImportColumn } from '../../../shared/domain/people';

/** Maps header cells to template columns; unknown headers are ignored. */
export function headerMap(header: string[]): Map<ImportColumn, number> {
  const map = new Map<ImportColumn, number>();
  header.forEach((h, i) => {
    const col = importColumnAliases[h.replace(/[\s*＊]/g, '')];
    if (col && !map.has(col)) map.set(col, i);
  });
  return map;
}
