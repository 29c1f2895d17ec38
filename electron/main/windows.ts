import { join } from 'node:path';
import { app, BrowserWindow, screen } from 'electron';
import { flushBeforeClose } from './flushOnClose';
import { APP_ENTRY, devServerUrl, type Origins } from './trust';
import { loadWindowState, rememberWindowState } from './windowState';

const preload = join(import.meta.dirname, '../preload/index.cjs');

/** Where the page comes from: the dev server only in an unpackaged app (npm start), app:// otherwise. */
export const origins: Origins = { devUrl: devServerUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged) };

function load(win: BrowserWindow, route: string): void {
  void win.loadURL(`${origins.devUrl ?? APP_ENTRY}#${route}`);
}

const webPreferences = {
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
};

export function createConsoleWindow(): BrowserWindow {
  const saved = loadWindowState('console');
  const win = new BrowserWindow({
    title: '冰城商量',
    width: saved?.bounds.width ?? 1440,
    height: saved?.bounds.height ?? 900,
    x: saved?.bounds.x,
    y: saved?.bounds.y,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences,
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  flushBeforeClose(win);
  rememberWindowState('console', win);
  load(win, '/');
  return win;
}

let projector: BrowserWindow | undefined;

/** The projector: full screen on the external display when there is one, a window otherwise. */
export function openProjectorWindow(): BrowserWindow {
  if (projector && !projector.isDestroyed()) {
    projector.show();
    projector.focus();
    return projector;
  }
  const primary = screen.getPrimaryDisplay();
  const external = screen.getAllDisplays().find((d) => d.id !== primary.id);
  const area = (external ?? primary).bounds;
  projector = new BrowserWindow({
    title: '冰城商量 · 投屏',
    x: area.x + (external ? 0 : 80),
    y: area.y + (external ? 0 : 80),
    width: external ? area.width : 1280,
    height: external ? area.height : 720,
    fullscreen: Boolean(external),
    autoHideMenuBar: true,
    backgroundColor: '#0b1220',
    webPreferences,
  });
  load(projector, '/projector');
  return projector;
}
