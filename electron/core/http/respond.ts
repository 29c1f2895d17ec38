import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { importLimits, maxImportBase64, megabytes } from '../../../shared/domain/importLimits';
import { CONTENT_SECURITY_POLICY } from '../security';

/** What serve and the room's listener (会场互联) answer alike: JSON, bounded bodies, the built pages, change events. */

/** The largest call is an import of the largest file allowed, base64 in JSON: that and some room. */
export const MAX_BODY = maxImportBase64 + 1024 * 1024;

/**
 * Past the bound a body is still read (and dropped) up to this many times the bound (at most
 * 512 MB), so the answer reaches the page: a server that stops reading resets the connection and
 * the page sees no answer at all.
 */
const drainLimit = (max: number) => Math.min(max * 16, 512 * 1024 * 1024);

/** A body over the bound, with how big it was: answered 413 in Chinese. */
export class BodyTooLarge extends Error {
  constructor(
    readonly size: number,
    readonly max: number,
  ) {
    super('request body too large');
  }

  get message413() {
    return `请求内容过大（${megabytes(this.size)}），最多 ${megabytes(this.max)}。导入的文件最多 ${megabytes(importLimits.bytes)}`;
  }
}

/** The 413 answer for a body over the bound; `Connection: close` as the rest of it is not wanted. */
export function sendTooLarge(res: ServerResponse, e: BodyTooLarge): void {
  res.setHeader('connection', 'close');
  sendJson(res, 413, { ok: false, error: { code: 'bad_input', message: e.message413 } });
}

/** A percent-decoded path, or null for a malformed one (`/%`): answered 400, not a thrown URIError. */
export function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

export function sendBadAddress(res: ServerResponse): void {
  sendJson(res, 400, { ok: false, error: { code: 'bad_input', message: '地址无效：含有不完整的百分号编码' } });
}

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

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

export const refusal = (message: string) => ({ ok: false, error: { code: 'refused', message } });

/**
 * The request's body as text; beyond `max` bytes it rejects with BodyTooLarge once the body has
 * been read to its end (dropped, not kept), so the 413 can be sent before the connection closes.
 */
export function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string> {
  const drain = drainLimit(max);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
      else if (chunks.length) chunks.length = 0;
      if (size > drain) {
        reject(new BodyTooLarge(size, max));
        req.destroy();
      }
    });
    req.on('end', () =>
      size > max ? reject(new BodyTooLarge(size, max)) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

/** A file of the built renderer, never one outside it. */
export function serveStatic(res: ServerResponse, staticDir: string, pathname: string): void {
  const decoded = decodePath(pathname === '/' ? '/index.html' : pathname);
  if (decoded === null) return sendBadAddress(res);
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
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

/** Server-sent change events: one stream per open page, a ping to keep it through idle proxies. */
export class EventStreams {
  private readonly streams = new Set<ServerResponse>();

  open(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n: connected\n\n');
    this.streams.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      this.streams.delete(res);
    });
  }

  send(event: unknown): void {
    const frame = `event: change\ndata: ${JSON.stringify(event)}\n\n`;
    for (const res of this.streams) res.write(frame);
  }

  /** Every stream ends (its page's tokens stopped working). */
  closeAll(): void {
    for (const res of this.streams) res.end();
    this.streams.clear();
  }

  get size(): number {
    return this.streams.size;
  }
}
