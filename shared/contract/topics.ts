import { z } from 'zod';
import { mutation, query } from './define';
import { choice, id, isoDate, text } from './fields';
import { meetingForms, topicSources } from '../domain/topics';
import { decisions, userDecisions } from '../domain/topicState';

const stepNo = z.number().int().min(1).max(6);
const year = (label: string) => z.number().int().min(2000).max(2100).describe(label);

export const TopicEventOut = z.object({
  seq: z.number(),
  decision: z.enum(decisions),
  step: stepNo,
  toStep: stepNo.nullable(),
  otherTopicId: z.number().nullable(),
  otherTopicTitle: z.string().nullable(),
  deferredTo: z.number().nullable(),
  decidedOn: z.string(),
  body: z.string(),
  note: z.string(),
  batch: z.string().nullable(),
  /** 补录: taken on paper and entered afterwards (topic.backfill). */
  backfilled: z.boolean(),
  createdAt: z.string(),
});
export type TopicEventOut = z.infer<typeof TopicEventOut>;

export const Topic = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  source: z.enum(topicSources),
  submitter: z.string(),
  receivedOn: z.string(),
  field: z.string(),
  year: z.number(),
  sectorIds: z.array(z.number()),
  committeeId: z.number().nullable(),
  narrowedTitle: z.string(),
  rationale: z.string(),
  rank: z.number().nullable(),
  planMonth: z.number().nullable(),
  meetingForm: z.string(),
  leadCommitteeId: z.number().nullable(),
  step: stepNo,
  status: z.enum(['进行中', '已定题', '不予采纳', '已合并', '暂缓']),
  mergedInto: z.number().nullable(),
  mergedFrom: z.array(z.number()),
  deferredTo: z.number().nullable(),
  updatedAt: z.string(),
});
export type Topic = z.infer<typeof Topic>;

export const TopicDetail = Topic.extend({ events: z.array(TopicEventOut) });
export type TopicDetail = z.infer<typeof TopicDetail>;

const intake = {
  title: text('议题标题', { max: 80 }),
  description: text('问题描述', { max: 4000, optional: true, multiline: true }).optional(),
  source: choice('来源渠道', topicSources),
  submitter: text('提出人', { max: 60, optional: true }).optional(),
  receivedOn: isoDate('收到日期'),
  field: text('领域', { max: 20, optional: true }).optional(),
  sectorIds: z.array(id('相关界别')).max(40).describe('相关界别').optional(),
};

/** The decision fields shared by one topic and a batch: the sitting, its date and the note. */
const sitting = {
  decidedOn: isoDate('决定日期'),
  body: text('决定机构或人', { max: 60 }),
  note: text('说明', { max: 2000, optional: true, multiline: true }).optional(),
};

/** Each step's form (steps 2, 3 and 6): topic.update edits them, a backfilled decision carries its own. */
const stepForms = {
  committeeId: id('承办专委会').nullable().optional(),
  narrowedTitle: text('拟定题目', { max: 80, optional: true }).optional(),
  rationale: text('拟题理由', { max: 4000, optional: true, multiline: true }).optional(),
  rank: z.number().int().min(1).max(999).describe('排序').nullable().optional(),
  planMonth: z.number().int().min(1).max(12).describe('计划月份').nullable().optional(),
  meetingForm: choice('协商形式', meetingForms).optional(),
  leadCommitteeId: id('牵头专委会').nullable().optional(),
};

/** One decision taken on paper (补录): the step passed, its sitting, and that step's form. */
const backfilledDecision = z.strictObject({ step: stepNo.describe('步骤'), ...sitting, ...stepForms });

