import type { RevisionReason, Revision } from '../../../shared/contract/minutes';
import type { Ctx, QueryCtx } from '../context';
import { all, get, run, sql, value } from '../db/sql';

/**
 * A meeting's minutes (tables minutes and minutes_revision): the only module that writes them.
 * One row per meeting holds the core's projection of the shared document (minutesSync), which
 * search, marks and the exporters read; revisions are snapshots of that row.
 */

export interface MinutesRow {
  meeting_id: number;
  doc: string;
  chars: number;
  version: number;
  saved_at: string;
  session: string;
  clean: number;
}

export const findMinutes = (ctx: QueryCtx, meetingId: number) =>
  get<MinutesRow>(
    ctx.db,
    sql`SELECT meeting_id, doc, chars, version, saved_at, session, clean FROM minutes WHERE meeting_id = ${meetingId}`,
  );

/** The stored version, 0 before the first save. */
export const minutesVersion = (ctx: QueryCtx, meetingId: number) =>
  value<number>(ctx.db, sql`SELECT version FROM minutes WHERE meeting_id = ${meetingId}`) ?? 0;

export interface MinutesContent {
  doc: string;
  plain: string;
  chars: number;
  version: number;
  savedAt: string;
  /** The core's run that wrote it; `clean` is always true since the projection replaced the window's save (the old crash notice read both). */
  session: string;
  clean: boolean;
}

/** Writes the meeting's one minutes row, first save or not. */
export function saveMinutes(ctx: Ctx, meetingId: number, m: MinutesContent): void {
  run(
    ctx.db,
    sql`INSERT INTO minutes (meeting_id, doc, plain, chars, version, saved_at, session, clean)
        VALUES (${meetingId}, ${m.doc}, ${m.plain}, ${m.chars}, ${m.version}, ${m.savedAt}, ${m.session}, ${m.clean ? 1 : 0})
        ON CONFLICT (meeting_id) DO UPDATE SET doc = excluded.doc, plain = excluded.plain, chars = excluded.chars,
          version = excluded.version, saved_at = excluded.saved_at, session = excluded.session, clean = excluded.clean`,
  );
}

/** When the last revision was kept (null if none was). */
export const lastRevisionAt = (ctx: QueryCtx, meetingId: number) =>
  value<string | null>(ctx.db, sql`SELECT max(created_at) FROM minutes_revision WHERE meeting_id = ${meetingId}`) ??
  null;

/** Keeps the stored minutes as a revision (nothing to do before the first save). */
export function addRevision(ctx: Ctx, meetingId: number, reason: RevisionReason, at: string): void {
  run(
    ctx.db,
    sql`INSERT INTO minutes_revision (meeting_id, version, reason, doc, plain, chars, created_at)
        SELECT meeting_id, version, ${reason}, doc, plain, chars, ${at} FROM minutes WHERE meeting_id = ${meetingId}`,
  );
}

/** Newest first, each with the start of its text (the caller trims it into a preview). */
export const listRevisions = (ctx: QueryCtx, meetingId: number) =>
  all<Revision>(
    ctx.db,
    sql`SELECT id, version, reason, created_at AS createdAt, chars, substr(plain, 1, 160) AS preview
          FROM minutes_revision WHERE meeting_id = ${meetingId} ORDER BY id DESC`,
  );

export const findRevision = (ctx: QueryCtx, id: number) =>
  get<{ meeting_id: number; doc: string }>(ctx.db, sql`SELECT meeting_id, doc FROM minutes_revision WHERE id = ${id}`);
