import { join } from 'node:path';
import { BrowserWindow, screen, shell } from 'electron';
import { flushBeforeClose } from './flushOnClose';
import { loadWindowState, rememberWindowState } from './windowState';

const preload = join(import.meta.dirname, '../preload/index.cjs');
const rendererFile = join(import.meta.dirname, '../renderer/index.html');

/** The page the app may show: the dev server in development, the built file otherwise. */
export function isAppUrl(url: string): boolean {
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (dev && url.startsWith(dev)) return true;
  try {
    const u = new URL(url);
    return u.protocol === 'file:' && decodeURIComponent(u.pathname).endsWith('/renderer/index.html');
  } catch {
    return false;
  }
}

function secure(win: BrowserWindow): void {
  // No navigation away from the app and no new windows; links to the web open in the browser.
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function load(win: BrowserWindow, route: string): void {
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (dev) void win.loadURL(`${dev}#${route}`);
  else void win.loadFile(rendererFile, { hash: route });
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
  secure(win);
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
  secure(projector);
  load(projector, '/projector');
  return projector;
}
