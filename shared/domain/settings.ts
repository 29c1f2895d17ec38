/** Organisation levels; the fifth step's name depends on it (区委/市委/县委常委会议审题). */
export const orgLevels = ['省', '市', '区', '县'] as const;
export type OrgLevel = (typeof orgLevels)[number];

export function defaultStepNames(level: OrgLevel): [string, string, string, string, string, string] {
  const party = level === '省' ? '省委' : `${level}委`;
  return ['社会征题', '专委会拟题', '办公室选题', '主席会议商题', `${party}常委会议审题`, '政协常委会定题'];
}

/** Speech kinds with their default time limits in seconds (domain §4). */
export const speechKinds = [
  '预约发言',
  '即席发言',
  '情况通报',
  '部门回应',
  '专家点评',
  '群众评议',
  // The chair speaks too: opening the floor, and the summary where consensus is stated.
  '主持人讲话',
  '主持人总结',
] as const;
export type SpeechKind = (typeof speechKinds)[number];

export const defaultSpeechLimits: Record<SpeechKind, number> = {
  预约发言: 8 * 60,
  即席发言: 5 * 60,
  情况通报: 10 * 60,
  部门回应: 5 * 60,
  专家点评: 5 * 60,
  群众评议: 3 * 60,
  主持人讲话: 5 * 60,
  主持人总结: 10 * 60,
};
