import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { MAX_BODY } from '../../electron/core/http/respond';
import { startServer } from '../../electron/serve/server';

let core: Core;
let base: string;
let port: number;
let close: () => void;
const token = 'test-token-123';
const dir = mkdtempSync(join(tmpdir(), 'bcsl-serve-'));

beforeAll(async () => {
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>冰城商量</title>');
  core = createCore({ dataDir: join(dir, 'data') });
  const started = await startServer({ core, token, staticDir, port: 0 });
  port = started.port;
  base = `http://127.0.0.1:${port}`;
  close = () => started.server.close();
});
afterAll(() => {
  close();
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (name: string, body: string, headers: Record<string, string> = { 'x-bcsl-token': token }) =>
  fetch(`${base}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('serve', () => {
  it('prints a URL on 127.0.0.1 with the token and serves the page with a CSP', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${base}/../../etc/passwd`)).status).toBe(404);
  });

  it('answers calls with the token and refuses them without it, in Chinese', async () => {
    const good = await (await post('app.status', '{}')).json();
    expect(good.ok).toBe(true);
    const noToken = await post('app.status', '{}', {});
    expect(noToken.status).toBe(401);
    expect((await noToken.json()).error.message).toContain('访问令牌');
    const wrong = await post('app.status', '{}', { 'x-bcsl-token': 'guess' });
    expect(wrong.status).toBe(401);
  });

  it('refuses malformed JSON and wrong methods with Chinese messages', async () => {
    expect((await (await post('person.list', '{oops')).json()).error.message).toBe('请求内容不是有效的 JSON');
    const get = await fetch(`${base}/api/person.list`, { headers: { 'x-bcsl-token': token } });
    expect(get.status).toBe(405);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/app.status',
          method: 'POST',
          headers: { host: 'evil.example:80', 'x-bcsl-token': token },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('streams change events to subscribers that hold the token', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events?token=${token}`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const received = (async () => {
      let text = '';
      while (!text.includes('event: change')) text += new TextDecoder().decode((await reader.read()).value);
      return text;
    })();
    await post('unit.save', JSON.stringify({ kind: 'sector', name: '民进' }));
    const text = await received;
    expect(text).toContain('"topics":["directory"]');
    controller.abort();
    expect((await fetch(`${base}/api/events?token=nope`)).status).toBe(401);
  });

  it('answers an over-size body with 413 and a Chinese message before the connection closes', async () => {
    const res = await post('person.import', 'x'.repeat(MAX_BODY + 1024));
    expect(res.status).toBe(413);
    const answer = await res.json();
    expect(answer.error.message).toMatch(/^请求内容过大（\d+(\.\d)? MB），最多 \d+(\.\d)? MB。导入的文件最多 30 MB$/);
    // The server is still there for the next call.
    expect((await (await post('app.status', '{}')).json()).ok).toBe(true);
  });

  it('answers a malformed address (/%) with 400 and logs no stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const path of ['/%', '/%E4%B8', '/assets/%zz.js']) {
        const res = await fetch(`${base}${path}`);
        expect(res.status, path).toBe(400);
        expect((await res.json()).error.message).toContain('地址无效');
      }
      const api = await post('%', '{}');
      expect(api.status).toBe(400);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
