import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { MinutesEndpoint } from '../../shared/bridge';
import type { Core } from '../core';
import { attachMinutesSocket } from '../core/minutesSync/socket';
import { sameSecret } from '../core/security';

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
    authorise: (t) => (sameSecret(t, token) ? { readOnly: false } : null),
    busy: () => core.ctx.slot.replacing,
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
