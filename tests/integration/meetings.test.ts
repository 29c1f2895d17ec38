import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import { dumpDatabase, err, ok, tempCore } from '../support/tempCore';

let core: ReturnType<typeof tempCore>;
let clock = Date.parse('2026-05-14T01:00:00Z');
beforeEach(async () => {
  clock = Date.parse('2026-05-14T01:00:00Z');
  core = tempCore({ now: () => new Date(clock) });
  ok(await core.invoke('app.loadDemo', {}));
});
afterEach(() => core.dispose());

const person = async (name: string) => ok(await core.invoke('person.search', { query: name, limit: 1 }))[0].person;
const topics = () => core.invoke('topic.list', {}).then(ok);
const create = async (input: Partial<Input<'meeting.create'>> = {}) =>
  ok(
    await core.invoke('meeting.create', {
      topicId: null,
      form: '冰城商量',
      title: '临时协商会',
      startsAt: '2026-05-14T09:00',
      ...input,
    }),
  );

describe('meeting set-up', () => {
  it('starts from a decided topic, refuses one still in selection, and flags an ad-hoc meeting', async () => {
    const all = await topics();
    const decided = all.find((t) => t.status === '已定题')!;
    const open = all.find((t) => t.status === '进行中')!;
    const m = await create({ topicId: decided.id, title: decided.narrowedTitle, useTemplate: true });
    expect(m).toMatchObject({ topicId: decided.id, adHoc: false, form: '冰城商量', issueNo: 1, status: '筹备中' });
    expect(
      err(
        await core.call('meeting.create', {
          topicId: open.id,
          form: '冰城商量',
          title: 'x',
          startsAt: '2026-05-14T09:00',
        }),
      ),
    ).toContain('尚未定题');
    expect((await create()).adHoc).toBe(true);
  });

  it('numbers issues per year and form, editable', async () => {
    expect((await create()).issueNo).toBe(1);
    expect((await create()).issueNo).toBe(2);
    expect((await create({ form: '专题协商' })).issueNo).toBe(1);
    expect((await create({ startsAt: '2027-01-10T09:00' })).issueNo).toBe(1);
    expect(ok(await core.invoke('meeting.nextIssueNo', { year: 2026, form: '冰城商量' })).issueNo).toBe(3);
    const m = await create({ issueNo: 7 });
    expect(m.issueNo).toBe(7);
    expect(ok(await core.invoke('meeting.update', { id: m.id, issueNo: 8 })).issueNo).toBe(8);
  });

  it('refuses a 第X期 already used that year and form, offering the next free one, and writes nothing', async () => {
    const first = await create({ title: '第一次', issueNo: 7 });
    await create({ title: '第二次', issueNo: 8 });
    const before = dumpDatabase(core);
    expect(
      err(
        await core.invoke('meeting.create', {
          topicId: null,
          form: '冰城商量',
          title: 'x',
          startsAt: '2026-06-01T09:00',
          issueNo: 7,
        }),
      ),
    ).toBe('2026年冰城商量第7期已被“第一次”使用，可用第9期');
    const other = await create({ title: '第三次', issueNo: 1 });
    const mid = dumpDatabase(core);
    expect(err(await core.invoke('meeting.update', { id: other.id, issueNo: 8 }))).toBe(
      '2026年冰城商量第8期已被“第二次”使用，可用第9期',
    );
    expect(dumpDatabase(core)).toBe(mid);
    expect(before).not.toBe(mid);
    // Its own number is no clash; another form or year is free.
    expect(ok(await core.invoke('meeting.update', { id: first.id, issueNo: 7, title: '改名' })).issueNo).toBe(7);
    expect((await create({ form: '专题协商', issueNo: 7 })).issueNo).toBe(7);
  });

  it('lays out the 冰城商量 template agenda and saves an edited one, keeping item ids', async () => {
    const m = await create({ useTemplate: true });
    expect(m.agenda.map((a) => [a.title, a.plannedMinutes])).toEqual([
      ['主持人介绍议题和与会人员', 5],
      ['承办专委会通报调研情况', 10],
      ['相关部门通报工作情况', 15],
      ['委员、专家、群众代表发言', 60],
      ['部门现场回应', 30],
      ['主持人总结', 10],
    ]);
    const items = m.agenda.map((a) => ({ id: a.id, title: a.title, plannedMinutes: a.plannedMinutes }));
    const saved = ok(
      await core.invoke('agenda.save', {
        meetingId: m.id,
        items: [items[0], { title: '现场察看视频', plannedMinutes: 8 }, ...items.slice(1, 5)],
      }),
    );
    expect(saved.agenda.map((a) => a.title)).toEqual([
      '主持人介绍议题和与会人员',
      '现场察看视频',
      '承办专委会通报调研情况',
      '相关部门通报工作情况',
      '委员、专家、群众代表发言',
      '部门现场回应',
    ]);
    expect(saved.agenda[0].id).toBe(m.agenda[0].id);
  });

  it('adds participants with roles from their kind, checks them in with the time, refuses removing a queued speaker', async () => {
    const chair = await person('刘春梅');
    const m = await create({ chairId: chair.id });
    const people = ok(await core.invoke('person.list', {}));
    const dept = people.find((p) => p.kind === '部门代表')!;
    const expert = people.find((p) => p.kind === '专家学者')!;
    const member = people.find((p) => p.kind === '委员' && p.id !== chair.id)!;
    const d = ok(await core.invoke('participant.add', { meetingId: m.id, personIds: [dept.id, expert.id, member.id] }));
    const role = (id: number) => d.participants.find((p) => p.personId === id)!.role;
    expect([role(chair.id), role(dept.id), role(expert.id), role(member.id)]).toEqual([
      '主持人',
      '部门代表',
      '专家学者',
      '委员',
    ]);

    clock += 5 * 60_000;
    const p = d.participants.find((x) => x.personId === member.id)!;
    const checked = ok(await core.invoke('participant.update', { id: p.id, attendance: '出席' }));
    expect(checked.participants.find((x) => x.id === p.id)).toMatchObject({
      attendance: '出席',
      checkedInAt: new Date(clock).toISOString(),
    });
    const leave = ok(
      await core.invoke('participant.update', {
        id: d.participants.find((x) => x.personId === expert.id)!.id,
        attendance: '请假',
      }),
    );
    expect(leave.participants.filter((x) => x.attendance === '请假')).toHaveLength(1);

    ok(await core.invoke('queue.add', { meetingId: m.id, personId: member.id, kind: '预约发言' }));
    expect(err(await core.call('participant.remove', { id: p.id }))).toContain('在发言队列中');
  });
});

