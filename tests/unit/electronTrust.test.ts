import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allowExternal,
  allowNavigation,
  APP_ENTRY,
  contentType,
  devServerUrl,
  EXTERNAL_HOSTS,
  isAppOrigin,
  isAppPage,
  resolveAppFile,
} from '../../electron/main/trust';

/** The desktop app's trust decisions, asked what an attacker (or an unlucky environment) would ask. */

const DEV = 'http://localhost:5173';
const dev = { devUrl: DEV };

/** Addresses that are never the app's, whatever the mode. */
const HOSTILE = [
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'FILE:///home/user/out/renderer/index.html',
  'file:///tmp/x/renderer/index.html', // what the old isAppUrl trusted: any path ending in /renderer/index.html
  'app://../',
  'app://x/%2e%2e/%2e%2e/etc/passwd',
  'app://evil.example/index.html',
  'app://bcsl:8080/index.html',
  'app://user@bcsl/index.html',
  'app://bcsl.evil.example/index.html',
  'app:index.html',
  'app:///index.html',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://bcsl/2b7e1516-28ae-4d2a-a6d2-1f6e0f5a8b0c',
  'smb://host/share',
  '\\\\host\\share',
  '//evil.example/index.html',
  'https://good.example@evil.example/',
  'http://localhost:5173@evil.example/',
  'http://localhost:5174/',
  'https://localhost:5173/',
  'http://127.0.0.1:5173/',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'app://bcsl/index.html\n',
  ' app://bcsl/index.html',
  '',
];

