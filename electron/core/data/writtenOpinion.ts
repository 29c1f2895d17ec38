import type { Ctx, QueryCtx } from '../context';
import { all, run, sql, value } from '../db/sql';

/** The written_opinion table's only writer: 书面意见 from the room's phones, as they were handed in. */

export interface WrittenOpinionRow {
  id: number;
  participantId: number;
  name: string;
  text: string;
  markId: string;
  createdAt: string;
}

export const insertOpinion = (
  ctx: Ctx,
  o: { meetingId: number; participantId: number; deviceId: number; text: string; markId: string; at: string },
) =>
  run(
    ctx.db,
    sql`INSERT INTO written_opinion (meeting_id, participant_id, device_id, text, mark_id, created_at)
        VALUES (${o.meetingId}, ${o.participantId}, ${o.deviceId}, ${o.text}, ${o.markId}, ${o.at})`,
  );

/** The marks that carry written opinions: they belong to their author, not to the speech above them. */
export const opinionMarkIds = (ctx: QueryCtx, meetingId: number) =>
  new Set(
    all<{ id: string }>(ctx.db, sql`SELECT mark_id AS id FROM written_opinion WHERE meeting_id = ${meetingId}`).map(
      (r) => r.id,
    ),
  );

export const opinionsOf = (ctx: QueryCtx, meetingId: number) =>
  all<WrittenOpinionRow>(
    ctx.db,
    sql`SELECT o.id, o.participant_id AS participantId, p.name, o.text, o.mark_id AS markId, o.created_at AS createdAt
          FROM written_opinion o JOIN participant pa ON pa.id = o.participant_id JOIN person p ON p.id = pa.person_id
         WHERE o.meeting_id = ${meetingId} ORDER BY o.id`,
  );

/** How many opinions a participant handed in, in all or since a moment (a phone's rate). */
export const opinionCount = (ctx: QueryCtx, participantId: number, sinceIso = '') =>
  value<number>(
    ctx.db,
    sql`SELECT count(*) FROM written_opinion WHERE participant_id = ${participantId} AND created_at >= ${sinceIso}`,
  ) ?? 0;
