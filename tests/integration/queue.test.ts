import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Speech } from '../../shared/contract/meetings';
import { elapsedMs } from '../../shared/domain/speechTimer';
import { dumpDatabase, err, ok, tempCore } from '../support/tempCore';

let core: ReturnType<typeof tempCore>;
let clock = 0;
let meetingId: number;
const ids: Record<string, number> = {};

beforeEach(async () => {
  clock = Date.parse('2026-05-14T01:00:00Z');
  core = tempCore({ now: () => new Date(clock) });
  ok(await core.invoke('app.loadDemo', {}));
  meetingId = ok(
    await core.invoke('meeting.create', {
      topicId: null,
      form: '冰城商量',
      title: '队列测试',
      startsAt: '2026-05-14T09:00',
      useTemplate: true,
    }),
  ).id;
  for (const p of ok(await core.invoke('person.list', {}))) ids[p.name] = p.id;
});
afterEach(() => core.dispose());

const tick = (seconds: number) => (clock += seconds * 1000);
const add = async (name: string, kind: Speech['kind']) =>
  ok(await core.invoke('queue.add', { meetingId, personId: ids[name], kind }));
const queue = async () => ok(await core.invoke('queue.get', { meetingId })).entries;
const names = (entries: Speech[]) => entries.map((e) => e.name);
const byName = (entries: Speech[], name: string) => entries.find((e) => e.name === name)!;
const invariant = (entries: Speech[]) => {
  expect(entries.map((e) => e.position)).toEqual(entries.map((_, i) => i + 1));
  expect(entries.filter((e) => e.state === '发言中' || e.state === '暂停').length).toBeLessThanOrEqual(1);
};

async function sixSpeakers() {
  await add('林静', '预约发言');
  await add('谢婷', '即席发言');
  await add('赵宏伟', '情况通报');
  await add('黄振华', '专家点评');
  await add('冯桂芝', '群众评议');
  return add('钱文斌', '部门回应');
}

