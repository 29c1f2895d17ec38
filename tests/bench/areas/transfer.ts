import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core';
import { generateArchive } from '../../../electron/core/generate/archive';
import { type Area, type Figure, median, round } from '../figures';
import { heldMeeting } from '../../support/meetingScenario';
import { ok } from '../../support/tempCore';

const MEETINGS = 1000;
const CHARS = 30_000;
const EXPORTS = 5;

/** An installation with a directory of its own and an archive of 1,000 meetings. */
async function installation(dir: string): Promise<Core> {
  const core = createCore({ dataDir: dir });
  ok(await core.invoke('app.loadDemo', {}));
  generateArchive(core.ctx, { meetings: MEETINGS, minutesChars: CHARS });
  return core;
}

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const value = await work();
  return [value, performance.now() - t0];
};

/**
 * 会议包 between two installations, each with its own 1,000-meeting archive and its own directory
 * (the same names, other identities: the secretary merges every name match): the reference meeting
 * (60,000 characters of minutes, 40 speeches, 30 resolutions) exported on A and merged into B.
 */
export const transferArea: Area = {
  name: 'transfer',
  async run(): Promise<Figure[]> {
    const dirA = mkdtempSync(join(tmpdir(), 'bcsl-bench-transfer-a-'));
    const dirB = mkdtempSync(join(tmpdir(), 'bcsl-bench-transfer-b-'));
    const a = await installation(dirA);
    const b = await installation(dirB);
    try {
      const { meetingId } = await heldMeeting(a, {
        title: '基准会议：中央大街景区公厕布局、指引和冬季运行',
        speeches: 40,
        minutesChars: 60_000,
        resolutions: 30,
      });
      // The first export also makes what the installation keeps of it (its identity, the document): one warm-up.
      ok(await a.invoke('package.export', { meetingIds: [meetingId] }));
      const exportTimes: number[] = [];
      let name = '';
      let bytes = 0;
      for (let i = 0; i < EXPORTS; i++) {
        const [out, ms] = await timed(async () => ok(await a.invoke('package.export', { meetingIds: [meetingId] })));
        exportTimes.push(ms);
        ({ name, bytes } = out);
      }

      const handle = b.files.choose(join(dirA, 'packages', name)).handle;
      const [preview, previewMs] = await timed(async () => ok(await b.invoke('package.preview', { handle })));
      const people = preview.people
        .filter((p) => p.match === 'name')
        .map((p) => ({ uid: p.uid, action: 'merge' as const, intoId: p.candidates[0].id }));
      const [, importMs] = await timed(async () => ok(await b.invoke('package.import', { handle, people })));
      // The same package again: everything found identical, nothing written.
      const [, againMs] = await timed(async () => ok(await b.invoke('package.import', { handle, people: [] })));
      const meetings = ok(await b.invoke('meeting.list', {})).length;
      if (meetings !== MEETINGS + 1) throw new Error(`导入后 B 有 ${meetings} 次会议，应为 ${MEETINGS + 1}`);

      const size = `${round(bytes / 1024 / 1024)} MB`;
      return [
        {
          key: 'transfer.export_ms',
          label: `在 ${MEETINGS} 次会议的档案中导出基准会议的会议包（${size}），${EXPORTS} 次的中位数`,
          value: Math.round(median(exportTimes)),
          unit: 'ms',
          bar: { max: 2000 },
        },
        {
          key: 'transfer.import_ms',
          label: `把该会议包导入另一个 ${MEETINGS} 次会议的档案（合并 ${people.length} 位同名同单位人员），一次`,
          value: Math.round(importMs),
          unit: 'ms',
          bar: { max: 2000 },
        },
        { key: 'transfer.preview_ms', label: '导入前的预览', value: Math.round(previewMs), unit: 'ms' },
        {
          key: 'transfer.import_again_ms',
          label: '再次导入同一个包（无任何改动）',
          value: Math.round(againMs),
          unit: 'ms',
        },
      ];
    } finally {
      a.close();
      b.close();
      rmSync(dirA, { recursive: true, force: true });
      rmSync(dirB, { recursive: true, force: true });
    }
  },
};
