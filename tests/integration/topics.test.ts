import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import { dumpDatabase, err, ok, tempCore } from '../support/tempCore';

let core: ReturnType<typeof tempCore>;
let committeeId: number;
beforeEach(async () => {
  core = tempCore();
  committeeId = ok(await core.invoke('unit.save', { kind: 'committee', name: '社会和法制委员会' })).id;
});
afterEach(() => core.dispose());

const create = async (title: string, receivedOn = '2026-02-10') =>
  ok(await core.invoke('topic.create', { title, source: '微言要议', receivedOn, field: '城市管理' }));
const decide = (input: Input<'topic.decide'>) => core.call('topic.decide', input);
const pass = async (topicId: number, step: number, decidedOn: string, body = '会议') =>
  ok(await core.invoke('topic.decide', { topicId, decision: '通过', step, decidedOn, body }));

/** Fills each step's form and passes it, from step `from` up to (not including) step `until`. */
async function advance(topicId: number, until: number, from = 1) {
  const dates = ['2026-02-20', '2026-03-05', '2026-03-12', '2026-03-20', '2026-03-28', '2026-04-08'];
  for (let step = from; step < until; step++) {
    if (step === 2)
      ok(
        await core.invoke('topic.update', { id: topicId, committeeId, narrowedTitle: '景区公厕布局、指引和冬季运行' }),
      );
    if (step === 3) ok(await core.invoke('topic.update', { id: topicId, rank: 3 }));
    if (step === 6)
      ok(
        await core.invoke('topic.update', {
          id: topicId,
          planMonth: 5,
          meetingForm: '冰城商量',
          leadCommitteeId: committeeId,
        }),
      );
    await pass(topicId, step, dates[step - 1]);
  }
}

