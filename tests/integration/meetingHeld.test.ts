import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import { dumpDatabase, err, ok, tempCore } from '../support/tempCore';

/** A meeting held on a past date (meeting.markHeld): 进行中 then 已结束 at the times it really happened. */

let core: ReturnType<typeof tempCore>;
beforeEach(async () => {
  // Today is 2026-05-20, 10:00 on this machine's clock.
  core = tempCore({ now: () => new Date(2026, 4, 20, 10, 0) });
  ok(await core.invoke('app.loadDemo', {}));
});
afterEach(() => core.dispose());

const create = async (startsAt = '2026-05-14T09:00') =>
  ok(await core.invoke('meeting.create', { topicId: null, form: '冰城商量', title: '临时协商会', startsAt }));
const markHeld = (input: Input<'meeting.markHeld'>) => core.invoke('meeting.markHeld', input);
const at = (local: string) => new Date(`${local}:00`).toISOString();

describe('补记为已召开', () => {
  it('marks a meeting in preparation as held at past times, the status log showing them', async () => {
    const m = await create();
    const held = ok(await markHeld({ id: m.id, startedAt: '2026-05-14T09:05', endedAt: '2026-05-14T11:40' }));
    expect(held.status).toBe('已结束');
    expect(held.statusLog).toEqual([
      { from: '筹备中', to: '进行中', reason: '', at: at('2026-05-14T09:05') },
      { from: '进行中', to: '已结束', reason: '', at: at('2026-05-14T11:40') },
    ]);
    // From there on it is a meeting like any other ended one.
    expect(ok(await core.invoke('meeting.setStatus', { id: m.id, status: '已归档' })).status).toBe('已归档');
  });

  it('takes a meeting that ended minutes ago', async () => {
    const m = await create('2026-05-20T08:00');
    const held = ok(await markHeld({ id: m.id, startedAt: '2026-05-20T08:00', endedAt: '2026-05-20T10:00' }));
    expect(held.status).toBe('已结束');
  });

  describe('refuses, changing nothing', () => {
    const cases: [string, Partial<Input<'meeting.markHeld'>>, string][] = [
      ['an end before the start', { endedAt: '2026-05-14T09:00' }, '实际结束时间必须晚于开始时间'],
      ['an end equal to the start', { startedAt: '2026-05-14T11:40' }, '实际结束时间必须晚于开始时间'],
      [
        'a start on another day than the meeting’s',
        { startedAt: '2026-05-13T09:00' },
        '实际开始时间须在会议当天（2026-05-14）',
      ],
      ['an end in the future', { endedAt: '2026-05-20T10:01' }, '实际结束时间不能晚于现在'],
      ['a malformed time', { endedAt: '2026-05-14 11:40' }, '“实际结束时间”应为“年-月-日 时:分”'],
    ];
    for (const [what, change, message] of cases)
      it(what, async () => {
        const m = await create();
        const before = dumpDatabase(core);
        const r = await markHeld({ id: m.id, startedAt: '2026-05-14T09:05', endedAt: '2026-05-14T11:40', ...change });
        expect(err(r)).toContain(message);
        expect(dumpDatabase(core)).toBe(before);
      });

    it('a start in the future', async () => {
      const m = await create('2026-05-21T09:00');
      const before = dumpDatabase(core);
      expect(err(await markHeld({ id: m.id, startedAt: '2026-05-21T09:00', endedAt: '2026-05-21T10:00' }))).toBe(
        '实际开始时间不能晚于现在',
      );
      expect(dumpDatabase(core)).toBe(before);
    });

    it('a meeting already running, ended or archived, and an unknown one', async () => {
      const m = await create();
      ok(await core.invoke('meeting.setStatus', { id: m.id, status: '进行中' }));
      const before = dumpDatabase(core);
      const times = { startedAt: '2026-05-14T09:05', endedAt: '2026-05-14T11:40' };
      expect(err(await markHeld({ id: m.id, ...times }))).toBe(
        '会议“临时协商会”当前为“进行中”，只有筹备中的会议可以补记为已召开',
      );
      expect(err(await markHeld({ id: 9999, ...times }))).toBe('未找到编号为 9999 的会议');
      expect(dumpDatabase(core)).toBe(before);
    });
  });
});
