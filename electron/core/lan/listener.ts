import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isPrivateIPv4 } from './addresses';

export interface Listener {
  servers: Server[];
  port: number;
  addresses: string[];
  /** The Host header names one of the addresses bound, on our port (no DNS rebinding). */
  hostOk(host: string): boolean;
  close(): Promise<void>;
}

/**
 * One HTTP server per address given, all on the same port. Only private addresses and, for tests,
 * loopback ones (127.0.0.2 … stand in for the laptop's network): never a public one, never all.
 */
export async function listenOn(
  addresses: readonly string[],
  port: number,
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Listener> {
  const usable = addresses.filter((a) => isPrivateIPv4(a) || (a.startsWith('127.') && a !== '127.0.0.1'));
  if (!usable.length) throw new Error('本机没有可用的局域网地址：请先连接会场的无线网络，或打开本机的移动热点');
  const servers: Server[] = [];
  let bound = port;
  try {
    for (const address of usable) {
      const server = createServer(handle);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(bound, address, () => {
          const a = server.address();
          bound = typeof a === 'object' && a ? a.port : bound;
          resolve();
        });
      });
      servers.push(server);
    }
  } catch (e) {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    const code = (e as { code?: string }).code;
    throw new Error(
      code === 'EADDRINUSE' ? `端口 ${bound} 已被其他程序占用` : `无法在局域网地址上监听：${code ?? String(e)}`,
      { cause: e },
    );
  }
  const hosts = new Set(usable.map((a) => `${a}:${bound}`));
  return {
    servers,
    port: bound,
    addresses: usable,
    hostOk: (host) => hosts.has(host),
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      ).then(() => undefined),
  };
}
