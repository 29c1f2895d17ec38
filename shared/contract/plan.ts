import { z } from 'zod';
import { query } from './define';

const year = z.number().int().min(2000).max(2100).describe('年度');

export const PlanItem = z.object({
  topicId: z.number(),
  month: z.number(),
  /** The narrowed title (小切口) when there is one, else the title as received. */
  title: z.string(),
  meetingForm: z.string(),
  leadCommittee: z.string(),
  committee: z.string(),
  decidedOn: z.string(),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const planCalls = {
  'plan.get': query({
    summary: '年度协商计划：该年度已定题的议题，按计划月份排列',
    input: z.strictObject({ year }),
    output: z.object({ year: z.number(), items: z.array(PlanItem), inProgress: z.number() }),
    topics: ['topics', 'directory'],
    example: { year: 2026 },
  }),
  'plan.exportDocx': query({
    summary: '导出年度协商计划（Word 文档，GB/T 9704 版式）',
    input: z.strictObject({ year }),
    output: z.object({ fileName: z.string(), dataBase64: z.string(), count: z.number() }),
    topics: ['topics', 'directory', 'settings'],
    example: { year: 2026 },
  }),
};
