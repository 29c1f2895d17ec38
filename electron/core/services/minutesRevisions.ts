import type { RevisionReason } from '../../../shared/contract/minutes';
import { isoNow, type Ctx } from '../context';
import { addRevision } from '../data/minutes';

/** Snapshots a meeting's stored minutes as a revision (nothing to do before the first save). */
export const snapshotMinutes = (ctx: Ctx, meetingId: number, reason: RevisionReason) =>
  addRevision(ctx, meetingId, reason, isoNow(ctx));
