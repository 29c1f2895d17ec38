import { z } from 'zod';
import { query } from './define';
import { choice, id, text } from './fields';
import { attendances, meetingStatuses, participantRoles } from '../domain/meetings';
import { markKinds } from '../domain/minutesDoc';
import { personKinds } from '../domain/people';

/** One person's year: who they are, then what they did in the meetings held that year. */
export const MemberRecord = z.object({
  personId: z.number(),
  name: z.string(),
  /** 界别 ('' when none). */
  sector: z.string(),
  /** 界别, else 部门, else 单位: who they are in one phrase. */
  affiliation: z.string(),
  retired: z.boolean(),
  meetingsInvited: z.number(),
  /** 出席, and 未签到 for someone who spoke (they were in the room). */
  meetingsAttended: z.number(),
  leave: z.number(),
  absent: z.number(),
  /** 未签到 and silent: the secretary never marked them. */
  unmarked: z.number(),
  /** Speeches given (at least one speaking interval), not those queued and withdrawn. */
  speeches: z.number(),
  speakingSeconds: z.number(),
  /** Marks in the minutes within this person's speeches, by kind. */
  suggestions: z.number(),
  commitments: z.number(),
  consensus: z.number(),
  marksTotal: z.number(),
  /** Resolutions taken from this person's marks or speeches, each counted once. */
  suggestionsAdopted: z.number(),
});
export type MemberRecord = z.infer<typeof MemberRecord>;

export const RecordsList = z.object({
  year: z.number(),
  kind: z.enum(personKinds),
  /** Years with held meetings, newest first (the year picker). */
  years: z.array(z.number()),
  /** Meetings held in `year`. */
  meetings: z.number(),
  rows: z.array(MemberRecord),
});
export type RecordsList = z.infer<typeof RecordsList>;

const MeetingRef = {
  meetingId: z.number(),
  meetingTitle: z.string(),
  form: z.string(),
  issueNo: z.number(),
  /** Local date the meeting started: 2026-05-14. */
  date: z.string(),
};

export const RecordMeeting = z.object({
  ...MeetingRef,
  status: z.enum(meetingStatuses),
  role: z.enum(participantRoles),
  attendance: z.enum(attendances),
  attended: z.boolean(),
  speeches: z.number(),
  speakingSeconds: z.number(),
});
export type RecordMeeting = z.infer<typeof RecordMeeting>;

export const RecordMark = z.object({ ...MeetingRef, markId: z.string(), kind: z.enum(markKinds), excerpt: z.string() });
export type RecordMark = z.infer<typeof RecordMark>;

export const RecordAdopted = z.object({
  ...MeetingRef,
  resolutionId: z.number(),
  position: z.number(),
  text: z.string(),
});
export type RecordAdopted = z.infer<typeof RecordAdopted>;

export const RecordDetail = z.object({
  year: z.number(),
  person: z.object({
    id: z.number(),
    name: z.string(),
    kind: z.enum(personKinds),
    affiliation: z.string(),
    retired: z.boolean(),
  }),
  meetings: z.array(RecordMeeting),
  marks: z.array(RecordMark),
  adopted: z.array(RecordAdopted),
});
export type RecordDetail = z.infer<typeof RecordDetail>;

const year = z.number().int().min(2000).max(2100).describe('年度');
const kind = choice('人员类别', personKinds).default('委员');
// What the records read: who, which meetings, who spoke, what the minutes marked, what was agreed.
const readTopics = ['directory', 'meetings', 'queue', 'minutes', 'resolutions'] as const;

export const memberRecordCalls = {
  'records.list': query({
    summary: '履职档案：某年度每位委员（或其他类别人员）出席会议、发言次数与时长、记录的建议、被采纳为协商意见的情况',
    input: z.strictObject({
      /** Without a year: the newest year with held meetings, else this year. */
      year: year.optional(),
      kind,
      q: text('姓名或拼音', { max: 30, optional: true }).optional(),
    }),
    output: RecordsList,
    topics: readTopics,
    example: { year: 2026 },
  }),
  'records.detail': query({
    summary: '一个人某年度的履职明细：逐次会议的出席与发言、会议记录中的标记、被采纳的协商意见',
    input: z.strictObject({ personId: id('人员'), year }),
    output: RecordDetail,
    topics: readTopics,
    example: { personId: 1, year: 2026 },
  }),
  'records.export': query({
    summary: '导出履职档案（Excel）：汇总、逐次会议明细、建议与被采纳的协商意见三张表',
    input: z.strictObject({ year, kind }),
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
    // The workbook's heading names the organisation.
    topics: [...readTopics, 'settings'],
    example: { year: 2026 },
  }),
};
