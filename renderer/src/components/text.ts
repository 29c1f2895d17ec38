/** Words of the shared components. */
export const t = {
  attending: '参会',
  save: '保存',
  saving: '正在保存…',
  cancel: '取消',
  retire: '停用',
  restore: '恢复',
  saveHint: 'Ctrl+Enter 保存，Esc 关闭',
  close: '关闭',
  shortcuts: '快捷键',
  shortcutsHint: '单键快捷键在焦点不在按钮或输入框上时可用；按 Esc 或 ? 关闭。',
  confirmHint: 'Enter 确定，Esc 取消',
};

/** Chinese punctuation around values, in one place: a parenthesis, a label's colon, a list. */
export const paren = (s: string | number) => `（${s}）`;
export const colon = '：';
export const labelled = (label: string, value: string | number) => `${label}：${value}`;
export const listSep = '、';
export const list = (xs: readonly (string | number | undefined)[]) => xs.join(listSep);
