import { extname, isAbsolute, join, relative, resolve } from 'node:path';

/**
 * What the desktop app trusts, as pure decisions (no Electron here, so the unit tests can ask them
 * anything). The windows show the built renderer from app://bcsl/ — a privileged scheme served
 * only from the renderer folder (appProtocol.ts) — never from file://, where 'self' in the CSP
 * would match every local file. In development, and only there, Vite's dev server on loopback.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bcsl';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Where the page may come from besides app://: the dev server, when there is one. */
export interface Origins {
  devUrl?: string;
}

function parse(url: string): URL | undefined {
  // Whitespace and control characters are silently dropped or kept by parsers in different
  // ways: a URL that has any is nobody's we would want.
  if (typeof url !== 'string' || /[\s\0-\x1f\x7f\\]/.test(url)) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server's address (electron-vite's ELECTRON_RENDERER_URL), honoured only in an unpackaged
 * app and only as plain http on loopback: an installed app never loads its page from elsewhere,
 * whatever the environment says.
 */
export function devServerUrl(env: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !env) return undefined;
  const u = parse(env);
  if (!u || u.protocol !== 'http:' || !LOOPBACK.has(u.hostname) || u.username || u.password) return undefined;
  return u.origin;
}

/** Same origin as the app's pages: app://bcsl (no port, no user), or the dev server's origin. */
export function isAppOrigin(url: string, { devUrl }: Origins = {}): boolean {
  const u = parse(url);
  if (!u || u.username || u.password) return false;
  // app: is not a special scheme to Node's parser: its host keeps the case and the port as written.
  if (u.protocol === `${APP_SCHEME}:`) return u.host.toLowerCase() === APP_HOST;
  const dev = devUrl ? parse(devUrl) : undefined;
  return !!dev && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === dev.origin;
}

/** The app's own page (any route in its hash): what a window may show, navigate to and call the core from. */
export function isAppPage(url: string, origins: Origins = {}): boolean {
  if (!isAppOrigin(url, origins)) return false;
  const { pathname } = new URL(url);
  return pathname === '/' || pathname === '/index.html';
}

/** A navigation, redirect or frame navigation the windows may follow: to the app's own page only. */
export const allowNavigation = isAppPage;

/**
 * Web addresses the app may hand to the system's browser. The app links to nothing on the web
 * (its help and documents are built in), so the list is empty; a name added here is matched
 * exactly, over https only.
 */
export const EXTERNAL_HOSTS: readonly string[] = [];

/** Whether `shell.openExternal` may open `url`: https, no user or port, a host on the list. Never file:, smb:, javascript:. */
export function allowExternal(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username || u.password || u.port) return false;
  return hosts.includes(u.hostname);
}

/**
 * The file of the built renderer an app:// request names, or null: another host, a port or a
 * user; a path that leaves the folder (`..`, also percent-encoded), names a drive or a stream
 * (`:`), holds a backslash or NUL, or hides a dot-segment. The caller still checks that it is a file.
 */
export function resolveAppFile(requestUrl: string, rendererRoot: string): string | null {
  if (!isAppOrigin(requestUrl)) return null;
  const { pathname } = new URL(requestUrl);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..' || /[\\:\0]/.test(s))) return null;
  const root = resolve(rendererRoot);
  const file = join(root, ...(segments.length ? segments : ['index.html']));
  const inside = relative(root, file);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a renderer file; anything else is bytes, never sniffed into a script. */
export const contentType = (file: string) => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
