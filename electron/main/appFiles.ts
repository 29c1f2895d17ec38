import { readFile, realpath, stat } from 'node:fs/promises';
import { relative, isAbsolute } from 'node:path';
import { contentType, resolveAppFile } from './trust';

/**
 * The answer to one app:// request (protocol.handle's handler; plain Node, so tests call it): a
 * file of the built renderer with its type and the Content-Security-Policy, or 404. Only GET and
 * HEAD; nothing outside the folder, also not through a link inside it.
 */
export async function answerAppRequest(
  request: { url: string; method: string },
  rendererRoot: string,
  csp: string,
): Promise<Response> {
  const plain = (status: number, text: string) =>
    new Response(text, {
      status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    });
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, '不支持的请求');
  const file = resolveAppFile(request.url, rendererRoot);
  if (!file) return plain(404, '未找到');
  try {
    const [real, root] = await Promise.all([realpath(file), realpath(rendererRoot)]);
    const inside = relative(root, real);
    if (!inside || inside.startsWith('..') || isAbsolute(inside) || !(await stat(real)).isFile())
      return plain(404, '未找到');
    const body = request.method === 'HEAD' ? null : await readFile(real);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': contentType(real),
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  } catch {
    return plain(404, '未找到');
  }
}
