import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where a worker entry (`electron/core/workers/<name>.worker.ts`) lives at run time. Built, this
 * module is inside out/main/index.js and the entry was bundled beside it as
 * out/main/workers/<name>.worker.js (electron.vite.config.ts). From the sources (vitest, tsx),
 * the thread runs the .ts file with tsx's loader, which a worker does not inherit under vitest.
 */
export function workerScript(name: string): { file: string; execArgv?: string[] } {
  return workerScriptAt(import.meta.url, name);
}

/** The same decision for a module at `moduleUrl`: a pure function, so the built case can be tested. */
export function workerScriptAt(moduleUrl: string, name: string): { file: string; execArgv?: string[] } {
  const here = dirname(fileURLToPath(moduleUrl));
  if (!moduleUrl.endsWith('.ts')) return { file: join(here, 'workers', `${name}.worker.js`) };
  const hasTsx = process.execArgv.some((a) => a.includes('tsx'));
  const loader = pathToFileURL(createRequire(moduleUrl).resolve('tsx')).href;
  return {
    file: join(here, `${name}.worker.ts`),
    execArgv: hasTsx ? undefined : [...process.execArgv, '--import', loader],
  };
}
