import { app, ipcMain, type BrowserWindow } from 'electron';
import { CHANNELS } from '../../shared/bridge';

/** Longest wait for a window's editor to store its text before it closes anyway. */
const FLUSH_TIMEOUT_MS = 5000;

let quitting = false;
app.on('before-quit', () => {
  quitting = true;
});

/**
 * A window does not close (nor the app quit) until its page has saved what was typed: on
 * 'close' the page is asked to flush, and the window closes once it answers or the wait ends.
 * Holding the close back cancels a quit in progress, so a quit is asked for again afterwards.
 */
export function flushBeforeClose(win: BrowserWindow): void {
  let flushed = false;
  win.on('close', (e) => {
    if (flushed || win.webContents.isCrashed()) return;
    e.preventDefault();
    const contents = win.webContents;
    const wasQuitting = quitting;
    const done = () => {
      clearTimeout(timer);
      ipcMain.off(CHANNELS.flushed, onFlushed);
      flushed = true;
      if (wasQuitting) app.quit();
      else if (!win.isDestroyed()) win.close();
    };
    const onFlushed = (event: Electron.IpcMainEvent) => {
      if (event.sender === contents) done();
    };
    const timer = setTimeout(done, FLUSH_TIMEOUT_MS);
    ipcMain.on(CHANNELS.flushed, onFlushed);
    contents.send(CHANNELS.flush);
  });
}
