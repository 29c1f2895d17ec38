import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerAppRequest } from '../../electron/main/appFiles';
import { contentSecurityPolicy } from '../../electron/core/security';

/**
 * app:// as protocol.handle answers it (the same function, without Electron): a real renderer
 * folder with a secret beside it that no address may reach.
 */
const base = mkdtempSync(join(tmpdir(), 'bcsl-app-protocol-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>冰城商量</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(join(root, 'favicon.svg'), '<svg/>');
writeFileSync(join(base, 'secret.txt'), 'members’ phone numbers');
mkdirSync(join(base, 'renderer-evil'));
writeFileSync(join(base, 'renderer-evil', 'index.html'), 'evil');
let linked = true;
try {
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.js'));
} catch {
  linked = false; // Windows without the right to make links
}
afterAll(() => rmSync(base, { recursive: true, force: true }));

const csp = contentSecurityPolicy(['ws://127.0.0.1:5555']);
const get = (url: string, method = 'GET') => answerAppRequest({ url, method }, root, csp);

describe('app:// answers', () => {
  it('serves the page with its type, the CSP naming the minutes endpoint, and nosniff', async () => {
    const res = await get('app://bcsl/index.html#/projector');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(csp);
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' ws://127.0.0.1:5555");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('冰城商量');
    expect((await get('app://bcsl/')).status).toBe(200);
  });

  it('gives scripts, styles and images their types', async () => {
    const types = {
      'app://bcsl/assets/index-abc.js': 'text/javascript; charset=utf-8',
      'app://bcsl/assets/index-abc.css': 'text/css; charset=utf-8',
      'app://bcsl/favicon.svg': 'image/svg+xml',
    };
    for (const [url, type] of Object.entries(types)) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toBe(type);
    }
  });

  it('answers nothing outside the folder, however it is asked', async () => {
    for (const url of [
      'app://bcsl/../secret.txt',
      'app://bcsl/%2e%2e/secret.txt',
      'app://bcsl/..%2fsecret.txt',
      'app://bcsl/assets/..%2f..%2fsecret.txt',
      'app://bcsl/..%5csecret.txt',
      `app://bcsl/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://bcsl/../renderer-evil/index.html',
      'app://bcsl/..%2frenderer-evil%2findex.html',
      'app://evil.example/index.html',
      'app://x/%2e%2e/%2e%2e/etc/passwd',
      'app://../',
      'file:///etc/passwd',
      'app://bcsl/assets',
      'app://bcsl/missing.js',
      'app://bcsl/%',
      ...(linked ? ['app://bcsl/assets/link.js'] : []),
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('phone');
    }
  });

  it('answers only GET and HEAD', async () => {
    const head = await get('app://bcsl/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://bcsl/index.html', 'POST')).status).toBe(405);
  });
});
