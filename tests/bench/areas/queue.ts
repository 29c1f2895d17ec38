import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../electron/core';
import { type Area, type Figure, median, round, timeMany } from '../figures';
import { syntheticRoster } from '../roster';
import { ok } from '../../support/tempCore';

/** The speaker queue of a long meeting: 200 entries, every call answering the whole queue. */
export const queueArea: Area = {
  name: 'queue',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'bcsl-bench-'));
    const core = createCore({ dataDir: dir });
    try {
      const people: number[] = [];
      for (const p of syntheticRoster(260))
        people.push(ok(await core.invoke('person.save', { name: p.name, kind: '群众代表', unit: p.unit })).id);
      const meetingId = ok(
        await core.invoke('meeting.create', {
          topicId: null,
          form: '冰城商量',
          title: '基准测试会议',
          startsAt: '2026-05-14T09:00',
          useTemplate: true,
        }),
      ).id;
      let ids: number[] = [];
      for (const personId of people.slice(0, 200))
        ids = ok(await core.invoke('queue.add', { meetingId, personId, kind: '群众评议' })).entries.map((e) => e.id);

      // Adds to a queue of 200 and more; then 80 speakers take the floor and leave it.
      const add = await timeMany(
        60,
        (i) => core.invoke('queue.add', { meetingId, personId: people[200 + i], kind: '群众评议' }),
        0,
      );
      const start: number[] = [];
      const end: number[] = [];
      const timed = async (into: number[], call: () => Promise<unknown>) => {
        const t0 = performance.now();
        await call();
        into.push(performance.now() - t0);
      };
      for (const id of ids.slice(0, 80)) {
        await timed(start, () => core.invoke('queue.start', { id }));
        await timed(end, () => core.invoke('queue.end', { id }));
      }
      // Reorder among the 180 still waiting, each move to a scattered new place.
      const waiting = ids.slice(80);
      const move = await timeMany(100, (i) =>
        core.invoke('queue.move', { id: waiting[(i * 37) % waiting.length], toIndex: (i * 53) % waiting.length }),
      );
      // Mistakes taken back: a start undone at once, an absent speaker skipped to the end.
      const undo: number[] = [];
      const skip: number[] = [];
      for (const id of waiting.slice(0, 50)) {
        await core.invoke('queue.start', { id });
        await timed(undo, () => core.invoke('queue.undoStart', { id }));
        await timed(skip, () => core.invoke('queue.skip', { id }));
      }

      const bar = { max: 2 };
      return [
        {
          key: 'queue.add_median_ms',
          label: '加入发言队列（队列 200 人），中位数',
          value: round(median(add)),
          unit: 'ms',
          bar,
        },
        {
          key: 'queue.start_median_ms',
          label: '开始发言（队列 200 人），中位数',
          value: round(median(start)),
          unit: 'ms',
          bar,
        },
        {
          key: 'queue.end_median_ms',
          label: '结束发言（队列 200 人），中位数',
          value: round(median(end)),
          unit: 'ms',
          bar,
        },
        {
          key: 'queue.reorder_median_ms',
          label: '调整等待顺序（队列 200 人），中位数',
          value: round(median(move)),
          unit: 'ms',
          bar,
        },
        {
          key: 'queue.undo_start_median_ms',
          label: '撤销刚开始的发言（队列 200 人），中位数',
          value: round(median(undo)),
          unit: 'ms',
          bar,
        },
        {
          key: 'queue.skip_median_ms',
          label: '跳过未到的发言人（队列 200 人），中位数',
          value: round(median(skip)),
          unit: 'ms',
          bar,
        },
      ];
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
