import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

// No Content-Security-Policy meta tag: every answer carrying the page has the policy as a header
// (app:// in Electron, serve and 会场互联 over HTTP). A meta copy could not name the desktop app's
// minutes endpoint, whose port is chosen at each start, and would block it.

/**
 * Each worker thread's entry (electron/core/workers/<name>.worker.ts) is bundled beside the main
 * process as out/main/workers/<name>.worker.js, where workerScript.ts looks for it.
 */
const workerEntries = Object.fromEntries(
  readdirSync(resolve(root, 'electron/core/workers'))
    .filter((f) => f.endsWith('.worker.ts'))
    .map((f) => [`workers/${f.replace(/\.ts$/, '')}`, resolve(root, 'electron/core/workers', f)]),
);

export default defineConfig({
  main: {
    build: {
      lib: {
        entry: {
          index: resolve(root, 'electron/main/index.ts'),
          ...workerEntries,
        },
      },
      outDir: resolve(root, 'out/main'),
      // better-sqlite3 is a native addon and must stay outside the bundle.
      externalizeDeps: true,
    },
  },
  preload: {
    build: {
      lib: { entry: resolve(root, 'electron/preload/index.ts') },
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot be an ES module: emit one CommonJS file.
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
