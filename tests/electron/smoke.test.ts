import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Starts the built desktop app (out/main/index.js) in a real Electron and checks the window, the
 * preload bridge and that the page has no Node. Skipped, with a warning, where no Electron
 * executable is installed (the npm package downloads it lazily, and some machines cannot).
 */

const root = resolve(import.meta.dirname, '../..');

/** The executable's path inside an Electron dist folder, as the electron package names it. */
function binaryName(packageDir: string | undefined): string {
  const pathFile = packageDir && join(packageDir, 'path.txt');
  if (pathFile && existsSync(pathFile)) return readFileSync(pathFile, 'utf8').trim();
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/**
 * ELECTRON_OVERRIDE_DIST_PATH, else the file require('electron') names. The package's index.js
 * is not executed: in this version it starts a download when the binary is missing, so the same
 * path (node_modules/electron/dist/<path.txt>) is worked out here without side effects.
 */
function findElectron(): string | undefined {
  let packageDir: string | undefined;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    packageDir = undefined;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidates = [
    override && join(override, binaryName(packageDir)),
    override && join(override, 'electron'),
    packageDir && existsSync(join(packageDir, 'path.txt')) && join(packageDir, 'dist', binaryName(packageDir)),
  ];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

const binary = findElectron();
if (!binary) {
  console.warn(
    'Electron 冒烟测试已跳过：本机没有 Electron 可执行文件（设置 ELECTRON_OVERRIDE_DIST_PATH 或在可下载 Electron 的机器上安装）',
  );
}

describe.skipIf(!binary)('桌面版冒烟测试（Electron）', () => {
  let app: ElectronApplication;
  let win: Page;
  let userData: string;

  beforeAll(async () => {
    const main = join(root, 'out', 'main', 'index.js');
    if (!existsSync(main)) throw new Error('找不到 out/main/index.js：run npm run build first（先运行 npm run build）');
    userData = await realpath(await mkdtemp(join(tmpdir(), 'bcsl-electron-')));
    const args = [main, `--user-data-dir=${userData}`];
    // Chromium refuses to start as root with its sandbox on (containers, CI).
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    const env = { ...process.env } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    delete env.ELECTRON_RENDERER_URL; // the built page, not a dev server
    app = await _electron.launch({ executablePath: binary!, args, cwd: root, env, timeout: 60_000 });
    win = await app.firstWindow({ timeout: 60_000 });
    await win.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (userData) await rm(userData, { recursive: true, force: true, maxRetries: 3 });
  });

  it('主窗口标题为“冰城商量”', async () => {
    await expect.poll(() => win.title(), { timeout: 15_000 }).toBe('冰城商量');
    const dir = join(root, 'test-results', 'screens');
    mkdirSync(dir, { recursive: true });
    await win.screenshot({ path: join(dir, 'electron-console.png') });
  });

  it('页面只有 window.bcsl 桥，没有 Node（contextIsolation，无 nodeIntegration）', async () => {
    const seen = await win.evaluate(() => {
      const w = window as unknown as {
        bcsl?: { invoke?: unknown; onEvent?: unknown };
        require?: unknown;
        process?: unknown;
        module?: unknown;
      };
      return {
        bcsl: typeof w.bcsl,
        invoke: typeof w.bcsl?.invoke,
        onEvent: typeof w.bcsl?.onEvent,
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        // A global `process` would not show on window in every setup; ask the global scope too.
        processGlobal: typeof (globalThis as { process?: unknown }).process,
      };
    });
    expect(seen).toEqual({
      bcsl: 'object',
      invoke: 'function',
      onEvent: 'function',
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      processGlobal: 'undefined',
    });
  });

  it('通过桥调用 app.status：ok，数据版本 ≥ 1，数据文件在临时用户目录中', async () => {
    const result = await win.evaluate(() =>
      (window as unknown as { bcsl: { invoke(name: string, input: unknown): Promise<unknown> } }).bcsl.invoke(
        'app.status',
        {},
      ),
    );
    expect(result).toMatchObject({ ok: true });
    const value = (result as { value: { schemaVersion: number; dataFile: string; firstRun: boolean } }).value;
    expect(value.schemaVersion).toBeGreaterThanOrEqual(1);
    // The app honoured --user-data-dir: it did not touch the real profile.
    expect(value.dataFile.startsWith(userData)).toBe(true);
    expect(value.firstRun).toBe(true);
  });
});