describe('the six steps', () => {
  it('takes a topic through all six steps to 已定题, with its history in order', async () => {
    const t = await create('中央大街景区“厕所革命”');
    await advance(t.id, 7);
    const done = ok(await core.invoke('topic.get', { id: t.id }));
    expect(done).toMatchObject({
      status: '已定题',
      step: 6,
      planMonth: 5,
      meetingForm: '冰城商量',
      leadCommitteeId: committeeId,
      rank: 3,
    });
    expect(done.events.map((e) => [e.step, e.decision])).toEqual([1, 2, 3, 4, 5, 6].map((s) => [s, '通过']));
  });

  it('refuses to pass a step whose form is empty, and a skipped step', async () => {
    const t = await create('老旧小区加装电梯');
    await pass(t.id, 1, '2026-02-20');
    expect(
      err(await decide({ topicId: t.id, decision: '通过', step: 2, decidedOn: '2026-03-01', body: '专委会' })),
    ).toContain('须选定承办专委会并填写拟定题目');
    expect(
      err(await decide({ topicId: t.id, decision: '通过', step: 3, decidedOn: '2026-03-01', body: '办公厅' })),
    ).toContain('步骤不可跳过');
    await advance(t.id, 6, 2);
    expect(
      err(await decide({ topicId: t.id, decision: '通过', step: 6, decidedOn: '2026-04-08', body: '常委会' })),
    ).toContain('须填写计划月份、协商形式和牵头专委会');
  });

  it('returns from step 3 to step 2 with a reason, and refuses without one', async () => {
    const t = await create('冬季人行道积雪清理');
    await advance(t.id, 3);
    expect(
      err(
        await decide({ topicId: t.id, decision: '退回', step: 3, toStep: 2, decidedOn: '2026-03-13', body: '办公厅' }),
      ),
    ).toBe('退回须说明理由');
    const back = ok(
      await core.invoke('topic.decide', {
        topicId: t.id,
        decision: '退回',
        step: 3,
        toStep: 2,
        decidedOn: '2026-03-13',
        body: '办公厅',
        note: '切口过大，请再聚焦',
      }),
    );
    expect(back.step).toBe(2);
    expect(back.events.at(-1)).toMatchObject({ decision: '退回', step: 3, toStep: 2, note: '切口过大，请再聚焦' });
  });

  it('merges one topic into another, linked both ways, the merged one closed', async () => {
    const a = await create('景区公厕不足');
    const b = await create('步行街如厕难');
    await pass(a.id, 1, '2026-02-20');
    await pass(b.id, 1, '2026-02-20');
    const merged = ok(
      await core.invoke('topic.decide', {
        topicId: b.id,
        decision: '合并',
        step: 2,
        otherTopicId: a.id,
        decidedOn: '2026-03-01',
        body: '专委会',
        note: '内容重复',
      }),
    );
    expect(merged).toMatchObject({ status: '已合并', mergedInto: a.id });
    expect(merged.events.at(-1)).toMatchObject({
      decision: '合并',
      otherTopicId: a.id,
      otherTopicTitle: '景区公厕不足',
    });
    const target = ok(await core.invoke('topic.get', { id: a.id }));
    expect(target.mergedFrom).toEqual([b.id]);
    expect(target.events.at(-1)).toMatchObject({
      decision: '接收合并',
      otherTopicId: b.id,
      otherTopicTitle: '步行街如厕难',
    });
    expect(
      err(await decide({ topicId: b.id, decision: '通过', step: 2, decidedOn: '2026-03-02', body: 'x' })),
    ).toContain('已合并');
    expect(
      err(
        await decide({
          topicId: a.id,
          decision: '合并',
          step: 2,
          otherTopicId: a.id,
          decidedOn: '2026-03-02',
          body: 'x',
        }),
      ),
    ).toBe('不能把议题合并到它自己');
    expect(err(await core.call('topic.update', { id: b.id, title: '改名' }))).toContain('已合并');
  });

  it('rejects a topic with a reason and reopens it at the same step', async () => {
    const t = await create('增设共享单车停放点');
    await advance(t.id, 4);
    ok(
      await core.invoke('topic.decide', {
        topicId: t.id,
        decision: '不予采纳',
        step: 4,
        decidedOn: '2026-03-20',
        body: '主席会议',
        note: '已列入政府计划',
      }),
    );
    expect(ok(await core.invoke('topic.get', { id: t.id })).status).toBe('不予采纳');
    expect(
      err(await decide({ topicId: t.id, decision: '通过', step: 4, decidedOn: '2026-03-21', body: 'x' })),
    ).toContain('不予采纳');
    const reopened = ok(
      await core.invoke('topic.decide', {
        topicId: t.id,
        decision: '重新启用',
        step: 4,
        decidedOn: '2026-04-01',
        body: '主席会议',
        note: '群众再次反映',
      }),
    );
    expect(reopened).toMatchObject({ status: '进行中', step: 4 });
  });

  it('defers a topic to next year; reopening brings it back in that year', async () => {
    const t = await create('社区食堂运营补贴');
    await pass(t.id, 1, '2026-02-20');
    const deferred = ok(
      await core.invoke('topic.decide', {
        topicId: t.id,
        decision: '暂缓',
        step: 2,
        deferredTo: 2027,
        decidedOn: '2026-03-01',
        body: '专委会',
      }),
    );
    expect(deferred).toMatchObject({ status: '暂缓', deferredTo: 2027, year: 2026 });
    const back = ok(
      await core.invoke('topic.decide', {
        topicId: t.id,
        decision: '重新启用',
        step: 2,
        decidedOn: '2027-01-10',
        body: '专委会',
        note: '列入新年度',
      }),
    );
    expect(back).toMatchObject({ status: '进行中', year: 2027, deferredTo: null });
  });

  it('refuses dates that run backwards and fields that belong to another decision', async () => {
    const t = await create('校园周边交通拥堵', '2026-03-01');
    expect(
      err(await decide({ topicId: t.id, decision: '通过', step: 1, decidedOn: '2026-02-01', body: 'x' })),
    ).toContain('不能早于收到日期');
    await pass(t.id, 1, '2026-03-10');
    expect(
      err(
        await decide({ topicId: t.id, decision: '不予采纳', step: 2, decidedOn: '2026-03-09', body: 'x', note: 'y' }),
      ),
    ).toContain('不能早于上一次决定');
    expect(
      err(await decide({ topicId: t.id, decision: '通过', step: 2, toStep: 1, decidedOn: '2026-03-11', body: 'x' })),
    ).toBe('只有“退回”需要选择退回到的步骤');
  });
});

