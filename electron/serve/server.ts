import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { Core } from '../core';
import { CONTENT_SECURITY_POLICY } from '../core/security';
import { attachMinutesSocket } from '../core/minutesSync/socket';

export interface ServeOptions {
  core: Core;
  token: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
}

const MAX_BODY = 16 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/**
 * The core's router over HTTP for a browser: POST /api/<call> answers the router's JSON,
 * GET /api/events streams change events (server-sent events). Bound to 127.0.0.1 only; every
 * API request must carry the per-run token, and the Host header must be ours (no DNS rebinding).
 */
export function startServer({
  core,
  token,
  staticDir,
  port = 0,
}: ServeOptions): Promise<{ server: Server; url: string; port: number }> {
  const streams = new Set<ServerResponse>();
  const unsubscribe = core.events.subscribe((event) => {
    const frame = `event: change\ndata: ${JSON.stringify(event)}\n\n`;
    for (const res of streams) res.write(frame);
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error('请求处理失败', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: '服务内部错误' } });
      else res.end();
    });
  });

  let boundPort = port;
  const hostOk = (host: string) => host === `127.0.0.1:${boundPort}` || host === `localhost:${boundPort}`;
  // The shared minutes: the same token and Host checks, over WebSocket (GET /sync/minutes/<id>).
  attachMinutesSocket(server, {
    docs: core.minutesDocs,
    hostOk,
    authorised: (t) => authorised(t),
    busy: () => core.ctx.slot.task,
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const host = req.headers.host ?? '';
    if (!hostOk(host)) {
      res.writeHead(403).end('forbidden host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/api/events') return openStream(req, res, url);
    if (url.pathname.startsWith('/api/')) return callApi(req, res, url.pathname.slice('/api/'.length));
    return serveStatic(res, url.pathname);
  }

  function authorised(value: string | null | undefined): boolean {
    if (!value) return false;
    const a = Buffer.from(value);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  function openStream(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (!authorised(url.searchParams.get('token'))) return sendJson(res, 401, unauthorised());
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n: connected\n\n');
    streams.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      streams.delete(res);
    });
  }

  async function callApi(req: IncomingMessage, res: ServerResponse, name: string) {
    if (req.method !== 'POST')
      return sendJson(res, 405, { ok: false, error: { code: 'bad_input', message: '只接受 POST 请求' } });
    if (!authorised(req.headers['x-bcsl-token'] as string | undefined)) return sendJson(res, 401, unauthorised());
    let body: string;
    try {
      body = await readBody(req);
    } catch {
      return sendJson(res, 413, { ok: false, error: { code: 'bad_input', message: '请求内容过大（上限 16 MB）' } });
    }
    let input: unknown;
    try {
      input = body ? JSON.parse(body) : {};
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'bad_input', message: '请求内容不是有效的 JSON' } });
    }
    sendJson(res, 200, await core.call(decodeURIComponent(name), input));
  }

  function serveStatic(res: ServerResponse, pathname: string) {
    const rel = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^([/\\])+/, '');
    const file = join(staticDir, rel);
    if (!file.startsWith(staticDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    createReadStream(file).pipe(res);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      boundPort = typeof addr === 'object' && addr ? addr.port : port;
      server.on('close', unsubscribe);
      resolve({ server, port: boundPort, url: `http://127.0.0.1:${boundPort}/?token=${token}` });
    });
  });
}

function unauthorised() {
  return { ok: false, error: { code: 'refused', message: '缺少或错误的访问令牌，请使用启动时显示的完整地址打开' } };
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
