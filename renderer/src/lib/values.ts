// The domain's values the screens compare against or default to, by name. They are data, not UI
// text: each group is checked against its domain type, so a renamed value fails the type check
// here rather than silently never matching in a component. Where shared/domain already names the
// values for the core (SPEECH, MEETING, …), the screens use that same map.
import type { DocumentKind } from '../../../shared/contract/resolutions';
import { PERSON } from '../../../shared/domain/directoryRules';
import type { FollowUpAction } from '../../../shared/domain/followUp';
import { ATTENDANCE, MEETING } from '../../../shared/domain/meetings';
import type { SpeechKind } from '../../../shared/domain/settings';
import { SPEECH } from '../../../shared/domain/speechState';
import { TOPIC, type Decision } from '../../../shared/domain/topicState';
import type { MeetingForm, TopicSource } from '../../../shared/domain/topics';

export const speechState = SPEECH;

export const speechKind = {
  booked: '预约发言',
  impromptu: '即席发言',
  response: '部门回应',
} as const satisfies Record<string, SpeechKind>;

export const meetingStatus = MEETING;

export const attendance = ATTENDANCE;

export const personKind = PERSON;

export const topicStatus = TOPIC;

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
