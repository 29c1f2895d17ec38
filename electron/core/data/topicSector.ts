import type { Ctx, QueryCtx } from '../context';
import { groupByOwner } from '../db/groupByOwner';
import { all, run, sql } from '../db/sql';

/** The topic_sector table's only writer: the sectors (界别) a topic concerns. */

/** Each topic's sector ids, in id order: one query for any number of topics. */
export function sectorsOfTopics(ctx: QueryCtx, topicIds: readonly number[]): Map<number, number[]> {
  const rows = all<{ owner: number; id: number }>(
    ctx.db,
    sql`SELECT topic_id AS owner, sector_id AS id FROM topic_sector
         WHERE topic_id IN (SELECT value FROM json_each(${JSON.stringify(topicIds)})) ORDER BY sector_id`,
  );
  return new Map([...groupByOwner<{ id: number }>(rows)].map(([owner, list]) => [owner, list.map((x) => x.id)]));
}

/** The topic's sectors become these (a repeated id counts once), replacing the earlier list. */
export function replaceSectors(ctx: Ctx, topicId: number, sectorIds: readonly number[]): void {
  run(ctx.db, sql`DELETE FROM topic_sector WHERE topic_id = ${topicId}`);
  for (const id of new Set(sectorIds))
    run(ctx.db, sql`INSERT INTO topic_sector (topic_id, sector_id) VALUES (${topicId}, ${id})`);
}
