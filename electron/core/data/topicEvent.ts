import { TopicEventOut } from '../../../shared/contract/topics';
import type { TopicEvent } from '../../../shared/domain/topicState';
import type { Ctx, QueryCtx } from '../context';
import { rowMapper, type DbRow } from '../db/rows';
import { all, run, sql, value } from '../db/sql';

/**
 * A topic's decision history (table topic_event): the only module that writes it. The history is
 * append-only (SQLite's triggers refuse any rewrite); the topic row keeps the state derived from it.
 */

const toEventOut = rowMapper(TopicEventOut);

/** A topic's decisions in order, each with the title of the other topic of a merge. */
export const topicEvents = (ctx: QueryCtx, topicId: number): TopicEventOut[] =>
  all<DbRow>(
    ctx.db,
    sql`SELECT e.*, o.title AS other_topic_title FROM topic_event e LEFT JOIN topic o ON o.id = e.other_topic_id
         WHERE e.topic_id = ${topicId} ORDER BY e.seq`,
  ).map(toEventOut);

/** The date of the topic's last decision (null before the first): dates run forward. */
export const lastDecidedOn = (ctx: QueryCtx, topicId: number) =>
  value<string | null>(ctx.db, sql`SELECT max(decided_on) FROM topic_event WHERE topic_id = ${topicId}`) ?? null;

/** The number after the topic's last decision (1 for the first). */
export const nextSeq = (ctx: QueryCtx, topicId: number) =>
  value<number>(ctx.db, sql`SELECT coalesce(max(seq), 0) + 1 FROM topic_event WHERE topic_id = ${topicId}`) ?? 1;

/** Where and when a decision was taken: one sitting may decide many topics (a batch). */
export interface Sitting {
  decidedOn: string;
  body: string;
  note?: string;
  batch?: string;
  /** 补录: taken on paper, entered afterwards. */
  backfilled?: boolean;
}

/** Appends the decision at the end of the topic's history. */
export function appendTopicEvent(ctx: Ctx, topicId: number, event: TopicEvent, sitting: Sitting, at: string): void {
  run(
    ctx.db,
    sql`INSERT INTO topic_event (topic_id, seq, decision, step, to_step, other_topic_id, deferred_to, decided_on, body, note, batch, backfilled, created_at)
        VALUES (${topicId}, ${nextSeq(ctx, topicId)}, ${event.decision}, ${event.step}, ${event.toStep ?? null},
                ${event.otherTopicId ?? null}, ${event.deferredTo ?? null}, ${sitting.decidedOn}, ${sitting.body},
                ${sitting.note ?? ''}, ${sitting.batch ?? null}, ${sitting.backfilled ? 1 : 0}, ${at})`,
  );
}
