import type { RevisionReason } from '../../../shared/contract/minutes';
import { isoNow, type Ctx } from '../context';

/** Snapshots a meeting's stored minutes as a revision (nothing to do before the first save). */
export function snapshotMinutes(ctx: Ctx, meetingId: number, reason: RevisionReason): void {
  ctx.db
    .prepare(
      `INSERT INTO minutes_revision (meeting_id, version, reason, doc, plain, chars, created_at)
       SELECT meeting_id, version, ?, doc, plain, chars, ? FROM minutes WHERE meeting_id = ?`,
    )
    .run(reason, isoNow(ctx), meetingId);
}
