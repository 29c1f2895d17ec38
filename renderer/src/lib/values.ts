// The domain's values the screens compare against or default to, by name. They are data, not UI
// text: each group is checked against its domain type, so a renamed value fails the type check
// here rather than silently never matching in a component.
import type { DocumentKind } from '../../../shared/contract/resolutions';
import type { FollowUpAction } from '../../../shared/domain/followUp';
import type { Attendance, MeetingStatus } from '../../../shared/domain/meetings';
import type { PersonKind } from '../../../shared/domain/people';
import type { SpeechState } from '../../../shared/domain/queueOrder';
import type { SpeechKind } from '../../../shared/domain/settings';
import type { Decision, TopicStatus } from '../../../shared/domain/topicState';
import type { MeetingForm, TopicSource } from '../../../shared/domain/topics';

export const speechState = {
  waiting: '等待',
  speaking: '发言中',
  paused: '暂停',
  spoken: '已发言',
  withdrawn: '撤回',
} as const satisfies Record<string, SpeechState>;

export const speechKind = {
  booked: '预约发言',
  response: '部门回应',
} as const satisfies Record<string, SpeechKind>;

export const meetingStatus = {
  preparing: '筹备中',
  live: '进行中',
  ended: '已结束',
  archived: '已归档',
} as const satisfies Record<string, MeetingStatus>;

export const attendance = {
  unmarked: '未签到',
  present: '出席',
  leave: '请假',
  absent: '缺席',
} as const satisfies Record<string, Attendance>;

export const personKind = {
  member: '委员',
  departmentRep: '部门代表',
  staff: '工作人员',
} as const satisfies Record<string, PersonKind>;

export const topicStatus = {
  active: '进行中',
  decided: '已定题',
  rejected: '不予采纳',
  merged: '已合并',
  deferred: '暂缓',
} as const satisfies Record<string, TopicStatus>;

export const topicDecision = {
  pass: '通过',
  back: '退回',
  reject: '不予采纳',
  merge: '合并',
  defer: '暂缓',
  reopen: '重新启用',
  receiveMerge: '接收合并',
} as const satisfies Record<string, Decision>;

export const followUpAction = {
  accept: '受理',
  reply: '答复',
  evaluate: '评价',
  feedback: '反馈',
} as const satisfies Record<string, FollowUpAction>;

export const documentKind = {
  summary: '会议纪要',
  minutes: '会议记录',
} as const satisfies Record<string, DocumentKind>;

/** What a new topic and a new meeting start as. */
export const defaults = {
  topicSource: '微言要议' satisfies TopicSource,
  meetingForm: '冰城商量' satisfies MeetingForm,
} as const;
