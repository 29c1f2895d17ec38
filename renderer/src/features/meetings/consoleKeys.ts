import type { Shortcut, ShortcutGroup } from '../../components/shortcuts';
import { screenModeNames, screenModes, type ScreenMode } from '../../../../shared/domain/meetings';
import { markKinds } from '../../../../shared/domain/minutesDoc';
import { UNDO_START_SECONDS } from '../../../../shared/domain/queueOrder';

/**
 * Every key of the live console, once: the handlers match against these entries and the
 * shortcut overlay (?) lists them. Single keys work while the focus is on no control or field.
 */
export const consoleKeys = {
  toggle: { keys: ['space'], label: '开始下一位 / 暂停 / 继续' },
  next: { keys: ['n'], label: '下一位：结束当前发言，请下一位开始' },
  undo: { keys: ['u'], label: `撤销：${UNDO_START_SECONDS} 秒内的“开始”，或刚才的“撤回”` },
  skip: { keys: ['s'], label: `跳过未到的人：移到队尾（刚开始 ${UNDO_START_SECONDS} 秒内的先撤销）` },
  extend: { keys: ['+'], label: '当前发言 +1 分钟' },
  pick: { keys: ['/'], label: '添加发言人：输入姓名或拼音首字母，回车加入' },
  pickLeave: { keys: ['escape'], label: '离开发言人输入框', where: '在发言人输入框中' },
  moveRow: { keys: ['alt+arrowup', 'alt+arrowdown'], label: '上移 / 下移等待中的发言', where: '在等待的发言上' },
  screenArrows: { keys: ['arrowleft', 'arrowright'], label: '切换投屏模式', where: '在投屏模式按钮上' },
  editor: { keys: ['e'], label: '回到会议记录（光标回到原处）' },
  leaveEditor: { keys: ['escape'], label: '离开会议记录，单键快捷键随即可用', where: '在会议记录中' },
  save: { keys: ['mod+s'], label: '立即保存会议记录' },
  // MarkPlugin reads the digit's place in markKinds: Alt+1 is the first kind.
  mark: {
    keys: markKinds.map((_, i) => `alt+${i + 1}`),
    label: `选中文字标记为${markKinds.map((k) => `“${k}”`).join(' / ')}`,
    where: '在会议记录中',
  },
} satisfies Record<string, Shortcut>;

/** 1–4 choose the projector's mode, in the order of the mode buttons. */
export const screenModeKeys = {} as Record<ScreenMode, Shortcut>;
screenModes.forEach(
  (mode, i) => (screenModeKeys[mode] = { keys: [String(i + 1)], label: `投屏：${screenModeNames[mode]}` }),
);

export const consoleHelp: ShortcutGroup[] = [
  {
    title: '发言',
    items: [consoleKeys.toggle, consoleKeys.next, consoleKeys.undo, consoleKeys.skip, consoleKeys.extend],
  },
  { title: '发言队列', items: [consoleKeys.pick, consoleKeys.pickLeave, consoleKeys.moveRow] },
  { title: '投屏', items: [...Object.values(screenModeKeys), consoleKeys.screenArrows] },
  { title: '会议记录', items: [consoleKeys.editor, consoleKeys.leaveEditor, consoleKeys.save, consoleKeys.mark] },
];
