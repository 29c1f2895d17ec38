import { session, shell, type WebContents } from 'electron';
import { allowExternal, allowNavigation, type Origins } from './trust';

/**
 * Every web contents of the app (windows, frames, anything Chromium makes) stays on the app's own
 * page: navigations, frame navigations and redirects elsewhere are cancelled, no webview attaches,
 * no window opens; a web link goes to the system browser only if allowExternal says so (none does).
 */
export function guardContents(contents: WebContents, origins: Origins): void {
  const stayHome = (e: Electron.Event<{ url: string }>) => {
    if (!allowNavigation(e.url, origins)) e.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-frame-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (allowExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** The page needs no camera, microphone, location, notifications, clipboard or full screen API: all refused. */
export function denyPermissions(): void {
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setDevicePermissionHandler(() => false);
}
