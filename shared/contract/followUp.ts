import { z } from 'zod';
import { mutation, query } from './define';
import { choice, id, isoDate, text } from './fields';
import { evaluations, followUpActions, followUpStates, replyClasses } from '../domain/followUp';

export const FollowUpItem = z.object({
  resolutionId: z.number(),
  meetingId: z.number(),
  meetingTitle: z.string(),
  form: z.string(),
  issueNo: z.number(),
  year: z.number(),
  position: z.number(),
  text: z.string(),
  leadDepartmentId: z.number().nullable(),
  leadDepartment: z.string(),
  deadline: z.string().nullable(),
  state: z.enum(followUpStates),
  sentOn: z.string().nullable(),
  repliedOn: z.string().nullable(),
  replyText: z.string(),
  replyClass: z.enum(replyClasses).nullable(),
  evaluation: z.enum(evaluations).nullable(),
  urged: z.number(),
  reportedOn: z.string().nullable(),
  overdue: z.boolean(),
  /** What can be done next. */
  possible: z.array(z.enum(followUpActions)),
});
export type FollowUpItem = z.infer<typeof FollowUpItem>;

export const FollowUpBoard = z.object({
  /** Overdue first, then by deadline. */
  items: z.array(FollowUpItem),
  byState: z.record(z.string(), z.number()),
  byDepartment: z.array(z.object({ department: z.string(), total: z.number(), open: z.number(), overdue: z.number() })),
  today: z.string(),
});
export type FollowUpBoard = z.infer<typeof FollowUpBoard>;

export const FollowUpStep = z.object({
  action: z.enum(followUpActions),
  date: z.string(),
  by: z.string(),
  note: z.string(),
  replyText: z.string().nullable(),
  replyClass: z.enum(replyClasses).nullable(),
  evaluation: z.enum(evaluations).nullable(),
  createdAt: z.string(),
});
export type FollowUpStep = z.infer<typeof FollowUpStep>;

const year = z.number().int().min(2000).max(2100).describe('年度');

export const followUpCalls = {
  'followup.list': query({
    summary: '督办台账：已确认的协商意见及其办理状态，逾期的在前；按状态和主办单位统计',
    input: z.strictObject({
      year: year.optional(),
      departmentId: id('主办单位').optional(),
      state: choice('办理状态', followUpStates).optional(),
      overdueOnly: z.boolean().optional(),
    }),
    output: FollowUpBoard,
    // Each row shows its meeting's title, form and issue number.
    topics: ['followup', 'resolutions', 'directory', 'meetings'],
    example: { year: 2026 },
  }),
  'followup.history': query({
    summary: '一条协商意见的全部督办记录',
    input: z.strictObject({ resolutionId: id('协商意见') }),
    output: z.array(FollowUpStep),
    // A removed resolution has no history any more (not found).
    topics: ['followup', 'resolutions'],
    example: { resolutionId: 1 },
  }),
  'followup.act': mutation({
    summary: '办理一步：交办、受理、答复（内容与类别）、评价（不满意即督办）、办结、向群众反馈',
    input: z.strictObject({
      resolutionId: id('协商意见'),
      action: choice('办理环节', followUpActions),
      date: isoDate('日期'),
      by: text('经办人或单位', { max: 60 }),
      note: text('说明', { max: 2000, optional: true, multiline: true }),
      replyText: text('答复内容', { max: 4000, optional: true, multiline: true }).optional(),
      replyClass: choice('答复类别', replyClasses).optional(),
      evaluation: choice('评价', evaluations).optional(),
    }),
    output: FollowUpItem,
    topics: ['followup', 'resolutions'],
    example: { resolutionId: 1, action: '交办', date: '2026-06-01', by: '政协办公厅', note: '' },
  }),
};
