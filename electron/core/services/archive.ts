import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, type SearchHit } from '../../../shared/contract/archive';
import type { ParsedInput } from '../../../shared/contract';
import type { Ctx, QueryCtx } from '../context';
import { SEARCH_KIND_BASE } from '../db/searchIndex';
import { handlers } from '../handler';

const LIMIT = 50;
const EXCERPT_CHARS = 36;

/**
 * Puts a meeting's minutes into the search index as stored now (their plain-text projection).
 * Called when a meeting ends or is archived, and before a search for minutes still being typed.
 */
export function indexMinutes(ctx: Ctx, meetingId: number): void {
  const row = ctx.db
    .prepare(
      'SELECT mi.version, mi.plain, m.title, m.year, m.form, m.status FROM minutes mi JOIN meeting m ON m.id = mi.meeting_id WHERE mi.meeting_id = ?',
    )
    .get(meetingId) as
    { version: number; plain: string; title: string; year: number; form: string; status: string } | undefined;
  if (!row) return;
  const rowid = SEARCH_KIND_BASE.minutes + meetingId;
  ctx.db.prepare('DELETE FROM search_index WHERE rowid = ?').run(rowid);
  ctx.db
    .prepare(
      "INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department) VALUES (?, ?, ?, 'minutes', ?, ?, ?, ?, ?, '')",
    )
    .run(rowid, row.title, row.plain, meetingId, meetingId, row.year, row.form, row.status);
  ctx.db
    .prepare(
      'INSERT INTO search_minutes (meeting_id, version) VALUES (?, ?) ON CONFLICT (meeting_id) DO UPDATE SET version = excluded.version',
    )
    .run(meetingId, row.version);
}

/**
 * Minutes saved since they were last indexed (meetings going on now): a handful, indexed before
 * searching. A write, so the router runs it in its own transaction ahead of the read-only search.
 */
export function catchUpMinutesIndex(ctx: Ctx): void {
  const stale = ctx.db
    .prepare(
      'SELECT mi.meeting_id FROM minutes mi LEFT JOIN search_minutes s ON s.meeting_id = mi.meeting_id WHERE s.version IS NOT mi.version',
    )
    .pluck()
    .all() as number[];
  stale.forEach((id) => indexMinutes(ctx, id));
}

/** A phrase for FTS5: quoted, inner quotes doubled, so the user's text is never query syntax. */
const phrase = (term: string) => `"${term.replace(/"/g, '""')}"`;
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The passage around a match (cut from the text by SQLite, so a 60,000-character body is never read whole), terms marked. */
function excerptOf(r: Row, terms: readonly string[]): string {
  const window =
    r.at > 0
      ? `${r.at > EXCERPT_CHARS / 2 ? '…' : ''}${r.window}${r.at + EXCERPT_CHARS * 2 < r.length ? '…' : ''}`
      : r.title;
  let out = window.replace(/\s+/g, ' ');
  for (const t of [...terms].sort((a, b) => b.length - a.length))
    out = out.split(t).join(`${HIGHLIGHT_OPEN}${t}${HIGHLIGHT_CLOSE}`);
  return out;
}

interface Row {
  kind: SearchHit['kind'];
  ref_id: number;
  meeting_id: number | null;
  title: string;
  /** Where the first term starts in the body (1-based; 0 when only the title holds it), and the body's length. */
  at: number;
  length: number;
  window: string;
  year: number | null;
  form: string | null;
  status: string | null;
  department: string | null;
}

/**
 * Substring search in Chinese. Terms of three characters or more go to the trigram index
 * (MATCH); shorter ones are LIKE conditions on the same rows, so "厕" or "公厕" still find
 * every passage — by a scan when no longer term narrows it down first.
 */
export function searchArchive(
  ctx: QueryCtx,
  input: ParsedInput<'archive.search'>,
): { hits: SearchHit[]; total: number; ms: number } {
  const t0 = performance.now();
  const terms = [...new Set(input.q.split(/\s+/).filter(Boolean))];
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  const where: string[] = [];
  const args: unknown[] = [];
  if (long.length) {
    where.push('search_index MATCH ?');
    args.push(long.map(phrase).join(' AND '));
  }
  for (const t of short) {
    where.push("(title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')");
    args.push(likePattern(t), likePattern(t));
  }
  if (input.year !== undefined) where.push('year = ?') && args.push(input.year);
  if (input.form) where.push('form = ?') && args.push(input.form);
  if (input.status) where.push('status = ?') && args.push(input.status);
  if (input.department) where.push('department = ?') && args.push(input.department);
  if (input.kinds?.length)
    where.push(`kind IN (${input.kinds.map(() => '?').join(', ')})`) && args.push(...input.kinds);
  // Newest first, and FTS5 can stop after the first matches instead of ranking every one.
  const order = 'ORDER BY rowid DESC';
  const first = [...terms].sort((a, b) => b.length - a.length)[0];
  const sql = `SELECT kind, ref_id, meeting_id, title, instr(body, @first) AS at, length(body) AS length,
                      substr(body, max(1, instr(body, @first) - ${EXCERPT_CHARS / 2}), ${EXCERPT_CHARS * 2}) AS window,
                      year, form, status, department
                 FROM search_index WHERE ${where.join(' AND ')} ${order} LIMIT ${LIMIT + 1}`;
  const rows = ctx.db.prepare(sql).all(...args, { first }) as Row[];
  const hits = rows.slice(0, LIMIT).map((r): SearchHit => ({
    kind: r.kind,
    refId: r.ref_id,
    meetingId: r.meeting_id,
    title: r.title,
    excerpt: excerptOf(r, terms),
    year: r.year,
    form: r.form ?? '',
    status: r.status ?? '',
    department: r.department ?? '',
  }));
  return {
    hits,
    total: rows.length > LIMIT ? LIMIT + 1 : rows.length,
    ms: Math.round((performance.now() - t0) * 10) / 10,
  };
}

export const archiveHandlers = handlers({
  'archive.search': { catchUp: catchUpMinutesIndex, read: (input, ctx) => searchArchive(ctx, input) },
});
