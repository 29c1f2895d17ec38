import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/core/security';

const root = import.meta.dirname;

/**
 * Electron loads the built page from file://, where no response header applies: the policy goes
 * into a meta tag as well (frame-ancestors is header-only). Dev keeps Vite's inline preamble working.
 */
function contentSecurityPolicy(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'bcsl-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}

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
      lib: { entry: { index: resolve(root, 'electron/main/index.ts'), ...workerEntries } },
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
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
