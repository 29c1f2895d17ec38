import type { PlanItem } from '../../../shared/contract/plan';
import { safeFileName } from '../../../shared/domain/fileNames';
import { annualPlanDocx } from '../exporters/annualPlan';
import { localToday, type QueryCtx } from '../context';
import { refused } from '../errors';
import { handlers } from '../handler';
import { all, sql, value } from '../db/sql';
import { TOPIC, type Decision } from '../../../shared/domain/topicState';
import { readSettings } from './settings';

/** The decision at step 6 that decides a topic (定题). */
const FINAL_DECISION: Decision = '通过';

/** The decided topics of a year, by planned month then rank, with the date of the final decision. */
function planItems(ctx: QueryCtx, year: number): PlanItem[] {
  return all<PlanItem>(
    ctx.db,
    sql`SELECT t.id AS topicId, t.plan_month AS month,
              coalesce(nullif(t.narrowed_title, ''), t.title) AS title, t.meeting_form AS meetingForm,
              coalesce(lead.name, '') AS leadCommittee, coalesce(c.name, '') AS committee,
              (SELECT max(decided_on) FROM topic_event e WHERE e.topic_id = t.id AND e.decision = ${FINAL_DECISION} AND e.step = 6) AS decidedOn
         FROM topic t
         LEFT JOIN committee lead ON lead.id = t.lead_committee_id
         LEFT JOIN committee c ON c.id = t.committee_id
        WHERE t.year = ${year} AND t.status = ${TOPIC.decided}
        ORDER BY t.plan_month, coalesce(t.rank, 999), t.id`,
  );
}

export const planHandlers = handlers({
  'plan.get': ({ year }, ctx) => ({
    year,
    items: planItems(ctx, year),
    inProgress: value<number>(ctx.db, sql`SELECT count(*) FROM topic WHERE year = ${year} AND status = ${TOPIC.open}`)!,
  }),

  'plan.exportDocx': async ({ year }, ctx) => {
    // Read everything before the first await: one consistent snapshot of the data.
    const items = planItems(ctx, year);
    if (!items.length) throw refused(`${year} 年度还没有已定题的议题，没有可导出的协商计划`);
    const { orgName, office } = readSettings(ctx);
    const data = await annualPlanDocx({ orgName, office, year, items, date: localToday(ctx) });
    return {
      fileName: safeFileName(`${orgName}${year}年度协商计划`, '.docx'),
      dataBase64: data.toString('base64'),
      count: items.length,
    };
  },
});
