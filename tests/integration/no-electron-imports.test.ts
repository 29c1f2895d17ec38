import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/bridge';

const root = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

// The core must run in plain Node (serve, tests, bench); the renderer and shared code run in a
// sandboxed page. Only electron/main and electron/preload may import Electron.
describe('layering', () => {
  for (const dir of ['electron/core', 'electron/serve', 'shared', 'renderer/src']) {
    it(`nothing under ${dir} imports electron`, () => {
      const files = sources(join(root, dir));
      expect(files.length).toBeGreaterThan(0);
      const offenders = files.filter((f) =>
        /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]electron(?:\/[^'"]*)?['"]/.test(readFileSync(f, 'utf8')),
      );
      expect(offenders.map((f) => relative(root, f))).toEqual([]);
    });
  }

  it('IPC channel names are written only in shared/bridge', () => {
    const offenders = ['electron', 'renderer/src']
      .flatMap((dir) => sources(join(root, dir)))
      .filter((f) => /['"`]bcsl:/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
    const names = Object.values(CHANNELS);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^bcsl:[a-z-]+$/);
  });

  it('the renderer does not reach into the core or Node', () => {
    const offenders = sources(join(root, 'renderer/src')).filter((f) =>
      /from\s+['"](?:node:|better-sqlite3|\.\.\/.*electron\/core)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
