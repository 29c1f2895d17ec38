import type { Speech } from '../../../shared/contract/meetings';
import { ON_FLOOR, SPEECH, type SpeechState } from '../../../shared/domain/speechState';
import type { Ctx, QueryCtx } from '../context';
import { all, get, run, sql, value } from '../db/sql';

/**
 * The speech aggregate (tables speech, speech_interval, speech_answer): the only module that
 * writes them. Services compose these operations; the queue's order rules stay in shared/domain.
 */

export interface SpeechRow {
  id: number;
  meeting_id: number;
  person_id: number;
  kind: Speech['kind'];
  state: SpeechState;
  position: number;
}

const COLUMNS = sql.raw('id, meeting_id, person_id, kind, state, position');

export const findSpeech = (ctx: QueryCtx, id: number) =>
  get<SpeechRow>(ctx.db, sql`SELECT ${COLUMNS} FROM speech WHERE id = ${id}`);

/** A meeting's entries in queue order. */
export const orderedSpeeches = (ctx: QueryCtx, meetingId: number) =>
  all<SpeechRow>(ctx.db, sql`SELECT ${COLUMNS} FROM speech WHERE meeting_id = ${meetingId} ORDER BY position`);

/** When the entry first took the floor (null if it never did). */
export const firstStartedAt = (ctx: QueryCtx, speechId: number) =>
  value<string | null>(ctx.db, sql`SELECT min(started_at) FROM speech_interval WHERE speech_id = ${speechId}`) ?? null;

/** Every recorded run of a meeting's speeches, with the speaker's name (a run still open has no stop). */
export const meetingIntervals = (ctx: QueryCtx, meetingId: number) =>
  all<{ speechId: number; name: string; from: string; to: string | null }>(
    ctx.db,
    sql`SELECT s.id AS speechId, p.name, i.started_at AS "from", i.stopped_at AS "to"
          FROM speech_interval i JOIN speech s ON s.id = i.speech_id JOIN person p ON p.id = s.person_id
         WHERE s.meeting_id = ${meetingId} ORDER BY i.started_at`,
  );

/** How many entries a person has in a meeting's queue, withdrawn ones not counted. */
export const queuedCount = (ctx: QueryCtx, meetingId: number, personId: number) =>
  value<number>(
    ctx.db,
    sql`SELECT count(*) FROM speech WHERE meeting_id = ${meetingId} AND person_id = ${personId} AND state <> ${SPEECH.withdrawn}`,
  )!;

/** The position after the last entry of the meeting's queue. */
export const nextPosition = (ctx: QueryCtx, meetingId: number) =>
  (value<number | null>(ctx.db, sql`SELECT max(position) FROM speech WHERE meeting_id = ${meetingId}`) ?? 0) + 1;

export interface NewSpeech {
  meetingId: number;
  personId: number;
  kind: Speech['kind'];
  agendaItemId: number | null;
  limitSeconds: number;
  createdAt: string;
}

/** Appends an entry at the end of the queue, waiting. */
export function addSpeech(ctx: Ctx, s: NewSpeech): number {
  const position = nextPosition(ctx, s.meetingId);
  return Number(
    run(
      ctx.db,
      sql`INSERT INTO speech (meeting_id, person_id, kind, agenda_item_id, position, limit_seconds, created_at)
          VALUES (${s.meetingId}, ${s.personId}, ${s.kind}, ${s.agendaItemId}, ${position}, ${s.limitSeconds}, ${s.createdAt})`,
    ).lastInsertRowid,
  );
}

/** Writes positions 1..n in the given order, touching only the rows that moved. */
export function renumber(ctx: Ctx, rows: readonly SpeechRow[]): void {
  rows.forEach(
    (r, i) => r.position !== i + 1 && run(ctx.db, sql`UPDATE speech SET position = ${i + 1} WHERE id = ${r.id}`),
  );
}

export const setSpeechState = (ctx: Ctx, id: number, state: SpeechState) =>
  run(ctx.db, sql`UPDATE speech SET state = ${state} WHERE id = ${id}`);

/** The entry takes the floor (again): speaking, with a new interval from `at`. */
export function openFloor(ctx: Ctx, id: number, at: string): void {
  setSpeechState(ctx, id, SPEECH.speaking);
  run(ctx.db, sql`INSERT INTO speech_interval (speech_id, started_at) VALUES (${id}, ${at})`);
}

