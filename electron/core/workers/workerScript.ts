import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Where a worker entry (`electron/core/workers/<name>.worker.ts`) lives at run time. Built, this
 * module is inside out/main/index.js and the entry was bundled beside it as
 * out/main/workers/<name>.worker.js (electron.vite.config.ts). From the sources (vitest, tsx),
 * the thread runs the .ts file with tsx's loader, which a worker does not inherit under vitest.
 */
export function workerScript(name: string): { file: string; execArgv?: string[] } {
  if (!import.meta.url.endsWith('.ts')) return { file: join(here, 'workers', `${name}.worker.js`) };
  const hasTsx = process.execArgv.some((a) => a.includes('tsx'));
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return {
    file: join(here, `${name}.worker.ts`),
    execArgv: hasTsx ? undefined : [...process.execArgv, '--import', loader],
  };
}