describe('the speaker queue', () => {
  it('adds speakers of six kinds with the limits from settings, and makes them participants', async () => {
    const entries = (await sixSpeakers()).entries;
    expect(entries.map((e) => [e.name, e.kind, e.limitSeconds, e.state])).toEqual([
      ['林静', '预约发言', 480, '等待'],
      ['谢婷', '即席发言', 300, '等待'],
      ['赵宏伟', '情况通报', 600, '等待'],
      ['黄振华', '专家点评', 300, '等待'],
      ['冯桂芝', '群众评议', 180, '等待'],
      ['钱文斌', '部门回应', 300, '等待'],
    ]);
    invariant(entries);
    const m = ok(await core.invoke('meeting.get', { id: meetingId }));
    expect(m.participants.find((p) => p.personId === ids['钱文斌'])?.role).toBe('部门代表');
  });

  it('reorders by position and moves to the top, keeping positions gapless', async () => {
    const entries = (await sixSpeakers()).entries;
    let q = ok(await core.invoke('queue.move', { id: byName(entries, '冯桂芝').id, toIndex: 1 })).entries;
    expect(names(q)).toEqual(['林静', '冯桂芝', '谢婷', '赵宏伟', '黄振华', '钱文斌']);
    q = ok(await core.invoke('queue.moveToTop', { id: byName(q, '钱文斌').id })).entries;
    expect(names(q)).toEqual(['钱文斌', '林静', '冯桂芝', '谢婷', '赵宏伟', '黄振华']);
    q = ok(await core.invoke('queue.move', { id: byName(q, '钱文斌').id, toIndex: 99 })).entries;
    expect(names(q).at(-1)).toBe('钱文斌');
    invariant(q);
  });

  it('runs speeches with start, pause, resume and end; time is the sum of the speaking intervals', async () => {
    const entries = (await sixSpeakers()).entries;
    const lin = byName(entries, '林静').id;
    let q = ok(await core.invoke('queue.start', { id: lin })).entries;
    expect(byName(q, '林静').state).toBe('发言中');
    expect(ok(await core.invoke('meeting.get', { id: meetingId })).status).toBe('进行中');
    tick(100);
    ok(await core.invoke('queue.pause', { id: lin }));
    tick(30); // paused: not counted
    q = ok(await core.invoke('queue.resume', { id: lin })).entries;
    tick(50);
    expect(elapsedMs(byName(q, '林静').intervals, clock)).toBe(150_000);
    q = ok(await core.invoke('queue.extend', { id: lin, seconds: 60 })).entries;
    expect(byName(q, '林静').limitSeconds).toBe(540);
    q = ok(await core.invoke('queue.end', { id: lin })).entries;
    const done = byName(q, '林静');
    expect(done.state).toBe('已发言');
    expect(elapsedMs(done.intervals, clock + 999_999)).toBe(150_000);
    expect(err(await core.call('queue.pause', { id: lin }))).toContain('只有正在发言的可以暂停');
  });

  it('starting the next speaker ends the current one; one speaker at most', async () => {
    const entries = (await sixSpeakers()).entries;
    ok(await core.invoke('queue.start', { id: byName(entries, '林静').id }));
    tick(60);
    // The chair calls someone out of order: the current speaker ends, the new one moves up.
    let q = ok(await core.invoke('queue.start', { id: byName(entries, '黄振华').id })).entries;
    expect(q.map((e) => [e.name, e.state])).toEqual([
      ['林静', '已发言'],
      ['黄振华', '发言中'],
      ['谢婷', '等待'],
      ['赵宏伟', '等待'],
      ['冯桂芝', '等待'],
      ['钱文斌', '等待'],
    ]);
    tick(30);
    q = ok(await core.invoke('queue.next', { meetingId })).entries;
    expect(q.filter((e) => e.state === '发言中').map((e) => e.name)).toEqual(['谢婷']);
    invariant(q);
  });

  it('withdraws a waiting speech, which then is skipped', async () => {
    const entries = (await sixSpeakers()).entries;
    ok(await core.invoke('queue.withdraw', { id: byName(entries, '林静').id }));
    const q = ok(await core.invoke('queue.next', { meetingId })).entries;
    expect(byName(q, '林静').state).toBe('撤回');
    expect(byName(q, '谢婷').state).toBe('发言中');
    expect(err(await core.call('queue.start', { id: byName(q, '林静').id }))).toContain('已撤回');
  });

  it('links a department response to the speeches it answers, and refuses other links', async () => {
    const entries = (await sixSpeakers()).entries;
    const response = byName(entries, '钱文斌').id;
    const q = ok(
      await core.invoke('queue.setAnswers', {
        responseId: response,
        speechIds: [byName(entries, '林静').id, byName(entries, '谢婷').id],
      }),
    ).entries;
    expect(byName(q, '钱文斌').answers.sort()).toEqual([byName(entries, '林静').id, byName(entries, '谢婷').id].sort());
    const before = dumpDatabase(core);
    expect(
      err(
        await core.call('queue.setAnswers', {
          responseId: byName(entries, '林静').id,
          speechIds: [byName(entries, '谢婷').id],
        }),
      ),
    ).toContain('只有“部门回应”');
    expect(err(await core.call('queue.setAnswers', { responseId: response, speechIds: [response] }))).toContain(
      '只能答复',
    );
    expect(dumpDatabase(core)).toBe(before);
  });

  it('puts a new speech under the agenda item running now', async () => {
    const m = ok(await core.invoke('meeting.get', { id: meetingId }));
    ok(await core.invoke('agenda.start', { id: m.agenda[3].id }));
    const q = (await add('林静', '预约发言')).entries;
    expect(q[0].agendaItemId).toBe(m.agenda[3].id);
  });

  it('refuses a retired person and an agenda item of another meeting', async () => {
    const other = ok(
      await core.invoke('meeting.create', {
        topicId: null,
        form: '微协商',
        title: '另一次',
        startsAt: '2026-06-01T09:00',
        useTemplate: true,
      }),
    );
    expect(
      err(
        await core.call('queue.add', {
          meetingId,
          personId: ids['林静'],
          kind: '预约发言',
          agendaItemId: other.agenda[0].id,
        }),
      ),
    ).toContain('不属于这次会议');
    ok(await core.invoke('person.setRetired', { id: ids['谢婷'], retired: true }));
    expect(err(await core.call('queue.add', { meetingId, personId: ids['谢婷'], kind: '即席发言' }))).toContain(
      '已停用',
    );
    expect(await queue()).toEqual([]);
  });

  it('takes back a start within ten seconds: no speech, no time, no statistic, no record', async () => {
    const entries = (await sixSpeakers()).entries;
    ok(await core.invoke('queue.start', { id: byName(entries, '林静').id }));
    tick(120);
    // N, N: 谢婷 is not there; the second N ended her after half a second.
    ok(await core.invoke('queue.next', { meetingId }));
    tick(0.5);
    let q = ok(await core.invoke('queue.next', { meetingId })).entries;
    expect(byName(q, '谢婷').state).toBe('已发言');
    tick(2);
    q = ok(await core.invoke('queue.undoStart', { id: byName(q, '谢婷').id })).entries;
    invariant(q);
    const xie = byName(q, '谢婷');
    expect([xie.state, xie.intervals, xie.endedAt]).toEqual(['等待', [], null]);
    // 林静 spoke and stays spoken; 赵宏伟 holds the floor; 谢婷 heads the waiting line.
    expect(q.map((e) => [e.name, e.state])).toEqual([
      ['林静', '已发言'],
      ['赵宏伟', '发言中'],
      ['谢婷', '等待'],
      ['黄振华', '等待'],
      ['冯桂芝', '等待'],
      ['钱文斌', '等待'],
    ]);
    ok(await core.invoke('meeting.setStatus', { id: meetingId, status: '已结束' }));
    const records = ok(await core.invoke('records.detail', { personId: ids['谢婷'], year: 2026 }));
    expect(records.meetings.map((m) => [m.speeches, m.speakingSeconds])).toEqual([[0, 0]]);
  });

  it('refuses to undo a start after ten seconds, and one that never started', async () => {
    const entries = (await sixSpeakers()).entries;
    const lin = byName(entries, '林静').id;
    expect(err(await core.invoke('queue.undoStart', { id: lin }))).toContain('只有刚开始的发言可以撤销');
    ok(await core.invoke('queue.start', { id: lin }));
    tick(10.5);
    const before = dumpDatabase(core);
    expect(err(await core.invoke('queue.undoStart', { id: lin }))).toContain('10 秒内');
    expect(dumpDatabase(core)).toEqual(before);
  });

  it('skips an absent speaker to the end of the waiting line, also right after their start', async () => {
    const entries = (await sixSpeakers()).entries;
    let q = ok(await core.invoke('queue.skip', { id: byName(entries, '林静').id })).entries;
    expect(names(q)).toEqual(['谢婷', '赵宏伟', '黄振华', '冯桂芝', '钱文斌', '林静']);
    q = ok(await core.invoke('queue.next', { meetingId })).entries;
    tick(3);
    q = ok(await core.invoke('queue.skip', { id: byName(q, '谢婷').id })).entries;
    invariant(q);
    expect(q.map((e) => [e.name, e.state, e.intervals.length])).toEqual([
      ['赵宏伟', '等待', 0],
      ['黄振华', '等待', 0],
      ['冯桂芝', '等待', 0],
      ['钱文斌', '等待', 0],
      ['林静', '等待', 0],
      ['谢婷', '等待', 0],
    ]);
    expect(q.some((e) => e.state === '发言中')).toBe(false);
  });

  it('restores a withdrawn speech to its place among the waiting', async () => {
    const entries = (await sixSpeakers()).entries;
    ok(await core.invoke('queue.withdraw', { id: byName(entries, '赵宏伟').id }));
    let q = ok(await core.invoke('queue.restore', { id: byName(entries, '赵宏伟').id })).entries;
    expect(names(q)).toEqual(['林静', '谢婷', '赵宏伟', '黄振华', '冯桂芝', '钱文斌']);
    expect(byName(q, '赵宏伟').state).toBe('等待');
    // Withdrawn, then the three before and after it spoke: it comes back at the head of the waiting line.
    ok(await core.invoke('queue.withdraw', { id: byName(q, '赵宏伟').id }));
    for (let i = 0; i < 4; i++) ok(await core.invoke('queue.next', { meetingId }));
    q = ok(await core.invoke('queue.restore', { id: byName(q, '赵宏伟').id })).entries;
    invariant(q);
    expect(q.map((e) => [e.name, e.state])).toEqual([
      ['林静', '已发言'],
      ['谢婷', '已发言'],
      ['黄振华', '已发言'],
      ['冯桂芝', '发言中'],
      ['赵宏伟', '等待'],
      ['钱文斌', '等待'],
    ]);
    expect(err(await core.invoke('queue.restore', { id: byName(q, '林静').id }))).toContain('只有撤回的发言可以恢复');
  });
});

