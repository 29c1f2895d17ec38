import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm start` as a user runs it: scripts/ensure-electron.mjs finds or fetches Electron's binary,
 * then electron-vite builds main and preload, starts the renderer's dev server and launches the
 * binary. Electron itself is a stand-in shell script here; the offline case only ever talks to a
 * closed port on 127.0.0.1.
 */

const root = resolve(import.meta.dirname, '../..');
const electronDir = join(root, 'node_modules', 'electron');
const pathFile = join(electronDir, 'path.txt');
const defaultName = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
const binaryName = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : defaultName;
const electronInstalled = existsSync(pathFile) && existsSync(join(electronDir, 'dist', binaryName));
const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version as string;

const temp = mkdtempSync(join(tmpdir(), 'bcsl-start-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The environment without any Electron or electron-vite setting of the machine running the tests. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^electron_|^npm_(config|package_config)_electron/i.test(key)) continue;
    env[key] = value;
  }
  // npm's update check would reach the registry.
  return { ...env, npm_config_update_notifier: 'false', ...extra };
}

/**
 * Runs `npm start` in its own process group and kills the whole group at the end, whatever is
 * still running (the renderer's dev server, a stuck download). Resolves by the deadline at the
 * latest, before vitest's own timeout, so the finally block always runs.
 */
async function npmStart(env: NodeJS.ProcessEnv, deadlineMs: number): Promise<{ code: number | null; output: string }> {
  const child = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    const code = await new Promise<number | null>((done) => {
      const timer = setTimeout(() => done(null), deadlineMs);
      child.on('close', (c) => {
        clearTimeout(timer);
        done(c);
      });
    });
    return { code, output };
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // The group has already gone.
    }
  }
}

/** A port on 127.0.0.1 that nothing listens on: connecting is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe.skipIf(process.platform === 'win32')('npm start', () => {
  it(
    'runs the Electron named by ELECTRON_OVERRIDE_DIST_PATH on the fresh build, with the dev server',
    { timeout: 150_000 },
    async () => {
      const dist = join(temp, 'stand-in');
      const executable = join(dist, binaryName);
      const record = join(temp, 'record.txt');
      mkdirSync(dirname(executable), { recursive: true });
      // Records where and how electron-vite started it, then quits as Electron would when closed.
      writeFileSync(
        executable,
        `#!/bin/sh\n{ printf 'cwd=%s\\n' "$PWD"; printf 'url=%s\\n' "$ELECTRON_RENDERER_URL"; for a in "$@"; do printf 'arg=%s\\n' "$a"; done; } > '${record}.part'\nmv '${record}.part' '${record}'\nexit 0\n`,
      );
      chmodSync(executable, 0o755);

      const renderer = join(root, 'out', 'renderer', 'index.html');
      const rendererBefore = existsSync(renderer) ? readFileSync(renderer, 'utf8') : undefined;
      const started = Date.now();

      const { code, output } = await npmStart(cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist }), 120_000);

      expect(existsSync(record), output).toBe(true);
      const lines = readFileSync(record, 'utf8').trim().split('\n');
      const field = (name: string) =>
        lines.filter((l) => l.startsWith(`${name}=`)).map((l) => l.slice(name.length + 1));
      // electron-vite starts Electron with "." in the project folder: Electron then loads package.json's main.
      expect(realpathSync(field('cwd')[0])).toBe(realpathSync(root));
      expect(field('arg')).toEqual(['.']);
      expect(field('url')[0]).toMatch(/^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+$/);
      // electron-vite exits with Electron's exit code, and so does the launcher.
      expect(code, output).toBe(0);
      expect(output).not.toContain('Electron uninstall');

      const main = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main;
      expect(main).toBe('out/main/index.js');
      expect(statSync(join(root, main)).mtimeMs).toBeGreaterThanOrEqual(started - 2_000);
      expect(existsSync(join(root, 'out', 'preload', 'index.cjs'))).toBe(true);
      // Dev mode serves the renderer from Vite and leaves the built page (used by serve and e2e) alone.
      if (rendererBefore !== undefined) expect(readFileSync(renderer, 'utf8')).toBe(rendererBefore);
    },
  );

  it('refuses an ELECTRON_OVERRIDE_DIST_PATH without the executable at once, with no download', async () => {
    const empty = join(temp, 'empty-override');
    mkdirSync(empty);
    // Port 9 is one fetch refuses outright: were a download tried after all, it would fail, not leave a dist.
    const { code, output } = await npmStart(
      cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: empty, ELECTRON_MIRROR: 'http://127.0.0.1:9/' }),
      30_000,
    );
    expect(code, output).not.toBe(0);
    expect(output).toContain(`ELECTRON_OVERRIDE_DIST_PATH 指定的 Electron 运行文件不存在：${join(empty, binaryName)}`);
    expect(output).not.toContain('正在下载');
    expect(output).toContain('npm run serve -- --demo');
    expect(output).not.toMatch(/^\s+at /m);
  });

  if (electronInstalled) {
    console.warn('npm start 离线测试已跳过：node_modules/electron/dist 中已有 Electron，启动脚本不会再下载');
  }
  it.skipIf(electronInstalled)(
    'without a binary or a network, says in Chinese what failed and both ways forward',
    async () => {
      const port = await closedPort();
      const mirror = `http://127.0.0.1:${port}/`;
      const cache = join(temp, 'empty-cache');
      mkdirSync(cache);
      const started = Date.now();
      // The npm_config_ spelling wins over ELECTRON_MIRROR in @electron/get, so both point at the closed port.
      const { code, output } = await npmStart(
        cleanEnv({ ELECTRON_MIRROR: mirror, npm_config_electron_mirror: mirror, electron_config_cache: cache }),
        45_000,
      );

      expect(code, output).not.toBe(0);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(output).toContain(`正在下载 Electron ${version} 运行文件（约 100 MB，仅首次启动需要）…`);
      expect(output).toContain(`无法启动：Electron ${version} 运行文件下载失败。`);
      expect(output).toContain(`下载地址：${mirror}v${version}/electron-v${version}-`);
      expect(output).toMatch(/原因：.*ECONNREFUSED/);
      expect(output).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start');
      expect(output).toContain('ELECTRON_OVERRIDE_DIST_PATH=<electron 可执行文件所在的文件夹> npm start');
      expect(output).toContain(
        `electron-v${version}-${process.platform}-${process.arch}.zip 解压到 node_modules/electron/dist`,
      );
      expect(output).toContain('npm run serve -- --demo');
      expect(output).not.toMatch(/^\s+at /m);
      expect(output).not.toContain('Electron uninstall');
      // Nothing was unpacked or cached.
      expect(existsSync(pathFile)).toBe(false);
      expect(readdirSync(cache)).toEqual([]);
    },
  );
});
