import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { MinutesEndpoint } from '../../shared/bridge';
import type { Core } from '../core';
import { attachMinutesSocket } from '../core/minutesSync/socket';

/**
 * The desktop app's windows reach the shared minutes over a WebSocket on loopback, with a token
 * only the main process hands out (to its own windows, over IPC): the same sync code, checks and
 * tests as serve's. Nothing but the upgrade is answered.
 */
export function startMinutesEndpoint(core: Core): Promise<{ endpoint: MinutesEndpoint; server: Server }> {
  const token = randomBytes(24).toString('base64url');
  const server = createServer((_req, res) => res.writeHead(404).end());
  let port = 0;
  attachMinutesSocket(server, {
    docs: core.minutesDocs,
    hostOk: (host) => host === `127.0.0.1:${port}`,
    authorised: (t) => {
      if (!t) return false;
      const a = Buffer.from(t);
      const b = Buffer.from(token);
      return a.length === b.length && timingSafeEqual(a, b);
    },
    busy: () => core.ctx.slot.task,
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({ endpoint: { origin: `ws://127.0.0.1:${port}`, token }, server });
    });
  });
}
