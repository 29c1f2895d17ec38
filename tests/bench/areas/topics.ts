import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core';
import { type Area, type Figure, median, round, timeMany } from '../figures';
import { ok } from '../../support/tempCore';

/** Five years of an office's topics (1,000), 60 of them decided this year. */
async function fill(core: Core, committeeId: number): Promise<number[]> {
  const active: number[] = [];
  for (let year = 2022; year <= 2026; year++) {
    const lines = Array.from(
      { length: 200 },
      (_, i) => `${year}年第${i + 1}号议题：关于改进城市管理和民生服务的建议`,
    ).join('\n');
    const made = ok(
      await core.invoke('topic.createMany', {
        lines,
        source: '微言要议',
        receivedOn: `${year}-01-05`,
        field: '城市管理',
      }),
    );
    if (year === 2026) active.push(...made.map((t) => t.id));
  }
  for (const [i, id] of active.slice(0, 60).entries()) {
    ok(
      await core.invoke('topic.update', {
        id,
        committeeId,
        narrowedTitle: `小切口议题 ${i + 1}`,
        rank: i + 1,
        planMonth: (i % 12) + 1,
        meetingForm: '冰城商量',
        leadCommitteeId: committeeId,
      }),
    );
    for (let step = 1; step <= 6; step++)
      ok(
        await core.invoke('topic.decide', {
          topicId: id,
          decision: '通过',
          step,
          decidedOn: '2026-02-01',
          body: '会议',
        }),
      );
  }
  return active.slice(60);
}

/** The board, a decision with its history replayed by the reducer, and the plan's Word export. */
export const topicsArea: Area = {
  name: 'topics',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'bcsl-bench-'));
    const core = createCore({ dataDir: dir });
    try {
      const committeeId = ok(await core.invoke('unit.save', { kind: 'committee', name: '社会和法制委员会' })).id;
      const open = await fill(core, committeeId);
      const list = await timeMany(30, () => core.invoke('topic.list', {}));
      const decide = await timeMany(
        100,
        (i) =>
          core.invoke('topic.decide', {
            topicId: open[i],
            decision: '通过',
            step: 1,
            decidedOn: '2026-02-02',
            body: '办公室',
          }),
        0,
      );
      const exportMs = await timeMany(5, async () => ok(await core.invoke('plan.exportDocx', { year: 2026 })), 1);
      return [
        {
          key: 'topics.list_1000_median_ms',
          label: '议题看板读出 1000 个议题，中位数',
          value: round(median(list)),
          unit: 'ms',
        },
        {
          key: 'topics.decide_median_ms',
          label: '对一个议题作出决定（含历史重放），中位数',
          value: round(median(decide)),
          unit: 'ms',
        },
        {
          key: 'topics.plan_export_ms',
          label: '导出 60 个议题的年度协商计划（Word），中位数',
          value: round(median(exportMs)),
          unit: 'ms',
        },
      ];
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