describe('batch decisions at one sitting', () => {
  it('decides three topics at step 4 with one date and body', async () => {
    const ids: number[] = [];
    for (const title of ['议题甲', '议题乙', '议题丙']) {
      const t = await create(title);
      await advance(t.id, 4);
      ids.push(t.id);
    }
    const decided = ok(
      await core.invoke('topic.decideBatch', {
        topicIds: ids,
        decision: '通过',
        step: 4,
        decidedOn: '2026-03-20',
        body: '主席会议',
      }),
    );
    expect(decided.map((t) => t.step)).toEqual([5, 5, 5]);
    const batches = new Set<string | null>();
    for (const id of ids) batches.add(ok(await core.invoke('topic.get', { id })).events.at(-1)!.batch);
    expect(batches.size).toBe(1);
    expect([...batches][0]).toBeTruthy();
  });

  it('changes nothing when one topic of the batch is not at that step', async () => {
    const a = await create('议题甲');
    await advance(a.id, 4);
    const b = await create('议题乙');
    await advance(b.id, 3);
    const before = dumpDatabase(core);
    const r = await core.call('topic.decideBatch', {
      topicIds: [a.id, b.id],
      decision: '通过',
      step: 4,
      decidedOn: '2026-03-20',
      body: '主席会议',
    });
    expect(err(r)).toBe('“议题乙”不在第 4 步（当前第 3 步），本次批量决定未作任何改动');
    expect(dumpDatabase(core)).toBe(before);
    expect(
      err(
        await core.call('topic.decideBatch', {
          topicIds: [a.id],
          decision: '通过',
          step: 2,
          decidedOn: '2026-03-20',
          body: 'x',
        }),
      ),
    ).toContain('第 4—6 步');
  });
});

describe('intake and the board', () => {
  it('creates one topic per pasted line, numbering and bullets removed', async () => {
    const made = ok(
      await core.invoke('topic.createMany', {
        lines: '1. 老旧小区加装电梯\n\n2、冬季人行道积雪清理\n- 公交线路优化  \n',
        source: '热线',
        receivedOn: '2026-03-01',
      }),
    );
    expect(made.map((t) => t.title)).toEqual(['老旧小区加装电梯', '冬季人行道积雪清理', '公交线路优化']);
    expect(
      err(await core.call('topic.createMany', { lines: '\n  \n', source: '热线', receivedOn: '2026-03-01' })),
    ).toBe('“议题列表”不能为空');
    expect(
      err(await core.call('topic.createMany', { lines: '1.\n- \n', source: '热线', receivedOn: '2026-03-01' })),
    ).toContain('没有可登记的议题');
  });

  it('filters by year, field, source, committee and title', async () => {
    const a = await create('景区公厕', '2026-02-01');
    await create('电梯加装', '2025-12-01');
    ok(await core.invoke('topic.update', { id: a.id, committeeId }));
    const titles = async (input: Input<'topic.list'>) => ok(await core.invoke('topic.list', input)).map((t) => t.title);
    expect(await titles({ year: 2026 })).toEqual(['景区公厕']);
    expect(await titles({ committeeId })).toEqual(['景区公厕']);
    expect(await titles({ query: '电梯' })).toEqual(['电梯加装']);
    expect(await titles({ source: '热线' })).toEqual([]);
    expect((await titles({})).length).toBe(2);
  });
});

describe('the history is append-only', () => {
  it('SQLite refuses to update or delete a decision', async () => {
    const t = await create('议题');
    await pass(t.id, 1, '2026-02-20');
    expect(() => core.db.prepare("UPDATE topic_event SET note = 'x'").run()).toThrow('议题决定记录只能追加，不能修改');
    expect(() => core.db.prepare('DELETE FROM topic_event').run()).toThrow('议题决定记录只能追加，不能删除');
  });
});
