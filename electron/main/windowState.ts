import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, screen, type BrowserWindow, type Rectangle } from 'electron';

interface SavedState {
  bounds: Rectangle;
  maximized: boolean;
}

const file = () => join(app.getPath('userData'), 'window-state.json');

/** The console window's last position, if it still lies on a connected display. */
export function loadWindowState(name: string): SavedState | undefined {
  try {
    const all = JSON.parse(readFileSync(file(), 'utf8')) as Record<string, SavedState>;
    const state = all[name];
    if (!state) return undefined;
    const visible = screen.getAllDisplays().some(({ workArea: a }) => {
      const b = state.bounds;
      return b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y;
    });
    return visible ? state : undefined;
  } catch {
    return undefined;
  }
}

export function rememberWindowState(name: string, win: BrowserWindow): void {
  const save = () => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    let all: Record<string, SavedState> = {};
    try {
      all = JSON.parse(readFileSync(file(), 'utf8'));
    } catch {
      /* first save */
    }
    all[name] = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileSync(file(), JSON.stringify(all));
    } catch (e) {
      console.error('无法保存窗口位置', e);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', save);
}
