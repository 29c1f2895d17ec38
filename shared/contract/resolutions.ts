import { z } from 'zod';
import { mutation, query } from './define';
import { choice, id, isoDate, text } from './fields';
import { Mark } from './minutes';

export const Resolution = z.object({
  id: z.number(),
  position: z.number(),
  text: z.string(),
  leadDepartmentId: z.number().nullable(),
  leadDepartment: z.string(),
  coDepartmentIds: z.array(z.number()),
  coDepartments: z.array(z.string()),
  /** 办理时限, ISO date. */
  deadline: z.string().nullable(),
  /** The marks it came from (建议, 回应/承诺, 共识) that are in the minutes now. */
  markIds: z.array(z.string()),
  /** Speeches linked directly (what the form edits). */
  directSpeechIds: z.array(z.number()),
  /** Every speech it came from: those of its marks and those linked directly. */
  speechIds: z.array(z.number()),
  speakers: z.array(z.string()),
});
export type Resolution = z.infer<typeof Resolution>;

export const ResolutionList = z.object({
  meetingId: z.number(),
  items: z.array(Resolution),
  /** The chair's confirmation; any change to the list withdraws it. */
  confirmed: z.object({ at: z.string(), by: z.string() }).nullable(),
  /** A confirmation a later change withdrew: who confirmed when, and what differs since, item by item. */
  changedSince: z
    .object({
      at: z.string(),
      by: z.string(),
      changes: z.array(z.object({ position: z.number(), before: z.string().nullable(), after: z.string().nullable() })),
    })
    .nullable(),
  /** Suggestions and commitments marked in the minutes that no resolution has taken up. */
  untaken: z.array(Mark),
});
export type ResolutionList = z.infer<typeof ResolutionList>;

const resolutionFields = {
  text: text('协商意见', { max: 2000, multiline: true }),
  leadDepartmentId: id('主办单位').nullable(),
  coDepartmentIds: z.array(id('协办单位')).max(20).describe('协办单位'),
  deadline: isoDate('办理时限').nullable(),
  markIds: z.array(z.string().max(60).describe('标记')).max(50).describe('来源标记'),
  /** Speeches linked directly; those of the marks come with the marks. */
  speechIds: z.array(id('发言')).max(100).describe('来源发言'),
};

const out = { output: ResolutionList, topics: ['resolutions'] as const };

export const resolutionCalls = {
  'resolution.list': query({
    summary: '会议的协商意见（议定事项），按顺序；含确认情况和未采纳的建议',
    input: z.strictObject({ meetingId: id('会议编号') }),
    output: ResolutionList,
    // The speakers behind each resolution are read from the meeting's speeches; untaken written opinions name their authors.
    topics: ['resolutions', 'minutes', 'directory', 'queue', 'meetings', 'lan'],
    example: { meetingId: 1 },
  }),
  'resolution.create': mutation({
    summary: '新增一条协商意见',
    input: z.strictObject({ meetingId: id('会议编号'), ...resolutionFields }),
    ...out,
    example: {
      meetingId: 1,
      text: '完善中央大街景区公厕指引标识。',
      leadDepartmentId: 1,
      coDepartmentIds: [2],
      deadline: '2026-09-30',
      markIds: [],
      speechIds: [1],
    },
  }),
  'resolution.fromMark': mutation({
    summary: '把会议记录中标记的建议或承诺转为协商意见（一步完成）',
    input: z.strictObject({ markId: z.string().min(1).max(60).describe('标记') }),
    ...out,
    example: { markId: 'jy-00000000-0000' },
  }),
  'resolution.update': mutation({
    summary: '修改协商意见：只改传来的字段，其余不变',
    input: z.strictObject({
      id: id('协商意见'),
      text: resolutionFields.text.optional(),
      leadDepartmentId: resolutionFields.leadDepartmentId.optional(),
      coDepartmentIds: resolutionFields.coDepartmentIds.optional(),
      deadline: resolutionFields.deadline.optional(),
      markIds: resolutionFields.markIds.optional(),
      speechIds: resolutionFields.speechIds.optional(),
    }),
    ...out,
    example: {
      id: 1,
      text: '完善公厕指引标识，并在导航软件中标注。',
      leadDepartmentId: 1,
      coDepartmentIds: [],
      deadline: '2026-09-30',
      markIds: [],
      speechIds: [],
    },
  }),
  'resolution.move': mutation({
    summary: '调整协商意见的顺序',
    input: z.strictObject({ id: id('协商意见'), toIndex: z.number().int().min(0).max(999).describe('新位置') }),
    ...out,
    example: { id: 1, toIndex: 0 },
  }),
  'resolution.remove': mutation({
    summary: '删除一条协商意见（来源标记回到未采纳的建议）',
    input: z.strictObject({ id: id('协商意见') }),
    ...out,
    example: { id: 1 },
  }),
  'resolution.confirm': mutation({
    summary: '主持人确认协商意见（导出会议纪要前须确认）',
    input: z.strictObject({ meetingId: id('会议编号'), by: text('确认人', { max: 30 }) }),
    ...out,
    example: { meetingId: 1, by: '王振华' },
  }),
};

export const documentKinds = ['会议纪要', '会议记录', '协商意见办理清单'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const recordVersions = ['工作版', '存档版'] as const;
export type RecordVersion = (typeof recordVersions)[number];

export const MeetingSummary = z.object({
  meetingId: z.number(),
  /** The 纪要's narrative, paragraphs separated by a line break: the secretary's, or the draft. */
  body: z.string(),
  /** False while it is the draft (from the consensus marks, the chair's summary and the resolutions). */
  edited: z.boolean(),
  /** The draft as the meeting stands now, to compare or to start again from. */
  draft: z.string(),
  updatedAt: z.string().nullable(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const documentCalls = {
  'summary.get': query({
    summary: '会议纪要的正文（会议认为、指出、强调、要求），未编辑时为自动起草稿',
    input: z.strictObject({ meetingId: id('会议编号') }),
    output: MeetingSummary,
    // The draft reads the marks and the chair's summary in the minutes, the resolutions and the office's name.
    topics: ['resolutions', 'minutes', 'queue', 'meetings', 'directory', 'lan', 'settings'],
    example: { meetingId: 1 },
  }),
  'summary.save': mutation({
    summary: '保存会议纪要的正文；不传正文（null）则恢复为自动起草',
    input: z.strictObject({
      meetingId: id('会议编号'),
      body: text('纪要正文', { max: 20000, multiline: true }).nullable(),
    }),
    output: MeetingSummary,
    topics: ['resolutions'],
    example: { meetingId: 1, body: '会议认为，完善景区公厕指引是游客和商户的共同期盼。' },
  }),

  'document.export': query({
    summary: '导出会议文件（Word，GB/T 9704 版式）：会议纪要、会议记录或协商意见办理清单',
    input: z.strictObject({
      meetingId: id('会议编号'),
      kind: choice('文件', documentKinds),
      /** 成文日期 of the 纪要 (default: the day of the meeting) and of the 清单 (default: today). */
      date: isoDate('成文日期').optional(),
      /** The 记录 as worked on (marks labelled and shaded, the default) or clean to file (存档版, signature lines). */
      version: choice('版本', recordVersions).optional(),
    }),
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
    // The documents list the participants by name, print the 纪要正文 (drafted from the marks and the
    // chair's summary) and name whom each department's answer answers.
    topics: ['resolutions', 'minutes', 'meetings', 'settings', 'directory', 'queue', 'lan'],
    example: { meetingId: 1, kind: '会议记录' },
  }),
};