export const topicCalls = {
  'topic.create': mutation({
    summary: '社会征题：登记一个新议题',
    input: z.strictObject(intake),
    output: TopicDetail,
    topics: ['topics'],
    example: {
      title: '中央大街景区公厕不足',
      source: '微言要议',
      receivedOn: '2026-02-10',
      description: '节假日游客如厕难',
      field: '城市管理',
    },
  }),
  'topic.createMany': mutation({
    summary: '批量登记：粘贴的每一行成为一个议题',
    input: z.strictObject({
      lines: text('议题列表', { max: 20000, multiline: true }),
      source: choice('来源渠道', topicSources),
      receivedOn: isoDate('收到日期'),
      submitter: text('提出人', { max: 60, optional: true }).optional(),
      field: text('领域', { max: 20, optional: true }).optional(),
    }),
    output: z.array(Topic),
    topics: ['topics'],
    example: { lines: '老旧小区加装电梯\n冬季人行道积雪清理', source: '热线', receivedOn: '2026-03-01' },
  }),
  'topic.backfill': mutation({
    summary: '补录已定题议题：登记议题，并按顺序录入纸面上已通过的各步决定（自第 1 步起，不可跳步）',
    input: z.strictObject({
      ...intake,
      decisions: z.array(backfilledDecision).min(1).max(6).describe('已作出的决定'),
    }),
    output: TopicDetail,
    topics: ['topics'],
    example: {
      title: '松花江沿岸冬季步道照明',
      source: '委员',
      receivedOn: '2026-01-08',
      decisions: [
        { step: 1, decidedOn: '2026-01-15', body: '市政协办公室' },
        {
          step: 2,
          decidedOn: '2026-01-22',
          body: '社会和法制委员会',
          committeeId: 1,
          narrowedTitle: '江畔步道夜间照明',
        },
      ],
    },
  }),
  'topic.update': mutation({
    summary: '修改议题的登记信息和各步表单（专委会、拟题、理由、排序、计划月份、形式、牵头专委会）',
    input: z.strictObject({
      id: id('议题编号'),
      title: intake.title.optional(),
      description: intake.description,
      source: intake.source.optional(),
      submitter: intake.submitter,
      receivedOn: intake.receivedOn.optional(),
      /** The plan year; follows the date received unless set (a topic received in December for next year's plan). */
      year: year('年度').optional(),
      field: intake.field,
      sectorIds: intake.sectorIds,
      ...stepForms,
    }),
    output: TopicDetail,
    topics: ['topics'],
    example: { id: 1, narrowedTitle: '景区公厕布局与指引', rank: 3 },
  }),
  'topic.get': query({
    summary: '读取一个议题及其全部决定记录',
    input: z.strictObject({ id: id('议题编号') }),
    output: TopicDetail,
    topics: ['topics', 'directory'],
    example: { id: 1 },
  }),
  'topic.list': query({
    summary: '议题列表（看板），可按年度、领域、来源、专委会、状态和标题筛选',
    input: z.strictObject({
      year: year('年度').optional(),
      field: text('领域', { max: 20, optional: true }).optional(),
      source: choice('来源渠道', topicSources).optional(),
      committeeId: id('专委会').optional(),
      query: text('标题关键词', { max: 40, optional: true }).optional(),
    }),
    output: z.array(Topic),
    topics: ['topics'],
    example: { year: 2026 },
  }),
  'topic.decide': mutation({
    summary: '在当前步骤作出决定：通过、退回、不予采纳、合并、暂缓或重新启用',
    input: z.strictObject({
      topicId: id('议题编号'),
      decision: choice('决定', userDecisions),
      step: stepNo.describe('步骤'),
      toStep: stepNo.describe('退回到的步骤').optional(),
      otherTopicId: id('并入的议题').optional(),
      deferredTo: year('暂缓到的年份').optional(),
      ...sitting,
    }),
    output: TopicDetail,
    topics: ['topics'],
    example: {
      topicId: 1,
      decision: '通过',
      step: 1,
      decidedOn: '2026-02-20',
      body: '社会和法制委员会',
      note: '群众反映集中',
    },
  }),
  'topic.decideBatch': mutation({
    summary: '同一次会议对多个议题作出同一决定（第 4—6 步）；任何一个不可行则全部不作改动',
    input: z.strictObject({
      topicIds: z.array(id('议题编号')).min(1).max(200).describe('议题'),
      decision: choice('决定', ['通过', '不予采纳', '暂缓'] as const),
      step: stepNo.describe('步骤'),
      deferredTo: year('暂缓到的年份').optional(),
      ...sitting,
    }),
    output: z.array(Topic),
    topics: ['topics'],
    example: { topicIds: [1], decision: '通过', step: 4, decidedOn: '2026-03-20', body: '主席会议' },
  }),
};
