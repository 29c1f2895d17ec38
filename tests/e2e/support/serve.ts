import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

import type { ScenarioHost } from '../../support/meetingScenario';
import { socketUrl, writeMinutesOverSocket } from '../../support/minutesClient';

/** The project root: tests/e2e/support → ../../.. */
export const projectRoot = resolve(import.meta.dirname, '../../..');
const bin = join(projectRoot, 'node_modules', '.bin');

export interface Served {
  /** The address printed by the CLI, with ?token=… (open this in a tab). */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  token: string;
  dataDir: string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or a power cut ends it: no handler runs. Resolves once it is gone. */
  crash(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

/**
 * Servers not yet stopped. A test that throws before its afterAll, or a vitest worker that is
 * ended (it gets SIGTERM at the end of a run), must not leave a server, in its own process
 * group, and its temp dir behind.
 */
const running = new Map<ChildProcess, string | null>();

function stopAllNow(): void {
  for (const [child, dir] of running) {
    signal(child, 'SIGTERM');
    if (dir === null) continue;
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  }
  running.clear();
}

const ENDING_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
function onEndingSignal(sig: NodeJS.Signals): void {
  stopAllNow();
  unwatch();
  process.kill(process.pid, sig); // now with the default behaviour (or whoever else listens)
}
function watch(): void {
  if (running.size !== 1) return;
  process.on('exit', stopAllNow);
  for (const sig of ENDING_SIGNALS) process.on(sig, onEndingSignal);
}
function unwatch(): void {
  process.off('exit', stopAllNow);
  for (const sig of ENDING_SIGNALS) process.off(sig, onEndingSignal);
}
function track(child: ChildProcess, dir: string | null): void {
  running.set(child, dir);
  watch();
  child.once('exit', () => {
    running.delete(child);
    if (running.size === 0) unwatch();
  });
}

/**
 * Starts the serve CLI (tsx electron/serve/cli.ts) on a random port with a fresh temporary data
 * directory, and resolves once it prints the address to open. Needs the renderer already built
 * (the npm scripts build before running vitest).
 */
export async function startServe({
  demo = false,
  dataDir: reuse,
  port = 0,
  token: sameToken,
  lanAddress = '127.0.0.2',
  generate = 0,
}: {
  /** Meetings of a made-up archive (--generate), for work that takes long enough to watch. */
  generate?: number;
  /** Where 会场互联 listens when turned on. */
  lanAddress?: string;
  demo?: boolean;
  dataDir?: string;
  /** A fixed port and token: a restart under the same address, so open tabs reconnect by themselves. */
  port?: number;
  token?: string;
} = {}): Promise<Served> {
  if (!existsSync(join(projectRoot, 'out', 'renderer', 'index.html'))) {
    throw new Error('找不到 out/renderer/index.html：run npm run build first（先运行 npm run build 再跑端到端测试）');
  }
  // A given folder is the caller's (a restart after a crash): it is neither tracked nor removed.
  const dataDir = reuse ?? (await mkdtemp(join(tmpdir(), 'bcsl-e2e-')));
  // 会场互联 on a loopback stand-in for the laptop's network, never on this machine's own LAN.
  const args = [join(projectRoot, 'electron', 'serve', 'cli.ts'), '--data', dataDir, '--port', String(port)];
  args.push('--lan-address', lanAddress, '--lan-port', '0');
  if (demo) args.push('--demo');
  if (generate) args.push('--generate', String(generate));

  // Its own process group, so stop() also ends the node process tsx starts under it.
  const child = spawn(join(bin, 'tsx'), args, {
    cwd: projectRoot,
    env: {
      ...process.env,
      PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
      ...(sameToken ? { BCSL_SERVE_TOKEN: sameToken } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  let stdout = '';
  let stderr = '';
  track(child, reuse ? null : dataDir);
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (s: string) => (stderr += s));

  const removeDir = () => (reuse ? Promise.resolve() : rm(dataDir, { recursive: true, force: true, maxRetries: 3 }));

  let url: string;
  let token: string;
  try {
    url = await new Promise<string>((resolveUrl, reject) => {
      const fail = (why: string) => {
        clearTimeout(timer);
        reject(new Error(`serve 未能启动：${why}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`));
      };
      const timer = setTimeout(() => fail(`${START_TIMEOUT_MS / 1000} 秒内没有打印访问地址`), START_TIMEOUT_MS);
      child.stdout!.on('data', (s: string) => {
        stdout += s;
        const m = /在浏览器中打开：(http:\/\/\S+)/.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolveUrl(m[1]);
        }
      });
      child.once('error', (e) => fail(e.message));
      child.once('exit', (code, signal) => fail(`进程提前退出（code ${code}, signal ${signal}）`));
    });
    token = new URL(url).searchParams.get('token') ?? '';
    if (!token) throw new Error(`访问地址中没有 token：${url}`);
  } catch (e) {
    await kill(child);
    await removeDir();
    throw e;
  }
  // Keep draining so a chatty server never blocks on a full pipe.
  child.stdout!.on('data', () => {});

  let stopped: Promise<void> | undefined;
  return {
    url,
    origin: new URL(url).origin,
    token,
    dataDir,
    stop: () => (stopped ??= kill(child).then(removeDir)),
    crash: () =>
      (stopped ??= new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        signal(child, 'SIGKILL');
      })),
  };
}

function signal(child: ChildProcess, sig: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform !== 'win32') process.kill(-child.pid, sig);
    else child.kill(sig);
  } catch {
    // already gone
  }
}

