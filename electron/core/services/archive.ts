import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, SearchHit } from '../../../shared/contract/archive';
import type { ParsedInput } from '../../../shared/contract';
import type { Ctx, QueryCtx } from '../context';
import { indexMinutes, staleMinutes } from '../data/searchIndex';
import { rowMapper, type DbRow } from '../db/rows';
import { all, sql, type Sql } from '../db/sql';
import { handlers } from '../handler';

const LIMIT = 50;
const EXCERPT_CHARS = 36;
// Constants of the code, written into the statement's text as before (one cached statement per shape).
const WINDOW_BEFORE = sql.raw(String(EXCERPT_CHARS / 2));
const WINDOW_CHARS = sql.raw(String(EXCERPT_CHARS * 2));
const LIMIT_PLUS_ONE = sql.raw(String(LIMIT + 1));

// Ending and archiving a meeting index its minutes through the same operation.

/**
 * Minutes saved since they were last indexed (meetings going on now): a handful, indexed before
 * searching. A write, so the router runs it in its own transaction ahead of the read-only search.
 */
export function catchUpMinutesIndex(ctx: Ctx): void {
  staleMinutes(ctx).forEach((id) => indexMinutes(ctx, id));
}

/** A phrase for FTS5: quoted, inner quotes doubled, so the user's text is never query syntax. */
const phrase = (term: string) => `"${term.replace(/"/g, '""')}"`;
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The passage around a match (cut from the text by SQLite, so a 60,000-character body is never read whole), terms marked. */
function excerptOf(r: DbRow, terms: readonly string[]): string {
  const { at, length } = r as { at: number; length: number };
  const window =
    at > 0
      ? `${at > EXCERPT_CHARS / 2 ? '…' : ''}${String(r.window)}${at + EXCERPT_CHARS * 2 < length ? '…' : ''}`
      : String(r.title);
  let out = window.replace(/\s+/g, ' ');
  for (const t of [...terms].sort((a, b) => b.length - a.length))
    out = out.split(t).join(`${HIGHLIGHT_OPEN}${t}${HIGHLIGHT_CLOSE}`);
  return out;
}

/** The filters beside the terms, each a condition on a column of the index. */
function filters(input: ParsedInput<'archive.search'>): Sql[] {
  const where: Sql[] = [];
  if (input.year !== undefined) where.push(sql`year = ${input.year}`);
  if (input.form) where.push(sql`form = ${input.form}`);
  if (input.status) where.push(sql`status = ${input.status}`);
  if (input.department) where.push(sql`department = ${input.department}`);
  if (input.kinds?.length) where.push(sql`kind IN ${input.kinds}`);
  return where;
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
  const where: Sql[] = [];
  if (long.length) where.push(sql`search_index MATCH ${long.map(phrase).join(' AND ')}`);
  for (const t of short)
    where.push(sql`(title LIKE ${likePattern(t)} ESCAPE '\\' OR body LIKE ${likePattern(t)} ESCAPE '\\')`);
  where.push(...filters(input));
  const first = [...terms].sort((a, b) => b.length - a.length)[0];
  // Newest first, and FTS5 can stop after the first matches instead of ranking every one.
  const rows = all<DbRow>(
    ctx.db,
    sql`SELECT kind, ref_id, meeting_id, title, instr(body, ${first}) AS at, length(body) AS length,
               substr(body, max(1, instr(body, ${first}) - ${WINDOW_BEFORE}), ${WINDOW_CHARS}) AS window,
               year, coalesce(form, '') AS form, coalesce(status, '') AS status, coalesce(department, '') AS department
          FROM search_index WHERE ${sql.join(where, ' AND ')} ORDER BY rowid DESC LIMIT ${LIMIT_PLUS_ONE}`,
  );
  const toHit = rowMapper(SearchHit, { excerpt: (r) => excerptOf(r, terms) });
  return {
    hits: rows.slice(0, LIMIT).map(toHit),
    total: rows.length > LIMIT ? LIMIT + 1 : rows.length,
    ms: Math.round((performance.now() - t0) * 10) / 10,
  };
}

export const archiveHandlers = handlers({
  'archive.search': { catchUp: catchUpMinutesIndex, read: (input, ctx) => searchArchive(ctx, input) },
});
