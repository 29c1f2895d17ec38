import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../electron/core';
import { documentKinds } from '../../../shared/contract/resolutions';
import { heldMeeting } from '../../support/meetingScenario';
import { type Area, type Figure, median, round } from '../figures';

/** Builds a meeting of the given size and returns the median time to export all three documents. */
async function exportAll(scale: number): Promise<{ ms: number; chars: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bcsl-bench-'));
  const core = createCore({ dataDir: dir });
  try {
    const loaded = await core.invoke('app.loadDemo', {});
    if (!loaded.ok) throw new Error(loaded.error.message);
    const s = await heldMeeting(core, {
      speeches: 40 * scale,
      minutesChars: 60_000 * scale,
      resolutions: 30 * scale,
    });
    const state = await core.invoke('minutes.get', { meetingId: s.meetingId });
    const chars = state.ok ? state.value.chars : 0;
    const once = async () => {
      const t0 = performance.now();
      for (const kind of documentKinds) {
        const r = await core.invoke('document.export', { meetingId: s.meetingId, kind });
        if (!r.ok) throw new Error(r.error.message);
      }
      return performance.now() - t0;
    };
    await once(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push(await once());
    return { ms: median(times), chars };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The three documents of the reference meeting (60,000 characters, 40 speeches, 30 resolutions), and of one twice its size. */
export const exportArea: Area = {
  name: 'export',
  async run(): Promise<Figure[]> {
    const one = await exportAll(1);
    const two = await exportAll(2);
    return [
      {
        key: 'export.reference_ms',
        label: `导出三份文件（${(one.chars / 10_000).toFixed(1)} 万字记录、40 次发言、30 条协商意见），中位数`,
        value: round(one.ms),
        unit: 'ms',
        bar: { max: 1000 },
      },
      { key: 'export.double_ms', label: '同上，会议规模加倍', value: round(two.ms), unit: 'ms' },
      {
        key: 'export.double_ratio',
        label: '规模加倍与参考会议之比',
        value: round(two.ms / one.ms),
        unit: 'x',
        bar: { max: 2.2 },
      },
    ];
  },
};