export const closeInterval = (ctx: Ctx, speechId: number, at: string) =>
  run(ctx.db, sql`UPDATE speech_interval SET stopped_at = ${at} WHERE speech_id = ${speechId} AND stopped_at IS NULL`);

/** The entry leaves the floor for good: its interval closes and it has spoken. */
export function endSpeech(ctx: Ctx, id: number, at: string): void {
  closeInterval(ctx, id, at);
  run(ctx.db, sql`UPDATE speech SET state = ${SPEECH.spoken}, ended_at = ${at} WHERE id = ${id}`);
}

/** Whoever holds a meeting's floor leaves it at `at` (the meeting stops running). */
export function closeFloor(ctx: Ctx, meetingId: number, at: string): void {
  run(
    ctx.db,
    sql`UPDATE speech_interval SET stopped_at = ${at}
         WHERE stopped_at IS NULL AND speech_id IN (SELECT id FROM speech WHERE meeting_id = ${meetingId})`,
  );
  run(
    ctx.db,
    sql`UPDATE speech SET state = ${SPEECH.spoken}, ended_at = ${at} WHERE meeting_id = ${meetingId} AND state IN ${ON_FLOOR}`,
  );
}

/** The entry waits again with no trace of speaking: no interval, no answers, no end. */
export function eraseSpeaking(ctx: Ctx, id: number): void {
  run(ctx.db, sql`DELETE FROM speech_interval WHERE speech_id = ${id}`);
  // A response that never happened answers nothing.
  run(ctx.db, sql`DELETE FROM speech_answer WHERE response_id = ${id}`);
  run(ctx.db, sql`UPDATE speech SET state = ${SPEECH.waiting}, ended_at = NULL WHERE id = ${id}`);
}

/** More time for the entry, up to two hours in all. */
export const extendLimit = (ctx: Ctx, id: number, seconds: number) =>
  run(ctx.db, sql`UPDATE speech SET limit_seconds = min(limit_seconds + ${seconds}, 7200) WHERE id = ${id}`);

/** The speeches a department response answers, replacing the earlier list. */
export function replaceAnswers(ctx: Ctx, responseId: number, speechIds: Iterable<number>): void {
  run(ctx.db, sql`DELETE FROM speech_answer WHERE response_id = ${responseId}`);
  for (const id of speechIds)
    run(ctx.db, sql`INSERT INTO speech_answer (response_id, speech_id) VALUES (${responseId}, ${id})`);
}

/** An agenda item goes away: its speeches stay, belonging to no item. */
export const detachAgendaItem = (ctx: Ctx, agendaItemId: number) =>
  run(ctx.db, sql`UPDATE speech SET agenda_item_id = NULL WHERE agenda_item_id = ${agendaItemId}`);

export interface HeldSpeech {
  personId: number;
  kind: Speech['kind'];
  limitSeconds: number;
  startedAt: string;
  stoppedAt: string;
}

/** Bulk form for the archive generator: speeches already held, appended in order with their one interval. */
export function addHeldSpeeches(ctx: Ctx, meetingId: number, speeches: readonly HeldSpeech[]): number[] {
  let position = nextPosition(ctx, meetingId);
  return speeches.map((s) => {
    const id = Number(
      run(
        ctx.db,
        sql`INSERT INTO speech (meeting_id, person_id, kind, position, state, limit_seconds, created_at, ended_at)
            VALUES (${meetingId}, ${s.personId}, ${s.kind}, ${position++}, ${SPEECH.spoken}, ${s.limitSeconds}, ${s.startedAt}, ${s.stoppedAt})`,
      ).lastInsertRowid,
    );
    run(
      ctx.db,
      sql`INSERT INTO speech_interval (speech_id, started_at, stopped_at) VALUES (${id}, ${s.startedAt}, ${s.stoppedAt})`,
    );
    return id;
  });
}

/** Recorded afterwards: the speech's intervals replaced by the given ones, spoken, ended at the last end. */
export function replaceIntervals(ctx: Ctx, id: number, intervals: readonly { start: string; end: string }[]): void {
  run(ctx.db, sql`DELETE FROM speech_interval WHERE speech_id = ${id}`);
  for (const i of intervals)
    run(
      ctx.db,
      sql`INSERT INTO speech_interval (speech_id, started_at, stopped_at) VALUES (${id}, ${i.start}, ${i.end})`,
    );
  const last = intervals[intervals.length - 1].end;
  run(ctx.db, sql`UPDATE speech SET state = ${SPEECH.spoken}, ended_at = ${last} WHERE id = ${id}`);
}