/** SIGTERM, then SIGKILL if it is still running after a grace period. */
function kill(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((done) => {
    const timer = setTimeout(() => signal(child, 'SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      // tsx relays the signal to its node child; make sure nothing of the group lingers.
      signal(child, 'SIGKILL');
      done();
    });
    signal(child, 'SIGTERM');
  });
}

/** Calls the serve API the way the browser does; returns the raw { ok, value | error } answer. */
export async function api<T = unknown>(served: Pick<Served, 'origin' | 'token'>, name: string, input: unknown = {}) {
  // Bounded below the test's own timeout, so a call that never answers is named in the failure.
  const res = await fetch(`${served.origin}/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bcsl-token': served.token },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(60_000),
  }).catch((e: unknown) => {
    throw new Error(`${name}：服务没有应答（${(e as Error).message}）`);
  });
  return (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
}

/** Like api(), but returns the value and throws on { ok: false }. */
export async function apiValue<T = unknown>(
  served: Pick<Served, 'origin' | 'token'>,
  name: string,
  input: unknown = {},
): Promise<T> {
  const r = await api<T>(served, name, input);
  if (!r.ok) throw new Error(`${name} 失败：${r.error.code} ${r.error.message}`);
  return r.value;
}

/** A served app as a scenario's host: its API, and its minutes socket for the minutes. */
export function servedHost(served: Pick<Served, 'origin' | 'token'>): ScenarioHost {
  return {
    invoke: ((name: string, input: unknown) => api(served, name, input)) as ScenarioHost['invoke'],
    writeMinutes: (meetingId, doc) => writeServedMinutes(served, meetingId, doc),
  };
}

/** Replaces a meeting's minutes through the served app's socket, as a tab would. */
export async function writeServedMinutes(served: Pick<Served, 'origin' | 'token'>, meetingId: number, doc: string) {
  const { docKey } = await apiValue<{ docKey: string }>(served, 'minutes.get', { meetingId });
  await writeMinutesOverSocket(socketUrl(served.origin, served.token, meetingId, docKey), doc);
}

/** Headless Chromium from the system (or CHROMIUM_PATH); never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`找不到 Chromium：${executablePath}（设置 CHROMIUM_PATH 指向 Chromium 可执行文件）`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--lang=zh-CN',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Where screenshots for humans go: test-results/screens/<name>.png. */
export function screenPath(name: string): string {
  const dir = join(projectRoot, 'test-results', 'screens');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}

export const WAIT = 5_000;

/** A fresh context (own sessionStorage) with one tab on `hash`, opened with the token URL. */
export async function openAppIn(
  browser: Browser,
  served: Served,
  hash: string,
  /** Set-up of the context before its page opens (an init script). */
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(10_000);
  await prepare?.(context);
  const page = await context.newPage();
  await page.goto(`${served.url}#${hash}`);
  return { context, page };
}

export const visible = (locator: Locator, timeout = WAIT) => locator.waitFor({ state: 'visible', timeout });
export const hidden = (locator: Locator, timeout = WAIT) => locator.waitFor({ state: 'hidden', timeout });