describe('the chair speaks', () => {
  it('takes the floor as 主持人讲话 or 主持人总结 with the limits from settings, and the minutes credit the chair', async () => {
    const chair = ok(await core.invoke('meeting.get', { id: meetingId })).participants.find((p) => p.role === '主持人');
    const chairId = chair?.personId ?? Object.values(ids)[0];
    const queue = ok(await core.invoke('queue.add', { meetingId, personId: chairId, kind: '主持人总结' }));
    expect(queue.entries.at(-1)).toMatchObject({ kind: '主持人总结', limitSeconds: 10 * 60 });
    ok(await core.invoke('queue.start', { id: queue.entries.at(-1)!.id }));
    const minutes = ok(await core.invoke('minutes.get', { meetingId }));
    expect(minutes.doc).toContain('"kind":"主持人总结"');
  });

  it('keeps the secretary’s own limits from a data file written before the chair’s kinds existed', async () => {
    // As an earlier version stored them: six kinds, 预约发言 set to 10 minutes.
    core.db
      .prepare("INSERT OR REPLACE INTO setting (key, value) VALUES ('speechLimits', ?)")
      .run(
        JSON.stringify({ 预约发言: 600, 即席发言: 300, 情况通报: 600, 部门回应: 300, 专家点评: 300, 群众评议: 180 }),
      );
    const limits = ok(await core.invoke('settings.get', {})).speechLimits;
    expect(limits).toMatchObject({ 预约发言: 600, 主持人讲话: 300, 主持人总结: 600 });
  });
});
