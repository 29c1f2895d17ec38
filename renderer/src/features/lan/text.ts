import type { LanRole } from '../../../../shared/contract/roles';

/** The console's card for 会场互联. */
export const t = {
  title: '会场互联',
  off: '未开启。开启后，主持人的平板、第二位记录员和参会人员的手机可扫码加入本次会议（只在本机的局域网内，不经过互联网）。',
  start: '开启会场互联',
  starting: '正在开启…',
  stop: '关闭',
  stopTitle: '关闭会场互联？',
  stopBody: '所有已加入的设备将立即断开，需重新扫码才能再次加入。',
  otherMeeting: (title: string) => `会场互联正为“${title}”开启`,
  address: (addresses: string[], port: number) => `地址：${addresses.map((a) => `${a}:${port}`).join('、')}`,
  scanFor: '扫码加入',
  roles: { chair: '主持人', recorder: '记录员', participant: '参会者', projector: '投屏' } as Record<LanRole, string>,
  codeNote: (time: string) => `每个二维码只能加入一台设备，用后自动换新；${time} 前有效`,
  devices: (n: number) => `已加入的设备（${n}）`,
  noDevices: '还没有设备加入',
  deviceLine: (role: string, name: string, who: string | null) => `${role} · ${name}${who ? `（${who}）` : ''}`,
  lastSeen: (time: string) => `最近 ${time}`,
  remove: '移除',
  removeAll: '全部移除',
  removeAllTitle: '移除所有设备？',
  removeAllBody: '所有设备的令牌立即失效，需重新扫码才能再次加入。',
  requests: '发言申请',
  accept: '排入队列',
  decline: '谢绝',
  record: '设备记录',
  recordLine: (time: string, device: string, action: string, detail: string) =>
    `${time} ${device}：${action}${detail ? ` ${detail}` : ''}`,
};
