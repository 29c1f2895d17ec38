import { z } from 'zod';
import { mutation, query } from './define';
import { choice, id, text } from './fields';
import { lanRoles } from './roles';
import { speechKinds } from '../domain/settings';

/** 会场互联: the room's devices (the chair's tablet, a second recorder, phones, a projector PC) on the laptop's network. */

export const LanDevice = z.object({
  id: z.number(),
  role: z.enum(lanRoles),
  /** The name the device gave when it paired (e.g. 主持人的平板). */
  name: z.string(),
  /** A phone's owner, once signed in. */
  participantName: z.string().nullable(),
  pairedAt: z.string(),
  lastSeenAt: z.string(),
});

export const DeviceEvent = z.object({
  id: z.number(),
  device: z.string(),
  role: z.enum(lanRoles),
  action: z.string(),
  detail: z.string(),
  at: z.string(),
});

export const LanStatus = z.object({
  on: z.boolean(),
  meetingId: z.number().nullable(),
  meetingTitle: z.string().nullable(),
  port: z.number().nullable(),
  /** The laptop's private addresses it listens on. */
  addresses: z.array(z.string()),
  /** One pairing link per role, each with its one-time code (shown as a QR code). */
  joins: z.array(z.object({ role: z.enum(lanRoles), url: z.string(), code: z.string(), expiresAt: z.string() })),
  devices: z.array(LanDevice),
  /** What the room's devices did, latest first. */
  record: z.array(DeviceEvent),
});
export type LanStatus = z.infer<typeof LanStatus>;

/** A request's states by meaning, for code. */
export const REQUEST = { pending: '待处理', accepted: '已接受', declined: '已谢绝' } as const;

export const SpeakRequest = z.object({
  id: z.number(),
  participantId: z.number(),
  name: z.string(),
  affiliation: z.string(),
  kind: z.enum(speechKinds),
  subject: z.string(),
  state: z.enum(['待处理', '已接受', '已谢绝']),
  createdAt: z.string(),
});
export type SpeakRequest = z.infer<typeof SpeakRequest>;

export const WrittenOpinion = z.object({
  id: z.number(),
  name: z.string(),
  text: z.string(),
  markId: z.string(),
  createdAt: z.string(),
});

/** What a device knows of itself: its role, its meeting, and (a phone) its owner and requests. */
export const DeviceView = z.object({
  role: z.enum(lanRoles),
  name: z.string(),
  meetingId: z.number(),
  meetingTitle: z.string(),
  participantId: z.number().nullable(),
  participantName: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  requests: z.array(SpeakRequest),
  opinions: z.number(),
});
export type DeviceView = z.infer<typeof DeviceView>;

export const OPINION_MAX = 2000;

export const lanCalls = {
  'lan.status': query({
    summary: '会场互联的状态：是否开启、地址、各角色的扫码加入、已连接的设备和设备记录',
    input: z.strictObject({}),
    output: LanStatus,
    topics: ['lan', 'meetings'],
    example: {},
  }),
  'lan.start': mutation({
    summary: '为一次会议开启会场互联（在本机的局域网地址上监听）',
    input: z.strictObject({ meetingId: id('会议编号') }),
    output: LanStatus,
    topics: ['lan'],
    example: { meetingId: 1 },
  }),
  'lan.stop': mutation({
    summary: '关闭会场互联：所有设备的令牌立即失效',
    input: z.strictObject({}),
    output: LanStatus,
    topics: ['lan'],
    example: {},
  }),
  'lan.removeDevice': mutation({
    summary: '移除一台设备（其令牌立即失效）；不给编号则移除全部',
    input: z.strictObject({ id: id('设备').optional() }),
    output: LanStatus,
    topics: ['lan'],
    example: { id: 1 },
  }),
  'lan.record': query({
    summary: '会议的会场设备记录：每台设备做了什么（加入、签到、申请发言、书面意见、主持人的操作）',
    input: z.strictObject({ meetingId: id('会议编号') }),
    output: z.array(DeviceEvent),
    topics: ['lan'],
    example: { meetingId: 1 },
  }),
  'speakRequest.list': query({
    summary: '会议的发言申请：待处理的在前',
    input: z.strictObject({ meetingId: id('会议编号') }),
    output: z.array(SpeakRequest),
    topics: ['lan', 'queue', 'meetings', 'directory'],
    example: { meetingId: 1 },
  }),
  'speakRequest.decide': mutation({
    summary: '接受发言申请（加入发言队列末尾）或谢绝',
    input: z.strictObject({ id: id('发言申请'), accept: z.boolean().describe('接受') }),
    output: z.array(SpeakRequest),
    // An accepted request adds its speaker to the meeting if they were not in it.
    topics: ['lan', 'queue', 'meetings'],
    example: { id: 1, accept: true },
  }),
  'opinion.list': query({
    summary: '会议收到的书面意见',
    input: z.strictObject({ meetingId: id('会议编号') }),
    output: z.array(WrittenOpinion),
    topics: ['lan', 'meetings', 'directory'],
    example: { meetingId: 1 },
  }),
  'device.me': query({
    summary: '本设备：角色、会议，手机的签到和发言申请',
    input: z.strictObject({}),
    output: DeviceView,
    topics: ['lan', 'meetings', 'queue', 'directory'],
    example: {},
  }),
  'device.checkIn': mutation({
    summary: '在手机上选自己的名字签到（每人一次）',
    input: z.strictObject({ participantId: id('参会人员') }),
    output: DeviceView,
    topics: ['lan', 'meetings'],
    example: { participantId: 1 },
  }),
  'device.requestSpeech': mutation({
    summary: '申请发言：选发言类型，可写一句话主题；由主持人或会议秘书接受后才进入队列',
    input: z.strictObject({
      kind: choice('发言类型', speechKinds),
      subject: text('主题', { max: 60, optional: true }).optional(),
    }),
    output: DeviceView,
    topics: ['lan'],
    example: { kind: '即席发言', subject: '路灯维修' },
  }),
  'device.handInOpinion': mutation({
    summary: `提交书面意见（不超过 ${OPINION_MAX} 字），作为建议进入会议记录`,
    input: z.strictObject({ text: text('书面意见', { max: OPINION_MAX, multiline: true }) }),
    output: DeviceView,
    topics: ['lan', 'minutes'],
    example: { text: '建议在中央大街增设夜间照明。' },
  }),
};
