import type { PlanItem } from '../../../shared/contract/plan';
import { safeFileName } from '../../../shared/domain/fileNames';
import { annualPlanDocx } from '../exporters/annualPlan';
import { localToday, type QueryCtx } from '../context';
import { refused } from '../errors';
import { handlers } from '../handler';
import { readSettings } from './settings';

/** The decided topics of a year, by planned month then rank, with the date of the final decision. */
function planItems(ctx: QueryCtx, year: number): PlanItem[] {
  return ctx.db
    .prepare(
      `SELECT t.id AS topicId, t.plan_month AS month,
              coalesce(nullif(t.narrowed_title, ''), t.title) AS title, t.meeting_form AS meetingForm,
              coalesce(lead.name, '') AS leadCommittee, coalesce(c.name, '') AS committee,
              (SELECT max(decided_on) FROM topic_event e WHERE e.topic_id = t.id AND e.decision = '通过' AND e.step = 6) AS decidedOn
         FROM topic t
         LEFT JOIN committee lead ON lead.id = t.lead_committee_id
         LEFT JOIN committee c ON c.id = t.committee_id
        WHERE t.year = ? AND t.status = '已定题'
        ORDER BY t.plan_month, coalesce(t.rank, 999), t.id`,
    )
    .all(year) as PlanItem[];
}

export const planHandlers = handlers({
  'plan.get': ({ year }, ctx) => ({
    year,
    items: planItems(ctx, year),
    inProgress: ctx.db
      .prepare("SELECT count(*) FROM topic WHERE year = ? AND status = '进行中'")
      .pluck()
      .get(year) as number,
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
