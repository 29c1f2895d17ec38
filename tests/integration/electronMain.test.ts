import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/bridge';
import { contract } from '../../shared/contract';

/**
 * The built main process (out/main/index.js) started against a stand-in of Electron's API: no
 * Electron binary can run here, so this records what the glue asks of Electron — the scheme
 * registered before 'ready', app:// served from out/renderer, permissions refused, the window
 * loading app://, navigation and IPC from strangers refused — and answers as Electron would.
 */

const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const log: string[] = [];
  let ready!: () => void;
  const whenReady = new Promise<void>((r) => (ready = r));
  const appEvents = new EventEmitter();
  const windows: FakeWindow[] = [];
  class FakeContents extends EventEmitter {
    openHandler?: (d: { url: string }) => { action: string };
    loaded: string[] = [];
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      this.openHandler = h;
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    send() {}
    isCrashed() {
      return false;
    }
  }
  class FakeWindow extends EventEmitter {
    webContents = new FakeContents();
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      // Electron emits this for every web contents it makes.
      appEvents.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      return this.webContents.loadURL(url);
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    isFullScreen() {
      return false;
    }
    isMaximized() {
      return false;
    }
    getBounds() {
      return { x: 0, y: 0, width: 1440, height: 900 };
    }
    maximize() {}
    show() {}
    focus() {}
    static fromWebContents(c: unknown) {
      return windows.find((w) => w.webContents === c) ?? null;
    }
    static getAllWindows() {
      return windows;
    }
  }
  const state = {
    userData: '',
    /** What the next open or save dialog answers: the path the user picked, or null for 取消. */
    dialogAnswer: null as string | null,
    isPackaged: true,
    handlers: new Map<string, (...args: unknown[]) => unknown>(),
    protocolHandler: undefined as undefined | ((r: Request) => Promise<Response>),
    permissionCheck: undefined as undefined | ((...a: unknown[]) => boolean),
    permissionRequest: undefined as undefined | ((...a: unknown[]) => void),
    devicePermission: undefined as undefined | ((...a: unknown[]) => boolean),
    headers: undefined as undefined | ((d: unknown, cb: (r: unknown) => void) => void),
    opened: [] as string[],
    schemes: undefined as unknown,
  };
  const display = {
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 0, width: 1920, height: 1080 },
  };
  const module = {
    app: {
      requestSingleInstanceLock: () => true,
      whenReady: () => whenReady.then(() => log.push('ready')),
      on: (name: string, fn: (...a: unknown[]) => void) => appEvents.on(name, fn),
      getPath: () => state.userData,
      getVersion: () => '0.0.0-test',
      get isPackaged() {
        return state.isPackaged;
      },
      quit: () => log.push('quit'),
      exit: () => log.push('exit'),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => {
        log.push('registerSchemesAsPrivileged');
        state.schemes = schemes;
      },
      handle: (scheme: string, fn: (r: Request) => Promise<Response>) => {
        log.push(`handle:${scheme}`);
        state.protocolHandler = fn;
      },
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: typeof state.headers) => (state.headers = fn) },
        setPermissionCheckHandler: (fn: typeof state.permissionCheck) => (state.permissionCheck = fn),
        setPermissionRequestHandler: (fn: typeof state.permissionRequest) => (state.permissionRequest = fn),
        setDevicePermissionHandler: (fn: typeof state.devicePermission) => (state.devicePermission = fn),
      },
    },
    shell: { openExternal: (url: string) => (state.opened.push(url), Promise.resolve()) },
    ipcMain: {
      handle: (channel: string, fn: (...a: unknown[]) => unknown) => state.handlers.set(channel, fn),
      on: () => undefined,
      off: () => undefined,
    },
    BrowserWindow: FakeWindow,
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
    dialog: {
      showErrorBox: (...a: unknown[]) => log.push(`error:${String(a[1])}`),
      showOpenDialog: async () => ({ canceled: !state.dialogAnswer, filePaths: [state.dialogAnswer ?? ''] }),
      showSaveDialog: async () => ({ canceled: !state.dialogAnswer, filePath: state.dialogAnswer ?? '' }),
    },
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
  };
  return { module, state, log, ready: () => ready(), windows, appEvents, FakeContents };
});

vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

const root = resolve(import.meta.dirname, '../..');
const built = join(root, 'out', 'main', 'index.js');
const hasBuild = existsSync(built) && existsSync(join(root, 'out', 'renderer', 'index.html'));
if (!hasBuild) console.warn('electronMain 测试已跳过：先运行 npx electron-vite build');

describe.skipIf(!hasBuild)('the built main process, against a stand-in of Electron', () => {
  const { state, log, windows } = electron;
  const before = process.env.ELECTRON_RENDERER_URL;
  let copy = '';

  beforeAll(async () => {
    state.userData = mkdtempSync(join(tmpdir(), 'bcsl-main-'));
    // A packaged app told to load a dev server: it must not.
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    // A copy: start.test's `npm start` rebuilds out/main meanwhile. Inside the project, so that its
    // imports still find node_modules, and as out/ lays it out (main beside renderer).
    mkdirSync(join(root, 'test-results'), { recursive: true });
    copy = mkdtempSync(join(root, 'test-results', 'electron-main-'));
    cpSync(join(root, 'out', 'main'), join(copy, 'main'), { recursive: true });
    cpSync(join(root, 'out', 'renderer'), join(copy, 'renderer'), { recursive: true });
    await import(/* @vite-ignore */ join(copy, 'main', 'index.js'));
    expect(log).toEqual(['registerSchemesAsPrivileged']); // before 'ready', as Electron requires
    electron.ready();
    await vi.waitFor(() => expect(windows.length).toBe(1), { timeout: 20_000 });
  });

  afterAll(() => {
    electron.appEvents.emit('will-quit');
    if (before === undefined) delete process.env.ELECTRON_RENDERER_URL;
    else process.env.ELECTRON_RENDERER_URL = before;
    rmSync(state.userData, { recursive: true, force: true });
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('registers app:// as a standard, secure scheme, not CORS-readable nor bypassing CSP', () => {
    expect(state.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  it('loads the console from app://, not the dev server named in the environment', () => {
    expect(windows[0].webContents.loaded).toEqual(['app://bcsl/index.html#/']);
    expect(windows[0].options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('serves out/renderer over app:// with the CSP naming the minutes endpoint, and nothing beside it', async () => {
    const page = await state.protocolHandler!(new Request('app://bcsl/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
    const html = await page.text();
    expect(html).not.toContain('http-equiv'); // the header is the policy: a meta copy would block the endpoint
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1];
    const js = await state.protocolHandler!(new Request(`app://bcsl/${script}`));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const url of [
      'app://bcsl/..%2fmain%2findex.js',
      'app://bcsl/../main/index.js',
      'app://x/%2e%2e/%2e%2e/etc/passwd',
    ])
      expect((await state.protocolHandler!(new Request(url))).status, url).toBe(404);
  });

  it('refuses every permission, checked or requested', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'fullscreen',
    ])
      expect(state.permissionCheck!(null, p, 'app://bcsl', {})).toBe(false);
    const answers: boolean[] = [];
    state.permissionRequest!(null, 'media', (granted: boolean) => answers.push(granted), {});
    expect(answers).toEqual([false]);
    expect(state.devicePermission!({})).toBe(false);
  });

  it('keeps every web contents on the app’s page and opens nothing outside', () => {
    const contents = windows[0].webContents;
    const attempt = (event: string, url: string) => {
      const e = { url, preventDefault: vi.fn() };
      contents.emit(event, e, url);
      return e.preventDefault.mock.calls.length > 0;
    };
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of [
        'file:///etc/passwd',
        'https://evil.example/',
        'http://localhost:5173/',
        'app://evil/index.html',
      ])
        expect(attempt(event, url), `${event} ${url}`).toBe(true);
      expect(attempt(event, 'app://bcsl/index.html#/projector'), event).toBe(false);
    }
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)'])
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual([]);
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('answers the core only to its own window showing app://', async () => {
    const call = state.handlers.get(CHANNELS.call)!;
    const ours = windows[0].webContents;
    const from = (sender: unknown, url: string) => ({ sender, senderFrame: { url } });
    const status = (await call(from(ours, 'app://bcsl/index.html#/'), 'app.status', {})) as { ok: boolean };
    expect(status.ok).toBe(true);
    for (const [sender, url] of [
      [ours, 'file:///tmp/x/renderer/index.html'],
      [ours, 'http://localhost:5173/'],
      [ours, 'app://evil/index.html'],
      [new electron.FakeContents(), 'app://bcsl/index.html'],
    ] as const) {
      const r = (await call(from(sender, url), 'app.status', {})) as { ok: boolean; error?: { code: string } };
      expect(r, url).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
    expect(await state.handlers.get(CHANNELS.minutesEndpoint)!(from(ours, 'file:///x/renderer/index.html'))).toBeNull();
  });

  it('keeps a dialog’s path in the main process: the page gets a handle to open, the written backup to save', async () => {
    const ours = windows[0].webContents;
    const from = (sender: unknown) => ({ sender, senderFrame: { url: 'app://bcsl/index.html#/backup' } });
    const call = state.handlers.get(CHANNELS.call)!;
    const choose = state.handlers.get(CHANNELS.chooseBackupFile)!;
    const saveAs = state.handlers.get(CHANNELS.saveBackupAs)!;

    state.dialogAnswer = join(state.userData, '同事的备份');
    const saved = (await saveAs(from(ours), '冰城商量-备份.db')) as { ok: boolean; value: { path: string } };
    expect(saved).toMatchObject({ ok: true, value: { path: `${state.dialogAnswer}.db`, readable: true } });

    state.dialogAnswer = `${state.dialogAnswer}.db`;
    const picked = (await choose(from(ours))) as { ok: boolean; value: Record<string, string> };
    expect(Object.keys(picked.value).sort()).toEqual(['handle', 'name']);
    expect(picked.value.name).toBe('同事的备份.db');
    expect(JSON.stringify(picked)).not.toContain(state.userData); // no path reaches the page
    const described = await call(from(ours), 'backup.describe', { handle: picked.value.handle });
    expect(described).toMatchObject({ ok: true, value: { readable: true, name: '同事的备份.db' } });

    state.dialogAnswer = null; // 取消
    expect(await choose(from(ours))).toEqual({ ok: true, value: null });
    expect(await saveAs(from(ours), 'x.db')).toEqual({ ok: true, value: null });
    // A stranger gets nothing, and is not even shown a dialog.
    state.dialogAnswer = join(state.userData, '不该写的.db');
    const stranger = new electron.FakeContents();
    expect(await saveAs(from(stranger), 'x.db')).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await choose(from(stranger))).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(existsSync(state.dialogAnswer)).toBe(false);
  });

  it('saves a 会议包 where the save dialog says, written by main from the packages folder', async () => {
    const ours = windows[0].webContents;
    const from = (sender: unknown) => ({ sender, senderFrame: { url: 'app://bcsl/index.html#/meetings' } });
    const call = state.handlers.get(CHANNELS.call)! as (...a: unknown[]) => Promise<{ ok: boolean; value: never }>;
    const meeting = await call(from(ours), 'meeting.create', contract['meeting.create'].example);
    const made = await call(from(ours), 'package.export', { meetingIds: [(meeting.value as { id: number }).id] });
    const { name } = made.value as { name: string };
    state.dialogAnswer = join(state.userData, '带回办公室');
    const saved = await state.handlers.get(CHANNELS.savePackageAs)!(from(ours), name);
    expect(saved).toEqual({ ok: true, value: `${state.dialogAnswer}.db` });
    expect(readFileSync(`${state.dialogAnswer}.db`).equals(readFileSync(join(state.userData, 'packages', name)))).toBe(
      true,
    );
    // Only a package of the folder, by its plain name: a path from the page finds nothing.
    state.dialogAnswer = join(state.userData, '另一份.db');
    expect(await state.handlers.get(CHANNELS.savePackageAs)!(from(ours), '../bcsl.db')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(existsSync(state.dialogAnswer)).toBe(false);
  });
});
