import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core';
import { startServer } from '../../electron/serve/server';

export interface ServedCore {
  core: Core;
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** Stops the server and the core, and removes `dir`. */
  stop(): void;
}

/** A core on a real SQLite file in `dir`/data, behind serve's HTTP server in this process (a one-page stand-in renderer). */
export async function serveCoreIn(dir: string, token: string): Promise<ServedCore> {
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>冰城商量</title>');
  const core = createCore({ dataDir: join(dir, 'data'), validateOutput: true });
  const started = await startServer({ core, token, staticDir, port: 0 });
  return {
    core,
    origin: `http://127.0.0.1:${started.port}`,
    port: started.port,
    stop() {
      started.server.close();
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
