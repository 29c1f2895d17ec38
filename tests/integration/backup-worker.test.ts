import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generateArchive } from '../../electron/core/generate/archive';
import { api, apiValue, projectRoot, startServe, type Served } from '../e2e/support/serve';
import { median } from '../bench/figures';
import { heldMeeting } from '../support/meetingScenario';
import { dumpDatabase, err, ok, tempCore } from '../support/tempCore';

/**
 * The checks of backup and restore run in a worker thread, found both from the TypeScript sources
 * (vitest, `npm run serve` under tsx) and in the built bundle (out/main/workers/backup.worker.js).
 */
const cores: ReturnType<typeof tempCore>[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.dispose();
});

/** How late app.health answers, every 10 ms from when it was due, while `work` runs. */
async function lateness(c: ReturnType<typeof tempCore>, work: Promise<unknown>) {
  let done = false;
  void work.finally(() => (done = true));
  const late: number[] = [];
  const t0 = performance.now();
  for (let i = 1; !done; i++) {
    const due = t0 + i * 10;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (done) break;
    ok(await c.invoke('app.health', {}));
    late.push(performance.now() - due);
  }
  await work;
  return late;
}

describe('the backup worker thread, from the sources', () => {
  it('checks and restores a 100-meeting archive while calls keep answering', async () => {
    const c = tempCore();
    cores.push(c);
    ok(await c.invoke('app.loadDemo', {}));
    generateArchive(c.ctx, { meetings: 100, minutesChars: 30_000 });
    const backup = ok(await c.invoke('backup.create', {}));

    const duringCheck = await lateness(c, c.invoke('backup.check', {}).then(ok));
    const duringRestore = await lateness(c, c.invoke('backup.restore', { name: backup.name }).then(ok));
    // Calls answered while the work ran (on the main thread they could not have), and promptly: the
    // bench (area stall) measures the p95 on the 1,000-meeting archive; this machine is shared.
    expect(duringCheck.length).toBeGreaterThan(3);
    expect(duringRestore.length).toBeGreaterThan(10);
    expect(median(duringCheck)).toBeLessThan(50);
    expect(median(duringRestore)).toBeLessThan(50);
    expect(ok(await c.invoke('meeting.list', {}))).toHaveLength(100);
  });

  it('tells how far a restore has come, and stops one on request before the current data is touched', async () => {
    const c = tempCore();
    cores.push(c);
    ok(await c.invoke('app.loadDemo', {}));
    generateArchive(c.ctx, { meetings: 60, minutesChars: 20_000 });
    const backup = ok(await c.invoke('backup.create', {}));
    await heldMeeting(c, { title: '备份之后的会议' });
    const before = dumpDatabase(c);
    const files = () => readdirSync(c.dir).sort();
    const present = files();
    expect(ok(await c.invoke('backup.progress', {}))).toEqual({ task: null, step: '', percent: 0, cancellable: false });
    expect(ok(await c.invoke('backup.cancel', {}))).toEqual({ cancelled: false });

    // Seen as a window polls it: steps a person reads, the percentage never going back.
    const seen: { task: string | null; step: string; percent: number; cancellable: boolean }[] = [];
    const restore = c.invoke('backup.restore', { name: backup.name });
    let stopped = false;
    while (!stopped) {
      const p = ok(await c.invoke('backup.progress', {}));
      if (p.task === null) break;
      seen.push(p);
      if (p.step === '正在重建数据' && p.cancellable) stopped = ok(await c.invoke('backup.cancel', {})).cancelled;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(stopped).toBe(true);
    const asked = performance.now();
    expect(err(await restore)).toBe('已取消恢复。当前数据未受影响。');
    // At once: the thread is left to end on its own, nobody waits for it.
    expect(performance.now() - asked).toBeLessThan(500);
    expect(seen[0].task).toBe('正在从备份恢复');
    expect(seen.map((p) => p.percent)).toEqual([...seen.map((p) => p.percent)].sort((a, b) => a - b));
    expect(seen.some((p) => p.step === '正在检查备份' || p.step === '正在复制备份文件')).toBe(true);
    // Nothing changed, nothing left behind: no staged file, no kept copy.
    expect(dumpDatabase(c)).toBe(before);
    expect(files()).toEqual(present);
    expect(ok(await c.invoke('backup.list', {})).backups.map((b) => b.kind)).toEqual(['manual']);

    // The next restore runs to the end in a fresh thread, through the steps that cannot be stopped.
    const next = c.invoke('backup.restore', { name: backup.name });
    let late: { step: string; cancellable: boolean } | undefined;
    for (;;) {
      const p = ok(await c.invoke('backup.progress', {}));
      if (!p.task) break;
      if (p.step === '正在保存当前数据') late = p;
      await new Promise((r) => setTimeout(r, 5));
    }
    ok(await next);
    if (late) expect(late.cancellable).toBe(false);
    expect(ok(await c.invoke('meeting.list', {})).some((m) => m.title === '备份之后的会议')).toBe(false);
  });

  it('refuses a restore while a check reads the file, and a check while a restore runs', async () => {
    const c = tempCore();
    cores.push(c);
    ok(await c.invoke('app.loadDemo', {}));
    const backup = ok(await c.invoke('backup.create', {}));
    const restoring = c.invoke('backup.restore', { name: backup.name });
    while (!c.ctx.slot.task) await new Promise((r) => setImmediate(r));
    expect(err(await c.invoke('backup.check', {}))).toContain('正在从备份恢复');
    ok(await restoring);

    const check = c.invoke('backup.check', {});
    c.ctx.slot.readers++; // a check still reading when the staged copy is ready
    try {
      const restore = await c.invoke('backup.restore', { name: backup.name });
      expect(restore.ok).toBe(false);
      expect(!restore.ok && restore.error.message).toContain('正在检查数据文件');
    } finally {
      c.ctx.slot.readers--;
    }
    expect(ok(await check).ok).toBe(true);
  });
});

describe('the built worker (out/main/workers/backup.worker.js, from npx electron-vite build)', () => {
  it('answers a task', async () => {
    const built = join(projectRoot, 'out', 'main', 'workers', 'backup.worker.js');
    expect(existsSync(built), '先运行 npx electron-vite build（npm test 会先构建）').toBe(true);
    const c = tempCore();
    cores.push(c);
    ok(await c.invoke('app.loadDemo', {}));
    const worker = new Worker(built);
    try {
      const answer = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 1, task: 'integrity', input: { file: c.dataFile } });
      });
      expect(answer).toEqual({ id: 1, ok: true, value: [] });
    } finally {
      await worker.terminate();
    }
  });
});

describe('the worker under the served app (tsx electron/serve/cli.ts)', () => {
  let served: Served | undefined;
  afterAll(() => served?.stop());

  it('checks, backs up and restores over HTTP', async () => {
    served = await startServe({ demo: true });
    // The day's automatic backup, taken at start, comes first (one backup at a time).
    for (let i = 0; i < 200; i++) {
      const { backups } = await apiValue<{ backups: { kind: string }[] }>(served, 'backup.list');
      if (backups.some((b) => b.kind === 'auto')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await apiValue(served, 'backup.check')).toMatchObject({ ok: true, problems: [] });
    const made = await apiValue<{ name: string; readable: boolean }>(served, 'backup.create');
    expect(made.readable).toBe(true);
    expect(await apiValue(served, 'backup.describe', { name: made.name })).toMatchObject({ readable: true });
    const [restored, health] = await Promise.all([
      api(served, 'backup.restore', { name: made.name }),
      api(served, 'app.health'),
    ]);
    expect(restored.ok).toBe(true);
    expect(health.ok).toBe(true);
  });
});
