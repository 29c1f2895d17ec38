import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core';
import { generateArchive } from '../../../electron/core/generate/archive';
import { type Area, type Figure, percentile, round } from '../figures';
import { ok } from '../../support/tempCore';
import { stallDuringImport } from './stallImport';

const MEETINGS = 1000;
const CHARS = 30_000;
/** A cheap call every 10 ms, as a window polling the countdown would make. */
const EVERY_MS = 10;

interface Stall {
  p95: number;
  samples: number;
  workMs: number;
}

/**
 * How late a cheap call (app.health) answers while `work` runs, each measured from the moment it
 * was due (a main thread blocked for 500 ms makes every call due meanwhile late, not just one).
 */
async function stallDuring(core: Core, work: () => Promise<unknown>): Promise<Stall> {
  const late: number[] = [];
  let done = false;
  const w0 = performance.now();
  const running = work().finally(() => (done = true));
  for (let i = 1; !done; i++) {
    const due = w0 + i * EVERY_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (done) break;
    ok(await core.invoke('app.health', {}));
    late.push(performance.now() - due);
  }
  await running;
  return { p95: percentile(late, 95), samples: late.length, workMs: performance.now() - w0 };
}

/** backup.check (integrity_check of the whole archive) while the app answers. */
async function checkStall(core: Core): Promise<Stall> {
  return stallDuring(core, async () => {
    if (!ok(await core.invoke('backup.check', {})).ok) throw new Error('档案数据文件检查未通过');
  });
}

/** A restore of the archive's own backup (copied, checked, the current file kept, swapped in) while the app answers. */
async function restoreStall(core: Core): Promise<Stall> {
  const backup = ok(await core.invoke('backup.create', {}));
  return stallDuring(core, async () => ok(await core.invoke('backup.restore', { name: backup.name })));
}

/**
 * Heavy work runs off the main thread: a cheap call stays prompt while the 1,000-meeting archive
 * is checked and restored. (The spreadsheet import's figure belongs to this area too, measured in
 * its own function.)
 */
export const stallArea: Area = {
  name: 'stall',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'bcsl-bench-stall-'));
    const core = createCore({ dataDir: dir });
    try {
      ok(await core.invoke('app.loadDemo', {}));
      generateArchive(core.ctx, { meetings: MEETINGS, minutesChars: CHARS });
      ok(await core.invoke('backup.check', {})); // starts the worker thread once, as the app's first check does
      const check = await checkStall(core);
      const restore = await restoreStall(core);
      return [
        // The import in a core of its own: its roster file and its worker.
        ...(await stallDuringImport()),
        {
          key: 'stall.during_check_p95_ms',
          label: `完整性检查 ${MEETINGS} 次会议的档案（${round(check.workMs / 1000)} s）期间，app.health 的延迟 p95（${check.samples} 次）`,
          value: round(check.p95),
          unit: 'ms',
          bar: { max: 50 },
        },
        {
          key: 'stall.during_restore_p95_ms',
          label: `从备份恢复该档案（${round(restore.workMs / 1000)} s）期间，app.health 的延迟 p95（${restore.samples} 次）`,
          value: round(restore.p95),
          unit: 'ms',
          bar: { max: 50 },
        },
        { key: 'stall.check_ms', label: '档案完整性检查用时', value: Math.round(check.workMs), unit: 'ms' },
        { key: 'stall.restore_ms', label: '档案恢复用时', value: Math.round(restore.workMs), unit: 'ms' },
      ];
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
