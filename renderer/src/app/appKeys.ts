import type { Shortcut, ShortcutGroup } from '../components/shortcuts';

/** Keys that work on every page of the app; each page adds its own table (see usePageShortcuts). */
export const appKeys = {
  projector: { keys: ['mod+shift+p'], label: '打开投屏窗口' },
  help: { keys: ['?'], label: '显示 / 关闭快捷键列表' },
} satisfies Record<string, Shortcut>;

export const appHelp: ShortcutGroup = { title: '全局', items: [appKeys.projector, appKeys.help] };