describe('devServerUrl: ELECTRON_RENDERER_URL only in development, only on loopback', () => {
  it('is honoured in an unpackaged app', () => {
    expect(devServerUrl('http://localhost:5173', false)).toBe(DEV);
    expect(devServerUrl('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173');
    expect(devServerUrl('http://[::1]:5173', false)).toBe('http://[::1]:5173');
  });

  it('is ignored in a packaged app, whatever it says', () => {
    expect(devServerUrl('http://localhost:5173', true)).toBeUndefined();
    expect(devServerUrl('http://127.0.0.1:5173', true)).toBeUndefined();
  });

  it('is ignored when it is not plain http on loopback', () => {
    for (const env of [
      undefined,
      '',
      'https://evil.example',
      'http://evil.example:5173',
      'http://localhost.evil.example:5173',
      'http://localhost:5173@evil.example',
      'http://user:pw@localhost:5173',
      'file:///tmp/index.html',
      'javascript:alert(1)',
      'ws://localhost:5173',
      'http://0.0.0.0:5173',
      'http://192.168.1.10:5173',
    ])
      expect(devServerUrl(env, false), String(env)).toBeUndefined();
  });
});

describe('isAppPage / allowNavigation: the app’s own page only', () => {
  it('trusts the built page on app://bcsl with any route', () => {
    for (const url of [APP_ENTRY, `${APP_ENTRY}#/`, `${APP_ENTRY}#/projector`, 'app://bcsl/', 'APP://BCSL/index.html'])
      expect(isAppPage(url), url).toBe(true);
  });

  it('trusts the dev server only when it is the dev server of this run', () => {
    expect(isAppPage(`${DEV}/#/projector`, dev)).toBe(true);
    expect(isAppPage(`${DEV}/index.html`, dev)).toBe(true);
    // Packaged: devServerUrl gave nothing, so the dev server's address is a stranger.
    expect(isAppPage(`${DEV}/`, { devUrl: devServerUrl(DEV, true) })).toBe(false);
    expect(isAppPage(`${DEV}/`)).toBe(false);
  });

  it('refuses every hostile address, in production and in development', () => {
    for (const url of HOSTILE) {
      expect(isAppPage(url), url).toBe(false);
      expect(allowNavigation(url, dev), url).toBe(false);
    }
  });

  it('refuses the app’s other files as a page to show (a script is not a page)', () => {
    expect(isAppOrigin('app://bcsl/assets/index.js')).toBe(true);
    expect(allowNavigation('app://bcsl/assets/index.js')).toBe(false);
    expect(allowNavigation('app://bcsl/favicon.svg')).toBe(false);
  });

  it('never throws on what is not a URL', () => {
    for (const junk of ['%', 'http://[', '::', 'app://%zz/', '\0', 'a'.repeat(10_000)])
      expect(isAppPage(junk), junk.slice(0, 20)).toBe(false);
  });
});

describe('allowExternal: what the system browser may be given', () => {
  it('is nothing at all: the app links to nothing on the web', () => {
    expect(EXTERNAL_HOSTS).toEqual([]);
    for (const url of [...HOSTILE, 'https://www.gov.cn/', 'http://example.com/', 'mailto:a@b.example'])
      expect(allowExternal(url), url).toBe(false);
  });

  it('with a host on the list: exactly that host over https, no tricks', () => {
    const hosts = ['good.example'];
    expect(allowExternal('https://good.example/help', hosts)).toBe(true);
    expect(allowExternal('HTTPS://GOOD.EXAMPLE/help', hosts)).toBe(true);
    for (const url of [
      'http://good.example/',
      'https://good.example@evil.example/',
      'https://evil.example/?good.example',
      'https://evil.example#good.example',
      'https://good.example.evil.example/',
      'https://evilgood.example/',
      'https://user:pw@good.example/',
      'https://good.example:8443/',
      'file://good.example/etc/passwd',
      'smb://good.example/share',
      '\\\\good.example\\share',
      'javascript://good.example/%0aalert(1)',
      'https://good.example/\nx',
    ])
      expect(allowExternal(url, hosts), url).toBe(false);
  });
});

describe('resolveAppFile: files of the built renderer, never one outside it', () => {
  const root = resolve('/srv/app/out/renderer');

  it('maps the app’s addresses into the renderer folder', () => {
    expect(resolveAppFile('app://bcsl/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://bcsl/index.html#/projector', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://bcsl/assets/index-1iOlYGRI.js?v=1', root)).toBe(
      join(root, 'assets', 'index-1iOlYGRI.js'),
    );
    expect(resolveAppFile('app://bcsl/assets/%E5%AD%97.woff2', root)).toBe(join(root, 'assets', '字.woff2'));
  });

  it('refuses another host, a port, a user, another scheme', () => {
    for (const url of [
      'app://evil.example/index.html',
      'app://x/%2e%2e/%2e%2e/etc/passwd',
      'app://../',
      'app://bcsl:1/index.html',
      'app://u@bcsl/index.html',
      'file:///etc/passwd',
      'http://localhost:5173/index.html',
    ])
      expect(resolveAppFile(url, root), url).toBeNull();
  });

  it('refuses a way out of the folder, however it is spelled', () => {
    for (const url of [
      'app://bcsl/..%2f..%2fetc%2fpasswd',
      'app://bcsl/assets/..%2F..%2F..%2Fetc%2Fpasswd',
      'app://bcsl/%2e%2e%2f%2e%2e%2fetc/passwd',
      'app://bcsl/..%5c..%5cwindows%5cwin.ini',
      'app://bcsl/assets\\..\\..\\secret',
      'app://bcsl/C:/Windows/win.ini',
      'app://bcsl/C%3A%5CWindows%5Cwin.ini',
      'app://bcsl/index.html%00.png',
      'app://bcsl/index.html::$DATA',
      'app://bcsl/%',
      'app://bcsl/%E5%AD',
    ])
      expect(resolveAppFile(url, root), url).toBeNull();
  });

  it('keeps dot-segments that the URL parser resolves inside the folder', () => {
    // The parser folds /../ and /%2e%2e/ before the path is seen: what is left can only be inside.
    for (const url of [
      'app://bcsl/../../etc/passwd',
      'app://bcsl/%2e%2e/%2e%2e/etc/passwd',
      'app://bcsl//etc/passwd',
    ]) {
      const file = resolveAppFile(url, root);
      expect(file, url).toBe(join(root, 'etc', 'passwd'));
    }
  });
});

describe('contentType', () => {
  it('names the renderer’s kinds of file and sends anything else as bytes', () => {
    expect(contentType('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('/r/assets/index.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentType('/r/assets/index.css')).toBe('text/css; charset=utf-8');
    expect(contentType('/r/favicon.svg')).toBe('image/svg+xml');
    expect(contentType('/r/assets/font.woff2')).toBe('font/woff2');
    expect(contentType('/r/assets/x.unknown')).toBe('application/octet-stream');
    expect(contentType('/r/noextension')).toBe('application/octet-stream');
  });
});
