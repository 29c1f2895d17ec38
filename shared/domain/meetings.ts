/** Meetings (domain §3): roles, attendance, the status path and the 冰城商量 agenda template. */

export const participantRoles = [
  '主持人',
  '委员',
  '部门代表',
  '专家学者',
  '群众代表',
  '企业/管理单位',
  '列席',
  '工作人员',
] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export const attendances = ['未签到', '出席', '请假', '缺席'] as const;
export type Attendance = (typeof attendances)[number];

/** The attendance values by meaning, for code and for SQL parameters. */
export const ATTENDANCE = {
  unmarked: '未签到',
  present: '出席',
  leave: '请假',
  absent: '缺席',
} as const satisfies Record<string, Attendance>;

/**
 * Two rules of presence, for two documents, which must not be confused:
 *
 * - `listedAsPresent` — the 纪要's 出席/列席 lists: everyone not marked away. The secretary marks
 *   who is on leave or absent, so one never checked in is taken as there.
 * - `attendedInPerson` — the 履职档案's count of meetings attended: checked in, or not checked in
 *   but heard speaking (a speech proves presence; silence without a check-in proves nothing).
 *   The records report computes it in SQL with the same two values.
 */
export const listedAsPresent = (a: Attendance): boolean => a === ATTENDANCE.present || a === ATTENDANCE.unmarked;
export const attendedInPerson = (a: Attendance, speeches: number): boolean =>
  a === ATTENDANCE.present || (a === ATTENDANCE.unmarked && speeches > 0);

export const meetingStatuses = ['筹备中', '进行中', '已结束', '已归档'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** The statuses by role, for code and for SQL parameters (never literals inside SQL). */
export const MEETING = {
  preparing: '筹备中',
  running: '进行中',
  ended: '已结束',
  archived: '已归档',
} as const satisfies Record<string, MeetingStatus>;

/** The moves the status may make. 已归档 → 已结束 is unarchiving: it needs a reason. */
export const statusMoves: Record<MeetingStatus, readonly MeetingStatus[]> = {
  筹备中: ['进行中'],
  进行中: ['已结束'],
  已结束: ['进行中', '已归档'],
  已归档: ['已结束'],
};

export const screenModes = ['agenda', 'speaker', 'message', 'blank', 'join'] as const;
export type ScreenMode = (typeof screenModes)[number];
export const screenModeNames: Record<ScreenMode, string> = {
  agenda: '议程',
  speaker: '发言人',
  message: '提示语',
  blank: '黑屏',
  join: '扫码加入',
};

/** The 冰城商量 template (domain §3): 委员"议"、专家"讲"、部门"答"、群众"评". */
export const bingchengAgenda: readonly { title: string; minutes: number }[] = [
  { title: '主持人介绍议题和与会人员', minutes: 5 },
  { title: '承办专委会通报调研情况', minutes: 10 },
  { title: '相关部门通报工作情况', minutes: 15 },
  { title: '委员、专家、群众代表发言', minutes: 60 },
  { title: '部门现场回应', minutes: 30 },
  { title: '主持人总结', minutes: 10 },
];

/** The role a person usually has in a meeting, from their kind in the directory. */
export function defaultRole(kind: string): ParticipantRole {
  switch (kind) {
    case '部门代表':
      return '部门代表';
    case '专家学者':
      return '专家学者';
    case '群众代表':
      return '群众代表';
    case '企业/管理单位代表':
      return '企业/管理单位';
    case '工作人员':
      return '工作人员';
    default:
      return '委员';
  }
}
