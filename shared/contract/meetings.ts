import { z } from 'zod';
import { mutation, query } from './define';
import { choice, id, text } from './fields';
import { attendances, meetingStatuses, participantRoles, screenModes } from '../domain/meetings';
import { speechStates, UNDO_START_SECONDS } from '../domain/queueOrder';
import { speechKinds } from '../domain/settings';
import { meetingForms } from '../domain/topics';

const year = z.number().int().min(2000).max(2100).describe('年度');
const issueNo = z.number().int().min(1).max(999).describe('期数');
/** Local wall-clock time of the meeting notice, to the minute. */
const localDateTime = (label: string) =>
  z
    .string()
    .max(16)
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: '应为“年-月-日 时:分”，例如 2026-05-14T09:00' })
    .refine((s) => !Number.isNaN(Date.parse(`${s}:00Z`)), { message: '不是有效的时间' })
    .describe(label);

export const Meeting = z.object({
  id: z.number(),
  topicId: z.number().nullable(),
  /** No decided topic: shown flagged as 临时会议. */
  adHoc: z.boolean(),
  form: z.enum(meetingForms),
  title: z.string(),
  year: z.number(),
  issueNo: z.number(),
  startsAt: z.string(),
  place: z.string(),
  chairId: z.number().nullable(),
  committeeId: z.number().nullable(),
  recorderId: z.number().nullable(),
  status: z.enum(meetingStatuses),
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

export const Participant = z.object({
  id: z.number(),
  personId: z.number(),
  name: z.string(),
  kind: z.string(),
  /** 界别 / 部门 / 单位, whichever says best who they are. */
  affiliation: z.string(),
  role: z.enum(participantRoles),
  attendance: z.enum(attendances),
  checkedInAt: z.string().nullable(),
});
export type Participant = z.infer<typeof Participant>;

export const AgendaItem = z.object({
  id: z.number(),
  position: z.number(),
  title: z.string(),
  plannedMinutes: z.number(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const MeetingDetail = Meeting.extend({
  participants: z.array(Participant),
  agenda: z.array(AgendaItem),
  statusLog: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string(), at: z.string() })),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const Speech = z.object({
  id: z.number(),
  personId: z.number(),
  name: z.string(),
  affiliation: z.string(),
  kind: z.enum(speechKinds),
  agendaItemId: z.number().nullable(),
  position: z.number(),
  state: z.enum(speechStates as unknown as ['等待', '发言中', '暂停', '已发言', '撤回']),
  limitSeconds: z.number(),
  intervals: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
  endedAt: z.string().nullable(),
  /** For a 部门回应: the speeches it answers. */
  answers: z.array(z.number()),
});
export type Speech = z.infer<typeof Speech>;

export const Queue = z.object({ meetingId: z.number(), entries: z.array(Speech) });
export type Queue = z.infer<typeof Queue>;

export const ScreenView = z.object({
  mode: z.enum(screenModes),
  message: z.string(),
  meeting: MeetingDetail.nullable(),
  queue: z.array(Speech),
  warnSeconds: z.number(),
  updatedAt: z.string(),
  /** 扫码加入: the members' pairing link while 会场互联 is on for the meeting shown (never another role's). */
  join: z.object({ url: z.string(), expiresAt: z.string() }).nullable(),
});
export type ScreenView = z.infer<typeof ScreenView>;

const meetingFields = {
  form: choice('协商形式', meetingForms),
  title: text('会议名称', { max: 80 }),
  issueNo,
  startsAt: localDateTime('开始时间'),
  place: text('会场', { max: 60, optional: true }),
  chairId: id('主持人').nullable(),
  committeeId: id('承办专委会').nullable(),
  recorderId: id('记录人').nullable(),
};

const speechId = { id: id('发言编号') };
const queueOut = { output: Queue, topics: ['queue'] as const };
/**
 * Starting a speech starts a meeting still in preparation: its status changes too; and the core
 * writes the speaker's header into the minutes.
 */
const startOut = { output: Queue, topics: ['queue', 'meetings', 'minutes'] as const };
/** Taking a start back takes its header out of the minutes. */
const undoOut = { output: Queue, topics: ['queue', 'minutes'] as const };
/** Times recorded afterwards move the speech's header time in the minutes, or add its header. */
const timesOut = { output: Queue, topics: ['queue', 'minutes'] as const };

export const meetingCalls = {
  'meeting.list': query({
    summary: '会议列表，最近的在前',
    input: z.strictObject({}),
    output: z.array(Meeting),
    topics: ['meetings'],
    example: {},
  }),
  'meeting.get': query({
    summary: '读取一次会议：基本信息、参会人员、议程和状态记录',
    input: z.strictObject({ id: id('会议编号') }),
    output: MeetingDetail,
    topics: ['meetings', 'directory'],
    example: { id: 1 },
  }),
  'meeting.nextIssueNo': query({
    summary: '某年度某种协商形式的下一期期数',
    input: z.strictObject({ year, form: choice('协商形式', meetingForms) }),
    output: z.object({ issueNo: z.number() }),
    topics: ['meetings'],
    example: { year: 2026, form: '冰城商量' },
  }),
  'meeting.create': mutation({
    summary: '新建会议：由已定题的议题发起，或临时会议；可套用冰城商量议程模板',
    input: z.strictObject({
      topicId: id('议题').nullable(),
      ...meetingFields,
      issueNo: issueNo.optional(),
      place: meetingFields.place.optional(),
      chairId: meetingFields.chairId.optional(),
      committeeId: meetingFields.committeeId.optional(),
      recorderId: meetingFields.recorderId.optional(),
      useTemplate: z.boolean().describe('套用议程模板').optional(),
    }),
    output: MeetingDetail,
    topics: ['meetings'],
    example: {
      topicId: null,
      form: '冰城商量',
      title: '中央大街景区公厕布局',
      startsAt: '2026-05-14T09:00',
      place: '市政协三楼协商议事厅',
      useTemplate: true,
    },
  }),
  'meeting.update': mutation({
    summary: '修改会议信息',
    input: z.strictObject({
      id: id('会议编号'),
      form: meetingFields.form.optional(),
      title: meetingFields.title.optional(),
      issueNo: meetingFields.issueNo.optional(),
      startsAt: meetingFields.startsAt.optional(),
      place: meetingFields.place.optional(),
      chairId: meetingFields.chairId.optional(),
      committeeId: meetingFields.committeeId.optional(),
      recorderId: meetingFields.recorderId.optional(),
    }),
    output: MeetingDetail,
    topics: ['meetings'],
    example: { id: 1, place: '市政协二楼会议室' },
  }),
  'meeting.setStatus': mutation({
    summary: '会议状态：筹备中→进行中→已结束→已归档；取消归档须说明理由',
    input: z.strictObject({
      id: id('会议编号'),
      status: choice('状态', meetingStatuses),
      reason: text('理由', { max: 500, optional: true }).optional(),
    }),
    output: MeetingDetail,
    // Ending a meeting snapshots its minutes and ends the speech on the floor.
    topics: ['meetings', 'minutes', 'queue'],
    example: { id: 1, status: '进行中' },
  }),
  'meeting.markHeld': mutation({
    summary: '补记为已召开：筹备中的会议按实际的开始和结束时间记为进行中、再记为已结束（会后补录）',
    input: z.strictObject({
      id: id('会议编号'),
      startedAt: localDateTime('实际开始时间'),
      endedAt: localDateTime('实际结束时间'),
    }),
    output: MeetingDetail,
    // As 结束会议: the minutes get their end-of-meeting revision.
    topics: ['meetings', 'minutes', 'queue'],
    example: { id: 1, startedAt: '2026-05-14T09:00', endedAt: '2026-05-14T11:30' },
  }),
  'participant.add': mutation({
    summary: '从名录添加参会人员（角色缺省按人员类别）',
    input: z.strictObject({
      meetingId: id('会议编号'),
      personIds: z.array(id('人员')).min(1).max(300).describe('人员'),
      role: choice('角色', participantRoles).optional(),
    }),
    output: MeetingDetail,
    topics: ['meetings'],
    example: { meetingId: 1, personIds: [1], role: '委员' },
  }),
  'participant.update': mutation({
    summary: '修改参会人员的角色，或签到（出席/请假/缺席）',
    input: z.strictObject({
      id: id('参会人员'),
      role: choice('角色', participantRoles).optional(),
      attendance: choice('签到', attendances).optional(),
    }),
    output: MeetingDetail,
    topics: ['meetings'],
    example: { id: 1, attendance: '出席' },
  }),
  'participant.remove': mutation({
    summary: '移出参会人员（已在发言队列中的不能移出）',
    input: z.strictObject({ id: id('参会人员') }),
    output: MeetingDetail,
    topics: ['meetings'],
    example: { id: 1 },
  }),
  'agenda.save': mutation({
    summary: '保存议程（按顺序的议程项及计划分钟数）',
    input: z.strictObject({
      meetingId: id('会议编号'),
      items: z
        .array(
          z.strictObject({
            id: id('议程项').optional(),
            title: text('议程项', { max: 60 }),
            plannedMinutes: z.number().int().min(1).max(600).describe('计划分钟数'),
          }),
        )
        .max(40)
        .describe('议程'),
    }),
    output: MeetingDetail,
    topics: ['meetings', 'queue'],
    example: { meetingId: 1, items: [{ title: '主持人介绍议题和与会人员', plannedMinutes: 5 }] },
  }),
  'agenda.start': mutation({
    summary: '开始一个议程项（上一个进行中的议程项随之结束）',
    input: z.strictObject({ id: id('议程项') }),
    output: MeetingDetail,
    topics: ['meetings'],
    example: { id: 1 },
  }),
  'agenda.end': mutation({
    summary: '结束一个议程项',
    input: z.strictObject({ id: id('议程项') }),
    output: MeetingDetail,
    topics: ['meetings'],
    example: { id: 1 },
  }),
  'queue.get': query({
    summary: '发言队列（含每段发言的起止时间）',
    input: z.strictObject({ meetingId: id('会议编号') }),
    output: Queue,
    topics: ['queue', 'directory'],
    example: { meetingId: 1 },
  }),
  'queue.add': mutation({
    summary: '加入发言队列（时限缺省取设置中该类发言的时限）',
    input: z.strictObject({
      meetingId: id('会议编号'),
      personId: id('发言人'),
      kind: choice('发言类别', speechKinds),
      agendaItemId: id('议程项').optional(),
      limitSeconds: z.number().int().min(30).max(7200).describe('时限（秒）').optional(),
    }),
    output: Queue,
    // A speaker not yet invited is added to the participants first.
    topics: ['queue', 'meetings'],
    example: { meetingId: 1, personId: 1, kind: '预约发言' },
  }),
  'queue.move': mutation({
    summary: '调整等待发言的顺序（拖动或键盘）',
    input: z.strictObject({ ...speechId, toIndex: z.number().int().min(0).max(10000).describe('新位置') }),
    ...queueOut,
    example: { id: 1, toIndex: 0 },
  }),
  'queue.moveToTop': mutation({
    summary: '移到等待发言的最前',
    input: z.strictObject(speechId),
    ...queueOut,
    example: { id: 1 },
  }),
  'queue.start': mutation({
    summary: '开始发言（正在发言的随之结束）',
    input: z.strictObject(speechId),
    ...startOut,
    example: { id: 1 },
  }),
  'queue.pause': mutation({
    summary: '暂停发言计时',
    input: z.strictObject(speechId),
    ...queueOut,
    example: { id: 1 },
  }),
  'queue.resume': mutation({
    summary: '继续发言计时',
    input: z.strictObject(speechId),
    ...queueOut,
    example: { id: 1 },
  }),
  'queue.end': mutation({ summary: '结束发言', input: z.strictObject(speechId), ...queueOut, example: { id: 1 } }),
  'queue.withdraw': mutation({
    summary: '撤回一条等待中的发言',
    input: z.strictObject(speechId),
    ...queueOut,
    example: { id: 1 },
  }),
  'queue.restore': mutation({
    summary: '恢复一条撤回的发言（回到等待队列原来的位置）',
    input: z.strictObject(speechId),
    ...queueOut,
    example: { id: 1 },
  }),
  'queue.undoStart': mutation({
    summary: `撤销刚开始的发言（${UNDO_START_SECONDS} 秒内）：回到等待，不留发言记录`,
    input: z.strictObject(speechId),
    ...undoOut,
    example: { id: 1 },
  }),
  'queue.skip': mutation({
    summary: `跳过未到的发言人：移到等待队列末尾（刚开始 ${UNDO_START_SECONDS} 秒内的发言先撤销）`,
    input: z.strictObject(speechId),
    ...undoOut,
    example: { id: 1 },
  }),
  'queue.extend': mutation({
    summary: '延长发言时限（+1 分钟）',
    input: z.strictObject({ ...speechId, seconds: z.number().int().min(10).max(1800).describe('延长秒数') }),
    ...queueOut,
    example: { id: 1, seconds: 60 },
  }),
  'queue.next': mutation({
    summary: '下一位：结束当前发言，请等待中的第一位开始',
    input: z.strictObject({ meetingId: id('会议编号') }),
    ...startOut,
    example: { meetingId: 1 },
  }),
  'queue.setAnswers': mutation({
    summary: '部门回应所答复的发言（打收条）',
    input: z.strictObject({
      responseId: id('部门回应'),
      speechIds: z.array(id('发言')).max(100).describe('所答复的发言'),
    }),
    ...queueOut,
    example: { responseId: 2, speechIds: [1] },
  }),
  'queue.setTimes': mutation({
    summary:
      '补录或更正发言的实际起止时间（含暂停后的时段）；等待中的发言随之记为已发言，会议记录中的发言人标题随之更新或补上；不得与其他发言的时间重叠',
    input: z.strictObject({
      speechId: id('发言'),
      intervals: z
        .array(
          z.strictObject({
            start: z
              .string()
              .regex(/^(\d{4}-\d{2}-\d{2}T)?\d{2}:\d{2}$/)
              .describe('开始（本地时间 HH:mm）'),
            end: z
              .string()
              .regex(/^(\d{4}-\d{2}-\d{2}T)?\d{2}:\d{2}$/)
              .describe('结束（本地时间 HH:mm）'),
          }),
        )
        .min(1)
        .max(20)
        .describe('发言时段'),
    }),
    ...timesOut,
    example: { speechId: 1, intervals: [{ start: '09:10', end: '09:15' }] },
  }),
  'screen.get': query({
    summary: '投屏内容：投屏的会议、模式、提示语和发言队列',
    input: z.strictObject({}),
    output: ScreenView,
    topics: ['screen', 'meetings', 'queue', 'directory', 'settings', 'lan'],
    example: {},
  }),
  'screen.set': mutation({
    summary: '切换投屏：投哪次会议、显示议程/发言人/提示语/黑屏',
    input: z.strictObject({
      meetingId: id('会议编号').nullable().optional(),
      mode: choice('投屏模式', screenModes).optional(),
      message: text('提示语', { max: 60, optional: true }).optional(),
    }),
    output: ScreenView,
    topics: ['screen'],
    example: { meetingId: 1, mode: 'message', message: '请将手机调至静音' },
  }),
};
