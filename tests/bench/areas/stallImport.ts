import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../electron/core';
import { rosterWithPhotos } from '../../support/rosterWithPhotos';
import { type Figure, percentile, round } from '../figures';

/** How often the cheap call is made while the import runs. */
const EVERY_MS = 5;

/**
 * A cheap call (app.health) made every 5 ms while a 600-row roster of 20 MB (a photo per person)
 * is imported, in the core's own thread as the desktop app runs it. Each call's wait is counted
 * from when it was due, so a main thread held up between calls shows as well as a slow answer.
 */
export async function stallDuringImport(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bcsl-bench-stall-'));
  const core = createCore({ dataDir: dir });
  try {
    const file = await rosterWithPhotos(600);
    const dataBase64 = file.toString('base64');
    let finished = Infinity;
    const started = performance.now();
    const importing = core.invoke('person.import', { fileName: '带照片的名单.xlsx', dataBase64 }).finally(() => {
      finished = performance.now();
    });
    const waits: number[] = [];
    let due = performance.now();
    // Every call due before the import finished counts, also one answered after it (held up by its last step).
    while (due < finished) {
      const answer = await core.invoke('app.health', {});
      if (!answer.ok) throw new Error(`app.health 失败：${answer.error.message}`);
      waits.push(performance.now() - due);
      // Due when the pause should end: a timer held up by the main thread counts as waiting.
      const paused = performance.now();
      await new Promise((r) => setTimeout(r, EVERY_MS));
      due = paused + EVERY_MS;
    }
    const imported = await importing;
    const importMs = performance.now() - started;
    if (!imported.ok || imported.value.imported !== 600)
      throw new Error(`导入失败：${JSON.stringify(imported).slice(0, 200)}`);
    return [
      {
        key: 'stall.during_import_p95_ms',
        label: `导入 ${(file.length / 1024 / 1024).toFixed(1)} MB、600 人的名单时 app.health 的等待，p95（${waits.length} 次）`,
        value: round(percentile(waits, 95)),
        unit: 'ms',
        bar: { max: 50 },
      },
      {
        key: 'stall.during_import_max_ms',
        label: '同上，最长一次（写入 600 人的事务在主线程）',
        value: round(Math.max(...waits)),
        unit: 'ms',
      },
      { key: 'stall.import_20mb_ms', label: '导入该名单的总用时', value: round(importMs), unit: 'ms' },
    ];
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
