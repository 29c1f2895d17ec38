import { closeSync, openSync, readSync } from 'node:fs';

/** The fields of the 100-byte header every SQLite file starts with that a restore checks before SQLite reads a page. */
export interface SqliteHeader {
  pageSize: number;
  /** Pages the header says the file holds, or null when the header's count is not current (written by an old SQLite). */
  pages: number | null;
}

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The header of `path`, or null when the file is no SQLite database at all. */
export function readHeader(path: string): SqliteHeader | null {
  const head = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || !head.subarray(0, 16).equals(MAGIC)) return null;
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  // A power of two from 512 to 65536, as SQLite itself requires.
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
  // The in-header size counts only when "version-valid-for" equals the change counter (SQLite ≥ 3.7.0).
  const valid = head.readUInt32BE(92) === head.readUInt32BE(24);
  const pages = head.readUInt32BE(28);
  return { pageSize, pages: valid && pages > 0 ? pages : null };
}
