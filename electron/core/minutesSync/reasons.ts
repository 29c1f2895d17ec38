/** Why the core refused a window's message or closed its link: shown to the secretary as is. */
export const REASON = {
  tooLarge: '同步内容过大，已拒绝；会议记录未改动',
  malformed: '收到无法识别的同步内容，已拒绝；会议记录未改动',
  archived: '会议已归档，会议记录只能查看',
  notStored: '会议记录未能写入数据文件，正在重新连接',
  closed: '会议记录已关闭',
  restoring: '正在从备份恢复数据文件',
  stopping: '程序正在退出',
} as const;