describe('status and the archive', () => {
  it('follows 筹备中 → 进行中 → 已结束 → 已归档, and refuses skipping', async () => {
    const m = await create();
    expect(err(await core.call('meeting.setStatus', { id: m.id, status: '已归档' }))).toContain(
      '不能从“筹备中”改为“已归档”',
    );
    for (const status of ['进行中', '已结束', '已归档'] as const)
      ok(await core.invoke('meeting.setStatus', { id: m.id, status }));
    expect(ok(await core.invoke('meeting.get', { id: m.id })).statusLog.map((l) => l.to)).toEqual([
      '进行中',
      '已结束',
      '已归档',
    ]);
  });

  it('makes an archived meeting read-only in every call, until unarchived with a recorded reason', async () => {
    const m = await create({ useTemplate: true });
    const someone = await person('林静');
    const speech = ok(await core.invoke('queue.add', { meetingId: m.id, personId: someone.id, kind: '预约发言' }))
      .entries[0];
    for (const status of ['进行中', '已结束', '已归档'] as const)
      ok(await core.invoke('meeting.setStatus', { id: m.id, status }));

    const before = dumpDatabase(core);
    const writes: [string, () => Promise<{ ok: boolean; error?: { message: string } }>][] = [
      ['meeting.update', () => core.call('meeting.update', { id: m.id, place: '别处' })],
      ['participant.add', () => core.call('participant.add', { meetingId: m.id, personIds: [someone.id] })],
      [
        'participant.update',
        () => core.call('participant.update', { id: m.participants[0]?.id ?? 1, attendance: '出席' }),
      ],
      ['agenda.save', () => core.call('agenda.save', { meetingId: m.id, items: [] })],
      ['agenda.start', () => core.call('agenda.start', { id: m.agenda[0].id })],
      ['queue.add', () => core.call('queue.add', { meetingId: m.id, personId: someone.id, kind: '即席发言' })],
      ['queue.extend', () => core.call('queue.extend', { id: speech.id, seconds: 60 })],
      ['queue.next', () => core.call('queue.next', { meetingId: m.id })],
    ];
    for (const [name, write] of writes) {
      const r = await write();
      expect(r.ok, name).toBe(false);
      expect(err(r), name).toMatch(/已归档|未找到/);
    }
    expect(dumpDatabase(core)).toBe(before);
    expect(ok(await core.invoke('queue.get', { meetingId: m.id })).entries).toHaveLength(1);

    expect(err(await core.call('meeting.setStatus', { id: m.id, status: '已结束' }))).toBe('取消归档须说明理由');
    const back = ok(
      await core.invoke('meeting.setStatus', { id: m.id, status: '已结束', reason: '补录一位委员的书面发言' }),
    );
    expect(back.statusLog.at(-1)).toMatchObject({ from: '已归档', to: '已结束', reason: '补录一位委员的书面发言' });
    ok(await core.invoke('meeting.update', { id: m.id, place: '市政协二楼会议室' }));
  });

  it('ends the speaker and the running agenda item when the meeting ends', async () => {
    const m = await create({ useTemplate: true });
    ok(await core.invoke('agenda.start', { id: m.agenda[0].id }));
    const q = ok(
      await core.invoke('queue.add', { meetingId: m.id, personId: (await person('谢婷')).id, kind: '预约发言' }),
    );
    ok(await core.invoke('queue.start', { id: q.entries[0].id }));
    clock += 60_000;
    const ended = ok(await core.invoke('meeting.setStatus', { id: m.id, status: '已结束' }));
    expect(ended.agenda[0].endedAt).toBe(new Date(clock).toISOString());
    expect(ok(await core.invoke('queue.get', { meetingId: m.id })).entries[0]).toMatchObject({
      state: '已发言',
      endedAt: new Date(clock).toISOString(),
    });
  });
});

describe('agenda progress', () => {
  it('starting an item starts the meeting and ends the item before it', async () => {
    const m = await create({ useTemplate: true });
    const [a, b] = m.agenda;
    const started = ok(await core.invoke('agenda.start', { id: a.id }));
    expect(started.status).toBe('进行中');
    clock += 7 * 60_000;
    const next = ok(await core.invoke('agenda.start', { id: b.id }));
    expect(next.agenda[0].endedAt).toBe(new Date(clock).toISOString());
    expect(next.agenda[1].startedAt).toBe(new Date(clock).toISOString());
    expect(err(await core.call('agenda.start', { id: a.id }))).toContain('已结束');
    expect(err(await core.call('agenda.end', { id: m.agenda[2].id }))).toContain('不在进行中');
  });
});
