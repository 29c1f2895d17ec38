/** Where topics come from (domain §2, step 1). */
export const topicSources = ['微言要议', '热线', '委员', '界别', '专委会', '部门出题', '基层政协'] as const;
export type TopicSource = (typeof topicSources)[number];

/** 民生 fields offered in the intake form; free text is allowed too. */
export const topicFields = [
  '交通',
  '城市管理',
  '养老',
  '教育',
  '医疗',
  '环境',
  '文化旅游',
  '营商环境',
  '社区治理',
  '食品安全',
  '住房',
  '就业',
] as const;

/** Meeting forms (domain §3); 冰城商量 is the default. */
export const meetingForms = ['冰城商量', '专题协商', '对口协商', '界别协商', '提案办理协商', '微协商'] as const;
export type MeetingForm = (typeof meetingForms)[number];
