import type { Ctx, QueryCtx } from '../context';
import { all, get, run, sql } from '../db/sql';

/**
 * The minutes as a shared Yjs document (tables minutes_yjs_update and minutes_yjs_snapshot): the
 * only module that writes them. Every change any window made is one row, appended in its own
 * transaction; a snapshot folds the rows up to `upto_seq` into one state.
 */

export interface StoredDoc {
  snapshot: Uint8Array | null;
  /** The rows after the snapshot, oldest first. */
  updates: Uint8Array[];
  lastSeq: number;
}

export function loadDoc(ctx: QueryCtx, meetingId: number): StoredDoc {
  const snap = get<{ state: Buffer; upto_seq: number }>(
    ctx.db,
    sql`SELECT state, upto_seq FROM minutes_yjs_snapshot WHERE meeting_id = ${meetingId}`,
  );
  const rows = all<{ seq: number; data: Buffer }>(
    ctx.db,
    sql`SELECT seq, data FROM minutes_yjs_update WHERE meeting_id = ${meetingId} AND seq > ${snap?.upto_seq ?? 0} ORDER BY seq`,
  );
  return {
    snapshot: snap ? new Uint8Array(snap.state) : null,
    updates: rows.map((r) => new Uint8Array(r.data)),
    lastSeq: rows.length ? rows[rows.length - 1].seq : (snap?.upto_seq ?? 0),
  };
}

/** Appends one change; returns its sequence number. */
export const appendUpdate = (ctx: Ctx, meetingId: number, data: Uint8Array, at: string) =>
  Number(
    run(
      ctx.db,
      sql`INSERT INTO minutes_yjs_update (meeting_id, data, at) VALUES (${meetingId}, ${Buffer.from(data)}, ${at})`,
    ).lastInsertRowid,
  );

/** Replaces the rows up to `uptoSeq` by one state (which holds them all). */
export function writeSnapshot(ctx: Ctx, meetingId: number, state: Uint8Array, uptoSeq: number, at: string): void {
  run(
    ctx.db,
    sql`INSERT INTO minutes_yjs_snapshot (meeting_id, upto_seq, state, at) VALUES (${meetingId}, ${uptoSeq}, ${Buffer.from(state)}, ${at})
        ON CONFLICT (meeting_id) DO UPDATE SET upto_seq = excluded.upto_seq, state = excluded.state, at = excluded.at`,
  );
  run(ctx.db, sql`DELETE FROM minutes_yjs_update WHERE meeting_id = ${meetingId} AND seq <= ${uptoSeq}`);
}
