/** Words of the shared components. */
export const t = {
  save: '保存',
  saving: '正在保存…',
  cancel: '取消',
  retire: '停用',
  restore: '恢复',
  saveHint: 'Ctrl+Enter 保存，Esc 关闭',
  close: '关闭',
};
