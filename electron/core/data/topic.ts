import type { z } from 'zod';
import { Topic, type TopicDetail } from '../../../shared/contract/topics';
import { TOPIC, type TopicState } from '../../../shared/domain/topicState';
import type { TopicSource } from '../../../shared/domain/topics';
import type { Ctx, QueryCtx } from '../context';
import { groupByOwner } from '../db/groupByOwner';
import { rowMapper, type DbRow } from '../db/rows';
import { all, get, run, sql, type Sql } from '../db/sql';
import { notFound } from '../errors';
import { topicEvents } from './topicEvent';
import { sectorsOfTopics } from './topicSector';

/**
 * The topic aggregate's own rows (table topic): the only module that writes them. Its sectors
 * and its decision history have their modules beside this one (topicSector.ts, topicEvent.ts).
 */

/** A topic as its row holds it: the sectors and the topics merged into it are other rows. */
const StoredTopic = Topic.omit({ sectorIds: true, mergedFrom: true });
export type StoredTopic = z.output<typeof StoredTopic>;
const toStoredTopic = rowMapper(StoredTopic);

export const findTopic = (ctx: QueryCtx, id: number): StoredTopic | undefined => {
  const row = get<DbRow>(ctx.db, sql`SELECT * FROM topic WHERE id = ${id}`);
  return row && toStoredTopic(row);
};

export function requireTopic(ctx: QueryCtx, id: number): StoredTopic {
  const t = findTopic(ctx, id);
  if (!t) throw notFound('议题', id);
  return t;
}

/** The topics with their sectors and merged-in topics: two queries for any number of topics. */
export function withLinks(ctx: QueryCtx, topics: readonly StoredTopic[]): Topic[] {
  const ids = topics.map((t) => t.id);
  const sectorsOf = sectorsOfTopics(ctx, ids);
  const mergedOf = groupByOwner<{ id: number }>(
    all<{ owner: number; id: number }>(
      ctx.db,
      sql`SELECT merged_into AS owner, id FROM topic WHERE merged_into IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY id`,
    ),
  );
  return topics.map((t) => ({
    ...t,
    sectorIds: sectorsOf.get(t.id) ?? [],
    mergedFrom: (mergedOf.get(t.id) ?? []).map((x) => x.id),
  }));
}

export const topicWithLinks = (ctx: QueryCtx, t: StoredTopic): Topic => withLinks(ctx, [t])[0];

export function topicDetail(ctx: QueryCtx, id: number): TopicDetail {
  return { ...topicWithLinks(ctx, requireTopic(ctx, id)), events: topicEvents(ctx, id) };
}

export interface TopicFilter {
  year?: number;
  field?: string;
  source?: string;
  committeeId?: number;
  query?: string;
}

/** The topics the filter keeps, in the wizard's order: by step, then rank, then as received. */
export function listTopics(ctx: QueryCtx, f: TopicFilter): StoredTopic[] {
  const where: Sql[] = [];
  if (f.year) where.push(sql`year = ${f.year}`);
  if (f.field) where.push(sql`field = ${f.field}`);
  if (f.source) where.push(sql`source = ${f.source}`);
  if (f.committeeId) where.push(sql`(committee_id = ${f.committeeId} OR lead_committee_id = ${f.committeeId})`);
  if (f.query) where.push(sql`(instr(title, ${f.query}) > 0 OR instr(narrowed_title, ${f.query}) > 0)`);
  const clause = where.length ? sql`WHERE ${sql.join(where, ' AND ')}` : sql``;
  return all<DbRow>(ctx.db, sql`SELECT * FROM topic ${clause} ORDER BY step, coalesce(rank, 999), received_on, id`).map(
    toStoredTopic,
  );
}

/** A topic's plan year is the year it was received in, unless set otherwise. */
export const yearOf = (receivedOn: string) => Number(receivedOn.slice(0, 4));

export interface NewTopic {
  title: string;
  description?: string;
  source: TopicSource;
  submitter?: string;
  receivedOn: string;
  field?: string;
}

/** A new topic at step 1, 进行中, in the year it was received. */
export function addTopic(ctx: Ctx, t: NewTopic, at: string): number {
  return Number(
    run(
      ctx.db,
      sql`INSERT INTO topic (title, description, source, submitter, received_on, field, year, created_at, updated_at)
          VALUES (${t.title}, ${t.description ?? ''}, ${t.source}, ${t.submitter ?? ''}, ${t.receivedOn}, ${t.field ?? ''},
                  ${yearOf(t.receivedOn)}, ${at}, ${at})`,
    ).lastInsertRowid,
  );
}

export interface PlannedTopic {
  title: string;
  description: string;
  source: TopicSource;
  receivedOn: string;
  narrowedTitle: string;
  meetingForm: string;
  planMonth: number;
}

/** Bulk form for the archive generator: a topic already decided at step 6 (定题), with its plan. */
export const addDecidedTopic = (ctx: Ctx, t: PlannedTopic, at: string) =>
  Number(
    run(
      ctx.db,
      sql`INSERT INTO topic (title, description, source, received_on, year, status, step, narrowed_title, meeting_form, plan_month, created_at, updated_at)
          VALUES (${t.title}, ${t.description}, ${t.source}, ${t.receivedOn}, ${yearOf(t.receivedOn)}, ${TOPIC.decided}, 6,
                  ${t.narrowedTitle}, ${t.meetingForm}, ${t.planMonth}, ${at}, ${at})`,
    ).lastInsertRowid,
  );

/** The intake and the step forms, as the topic row holds them. */
export type TopicForm = Omit<StoredTopic, 'id' | 'step' | 'status' | 'mergedInto' | 'deferredTo' | 'updatedAt'>;

export function updateTopicForm(ctx: Ctx, id: number, f: TopicForm, at: string): void {
  run(
    ctx.db,
    sql`UPDATE topic SET title = ${f.title}, description = ${f.description}, source = ${f.source}, submitter = ${f.submitter},
               received_on = ${f.receivedOn}, field = ${f.field}, year = ${f.year}, committee_id = ${f.committeeId},
               narrowed_title = ${f.narrowedTitle}, rationale = ${f.rationale}, rank = ${f.rank}, plan_month = ${f.planMonth},
               meeting_form = ${f.meetingForm}, lead_committee_id = ${f.leadCommitteeId}, updated_at = ${at}
         WHERE id = ${id}`,
  );
}

/** The state the reducer derived from the history, kept on the row for lists and filters. */
export const writeTopicState = (ctx: Ctx, id: number, s: TopicState, at: string) =>
  run(
    ctx.db,
    sql`UPDATE topic SET step = ${s.step}, status = ${s.status}, merged_into = ${s.mergedInto ?? null},
               deferred_to = ${s.deferredTo ?? null}, updated_at = ${at}
         WHERE id = ${id}`,
  );

/** A deferred topic taken up again moves to the year it was deferred to. */
export const moveToYear = (ctx: Ctx, id: number, year: number) =>
  run(ctx.db, sql`UPDATE topic SET year = ${year} WHERE id = ${id}`);
