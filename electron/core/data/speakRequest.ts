import type { Ctx, QueryCtx } from '../context';
import { AFFILIATION_SQL } from './participant';
import { all, get, run, sql, value } from '../db/sql';

/** The speak_request table's only writer: 申请发言 from the room's phones, until accepted or declined. */

export type SpeakRequestState = '待处理' | '已接受' | '已谢绝';

export interface SpeakRequestRow {
  id: number;
  meetingId: number;
  participantId: number;
  personId: number;
  name: string;
  affiliation: string;
  kind: string;
  subject: string;
  state: SpeakRequestState;
  createdAt: string;
  decidedAt: string | null;
  speechId: number | null;
}

const SELECT = sql.raw(
  `SELECT r.id, r.meeting_id AS meetingId, r.participant_id AS participantId, pa.person_id AS personId, p.name,
          ${AFFILIATION_SQL.text} AS affiliation, r.kind, r.subject, r.state, r.created_at AS createdAt,
          r.decided_at AS decidedAt, r.speech_id AS speechId
     FROM speak_request r JOIN participant pa ON pa.id = r.participant_id JOIN person p ON p.id = pa.person_id`,
);

export const insertSpeakRequest = (
  ctx: Ctx,
  r: { meetingId: number; participantId: number; deviceId: number; kind: string; subject: string; at: string },
) =>
  Number(
    run(
      ctx.db,
      sql`INSERT INTO speak_request (meeting_id, participant_id, device_id, kind, subject, created_at)
          VALUES (${r.meetingId}, ${r.participantId}, ${r.deviceId}, ${r.kind}, ${r.subject}, ${r.at})`,
    ).lastInsertRowid,
  );

export const findSpeakRequest = (ctx: QueryCtx, id: number) =>
  get<SpeakRequestRow>(ctx.db, sql`${SELECT} WHERE r.id = ${id}`);

/** The meeting's requests: those waiting first (oldest first), then the decided ones, latest first. */
export const speakRequestsOf = (ctx: QueryCtx, meetingId: number) =>
  all<SpeakRequestRow>(
    ctx.db,
    sql`${SELECT} WHERE r.meeting_id = ${meetingId}
        ORDER BY r.state <> '待处理', CASE WHEN r.state = '待处理' THEN r.id ELSE -r.id END LIMIT 300`,
  );

/** How many requests this participant has waiting. */
export const pendingRequestsOf = (ctx: QueryCtx, participantId: number) =>
  value<number>(
    ctx.db,
    sql`SELECT count(*) FROM speak_request WHERE participant_id = ${participantId} AND state = '待处理'`,
  ) ?? 0;

export const decideSpeakRequest = (
  ctx: Ctx,
  id: number,
  state: Exclude<SpeakRequestState, '待处理'>,
  at: string,
  speechId: number | null,
) =>
  run(
    ctx.db,
    sql`UPDATE speak_request SET state = ${state}, decided_at = ${at}, speech_id = ${speechId} WHERE id = ${id}`,
  );
