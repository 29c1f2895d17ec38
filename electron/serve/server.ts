import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Core } from '../core';
import {
  BodyTooLarge,
  decodePath,
  EventStreams,
  readBody,
  sendBadAddress,
  sendJson,
  sendTooLarge,
  serveStatic,
} from '../core/http/respond';
import {
  DOWNLOAD_PREFIX,
  PACKAGE_PREFIX,
  receiveUpload,
  sendBackupFile,
  sendPackageFile,
  UPLOAD_PATH,
} from '../core/http/backupFiles';
import { attachMinutesSocket } from '../core/minutesSync/socket';
import { sameSecret } from '../core/security';

export interface ServeOptions {
  core: Core;
  token: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
}

/**
 * The core's router over HTTP for a browser: POST /api/<call> answers the router's JSON,
 * GET /api/events streams change events (server-sent events), backups go up and down under /files/. Bound to 127.0.0.1 only; every
 * API request must carry the per-run token, and the Host header must be ours (no DNS rebinding).
 */
export function startServer({
  core,
  token,
  staticDir,
  port = 0,
}: ServeOptions): Promise<{ server: Server; url: string; port: number }> {
  const streams = new EventStreams();
  const unsubscribe = core.events.subscribe((event) => streams.send(event));

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
    authorise: (t) => (authorised(t) ? { readOnly: false } : null),
    busy: () => core.ctx.slot.replacing,
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const host = req.headers.host ?? '';
    if (!hostOk(host)) {
      res.writeHead(403).end('forbidden host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/api/events') return openStream(req, res, url);
    if (url.pathname === UPLOAD_PATH) return upload(req, res);
    if (url.pathname.startsWith(DOWNLOAD_PREFIX)) return download(res, url, DOWNLOAD_PREFIX, sendBackupFile);
    if (url.pathname.startsWith(PACKAGE_PREFIX)) return download(res, url, PACKAGE_PREFIX, sendPackageFile);
    if (url.pathname.startsWith('/api/')) return callApi(req, res, url.pathname.slice('/api/'.length));
    return serveStatic(res, staticDir, url.pathname);
  }

  const authorised = (value: string | null | undefined) => sameSecret(value, token);

  function openStream(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (!authorised(url.searchParams.get('token'))) return sendJson(res, 401, unauthorised());
    streams.open(req, res);
  }

  async function upload(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST')
      return sendJson(res, 405, { ok: false, error: { code: 'bad_input', message: '只接受 POST 请求' } });
    if (!authorised(req.headers['x-bcsl-token'] as string | undefined)) return sendJson(res, 401, unauthorised());
    await receiveUpload(core.ctx, req, res);
  }

  // A link the page follows to save the file: the token comes in the address, as for the event stream.
  function download(res: ServerResponse, url: URL, prefix: string, send: typeof sendBackupFile) {
    if (!authorised(url.searchParams.get('token'))) return sendJson(res, 401, unauthorised());
    send(core.ctx, res, url.pathname.slice(prefix.length));
  }

  async function callApi(req: IncomingMessage, res: ServerResponse, name: string) {
    if (req.method !== 'POST')
      return sendJson(res, 405, { ok: false, error: { code: 'bad_input', message: '只接受 POST 请求' } });
    if (!authorised(req.headers['x-bcsl-token'] as string | undefined)) return sendJson(res, 401, unauthorised());
    const call = decodePath(name);
    if (call === null) return sendBadAddress(res);
    let body: string;
    try {
      body = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLarge) return sendTooLarge(res, e);
      throw e;
    }
    let input: unknown;
    try {
      input = body ? JSON.parse(body) : {};
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'bad_input', message: '请求内容不是有效的 JSON' } });
    }
    sendJson(res, 200, await core.call(call, input));
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
