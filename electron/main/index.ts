import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { CHANNELS } from '../../shared/bridge';
import { createCore, type Core } from '../core';
import { AppError } from '../core/errors';
import { contentSecurityPolicy } from '../core/security';
import { registerAppScheme, serveAppFiles } from './appProtocol';
import { denyPermissions, guardContents } from './guard';
import { startMinutesEndpoint } from './minutesEndpoint';
import { buildMenu } from './menu';
import { askWhereToBackup, askWhereToSavePackage, askWhichBackup, saveFileWithDialog } from './saveFile';
import { isAppPage } from './trust';
import { createConsoleWindow, openProjectorWindow, origins } from './windows';

const UNKNOWN_PAGE = { ok: false, error: { code: 'refused', message: '拒绝来自未知页面的请求' } } as const;

/** A file the dialog gave, as its handle; the core's Chinese refusal (a network path…) otherwise. */
function chosen<T>(take: () => T) {
  try {
    return { ok: true, value: take() } as const;
  } catch (e) {
    return {
      ok: false,
      error: e instanceof AppError ? e.toCallError() : { code: 'internal', message: String(e) },
    } as const;
  }
}

/** The built pages, served as app://bcsl/ (appProtocol.ts). */
const rendererRoot = join(import.meta.dirname, '../renderer');

// One app per machine: a second start focuses the first window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme(); // before 'ready', or Chromium does not treat app:// as an origin of its own
  let core: Core | undefined;
  let consoleWindow: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (!consoleWindow || consoleWindow.isDestroyed()) return;
    if (consoleWindow.isMinimized()) consoleWindow.restore();
    consoleWindow.focus();
  });

  app.whenReady().then(async () => {
    try {
      // A corrupt data file does not stop the start: the window explains and offers the newest backup.
      // 会场互联 serves the room's devices the same built pages the windows load.
      core = createCore({
        dataDir: app.getPath('userData'),
        lan: { staticDir: rendererRoot },
      });
      // Also after a damaged start: once a backup is restored, the daily copies resume.
      core.startAutoBackup();
    } catch (e) {
      dialog.showErrorBox('无法打开数据文件', e instanceof AppError ? e.message : String(e));
      app.exit(1);
      return;
    }
    const c = core;
    const { endpoint } = await startMinutesEndpoint(c);

    const csp = contentSecurityPolicy([endpoint.origin]);
    serveAppFiles(rendererRoot, csp);
    // The dev server's answers (npm start) get the same policy; app:// answers carry it themselves.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
    denyPermissions();

    // Only our own windows showing our own page may call the core.
    const trusted = (e: Electron.IpcMainInvokeEvent) =>
      BrowserWindow.fromWebContents(e.sender) !== null && isAppPage(e.senderFrame?.url ?? '', origins);
    ipcMain.handle(CHANNELS.call, (e, name: unknown, input: unknown) => {
      if (!trusted(e)) return UNKNOWN_PAGE;
      return c.call(String(name), input);
    });
    ipcMain.handle(CHANNELS.minutesEndpoint, (e) => (trusted(e) ? endpoint : null));
    ipcMain.handle(CHANNELS.openProjector, (e) => {
      if (trusted(e)) openProjectorWindow();
    });
    // A dialog's path never reaches the page: it gets a handle (open) or the written backup (save).
    ipcMain.handle(CHANNELS.chooseBackupFile, async (e, kind: unknown) => {
      if (!trusted(e)) return UNKNOWN_PAGE;
      const path = await askWhichBackup(e.sender, kind === 'package' ? 'package' : 'backup');
      return path ? chosen(() => c.files.choose(path)) : { ok: true, value: null };
    });
    ipcMain.handle(CHANNELS.saveBackupAs, async (e, suggested: unknown) => {
      if (!trusted(e)) return UNKNOWN_PAGE;
      const path = await askWhereToBackup(e.sender, String(suggested ?? ''));
      return path ? c.backupTo(path) : { ok: true, value: null };
    });
    ipcMain.handle(CHANNELS.savePackageAs, async (e, name: unknown) => {
      if (!trusted(e)) return UNKNOWN_PAGE;
      const path = await askWhereToSavePackage(e.sender, String(name ?? ''));
      return path ? c.copyPackageTo(String(name ?? ''), path) : { ok: true, value: null };
    });
    ipcMain.handle(CHANNELS.saveFile, (e, fileName: unknown, dataBase64: unknown) =>
      trusted(e)
        ? saveFileWithDialog(e.sender, fileName, dataBase64)
        : { saved: false, error: '拒绝来自未知页面的请求' },
    );
    c.events.subscribe((event) => {
      for (const win of BrowserWindow.getAllWindows()) win.webContents.send(CHANNELS.event, event);
    });

    Menu.setApplicationMenu(buildMenu({ openProjector: () => openProjectorWindow() }));
    consoleWindow = createConsoleWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) consoleWindow = createConsoleWindow();
    });
  });

  // Every web contents, as soon as it exists: no way off the app's own page.
  app.on('web-contents-created', (_e, contents) => guardContents(contents, origins));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => core?.close());
}
