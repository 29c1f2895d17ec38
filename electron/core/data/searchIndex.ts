import type { SearchHit } from '../../../shared/contract/archive';
import type { Ctx, QueryCtx } from '../context';
import { SEARCH_KIND_BASE } from '../db/searchIndex';
import { column, get, run, sql } from '../db/sql';

/**
 * The only writer of the search index (search_index) and of its bookkeeping of indexed minutes
 * (search_minutes). Topics, meetings and resolutions are indexed by the schema's triggers;
 * minutes are indexed here, from their stored plain-text projection.
 */

const MINUTES: SearchHit['kind'] = 'minutes';

/** Puts a meeting's minutes into the search index as stored now; nothing when it has none. */
export function indexMinutes(ctx: Ctx, meetingId: number): void {
  const row = get<{ version: number; plain: string; title: string; year: number; form: string; status: string }>(
    ctx.db,
    sql`SELECT mi.version, mi.plain, m.title, m.year, m.form, m.status
          FROM minutes mi JOIN meeting m ON m.id = mi.meeting_id WHERE mi.meeting_id = ${meetingId}`,
  );
  if (!row) return;
  const rowid = SEARCH_KIND_BASE.minutes + meetingId;
  run(ctx.db, sql`DELETE FROM search_index WHERE rowid = ${rowid}`);
  run(
    ctx.db,
    sql`INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
        VALUES (${rowid}, ${row.title}, ${row.plain}, ${MINUTES}, ${meetingId}, ${meetingId}, ${row.year}, ${row.form}, ${row.status}, '')`,
  );
  run(
    ctx.db,
    sql`INSERT INTO search_minutes (meeting_id, version) VALUES (${meetingId}, ${row.version})
        ON CONFLICT (meeting_id) DO UPDATE SET version = excluded.version`,
  );
}

/** Meetings whose minutes were saved since they were last indexed (compared in the version index only). */
export const staleMinutes = (ctx: QueryCtx) =>
  column<number>(
    ctx.db,
    sql`SELECT mi.meeting_id FROM minutes mi LEFT JOIN search_minutes s ON s.meeting_id = mi.meeting_id
         WHERE s.version IS NOT mi.version`,
  );
