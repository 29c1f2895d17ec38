import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import { dumpDatabase, err, ok, tempCore } from '../support/tempCore';

/** 补录 (topic.backfill): a topic decided on paper, entered with its decisions; the six-step rules hold. */

let core: ReturnType<typeof tempCore>;
let committeeId: number;
beforeEach(async () => {
  // Today is 2026-05-20 on this machine's clock.
  core = tempCore({ now: () => new Date(2026, 4, 20, 10, 0) });
  committeeId = ok(await core.invoke('unit.save', { kind: 'committee', name: '社会和法制委员会' })).id;
});
afterEach(() => core.dispose());

type Row = Input<'topic.backfill'>['decisions'][number];
const intake = {
  title: '松花江沿岸冬季步道照明',
  source: '委员',
  receivedOn: '2026-01-08',
  field: '城市管理',
} as const;
/** The six steps as decided on paper, each with its form. */
const paper = (): Row[] => [
  { step: 1, decidedOn: '2026-01-15', body: '市政协办公室' },
  {
    step: 2,
    decidedOn: '2026-01-22',
    body: '社会和法制委员会',
    committeeId,
    narrowedTitle: '江畔步道夜间照明',
    rationale: '冬季夜长',
  },
  { step: 3, decidedOn: '2026-02-05', body: '市政协办公厅', rank: 2 },
  { step: 4, decidedOn: '2026-02-20', body: '主席会议' },
  { step: 5, decidedOn: '2026-03-02', body: '市委常委会议' },
  {
    step: 6,
    decidedOn: '2026-03-10',
    body: '政协常委会议',
    note: '列入年度计划',
    planMonth: 6,
    meetingForm: '冰城商量',
    leadCommitteeId: committeeId,
  },
];
const backfill = (decisions: Row[]) => core.invoke('topic.backfill', { ...intake, decisions });

describe('补录已定题议题', () => {
  it('registers a topic decided on paper with all six decisions, each marked 补录', async () => {
    const t = ok(await backfill(paper()));
    expect(t).toMatchObject({
      title: intake.title,
      status: '已定题',
      step: 6,
      committeeId,
      narrowedTitle: '江畔步道夜间照明',
      rationale: '冬季夜长',
      rank: 2,
      planMonth: 6,
      meetingForm: '冰城商量',
      leadCommitteeId: committeeId,
    });
    expect(t.events.map((e) => [e.step, e.decision, e.decidedOn, e.backfilled])).toEqual(
      paper().map((r) => [r.step, '通过', r.decidedOn, true]),
    );
    expect(t.events.at(-1)).toMatchObject({ body: '政协常委会议', note: '列入年度计划' });
    // It is decided, so a meeting may take it up, and it is in the year's plan.
    ok(
      await core.invoke('meeting.create', {
        topicId: t.id,
        form: '冰城商量',
        title: '江畔照明',
        startsAt: '2026-06-10T09:00',
      }),
    );
    const plan = ok(await core.invoke('plan.get', { year: 2026 }));
    expect(JSON.stringify(plan)).toContain('江畔步道夜间照明');
  });

  it('stops at the last step decided on paper; later steps continue live, unmarked, and cannot be skipped', async () => {
    const t = ok(await backfill(paper().slice(0, 3)));
    expect(t).toMatchObject({ status: '进行中', step: 4 });
    const decide = (input: Omit<Input<'topic.decide'>, 'topicId'>) =>
      core.invoke('topic.decide', { topicId: t.id, ...input });
    expect(err(await decide({ decision: '通过', step: 5, decidedOn: '2026-03-01', body: '市委常委会议' }))).toContain(
      '步骤不可跳过',
    );
    // Dates still run forward from the last backfilled decision.
    expect(err(await decide({ decision: '通过', step: 4, decidedOn: '2026-02-01', body: '主席会议' }))).toContain(
      '不能早于上一次决定（2026-02-05）',
    );
    const live = ok(await decide({ decision: '通过', step: 4, decidedOn: '2026-05-20', body: '主席会议' }));
    expect(live.step).toBe(5);
    expect(live.events.map((e) => e.backfilled)).toEqual([true, true, true, false]);
    // 退回 to a backfilled step works as for any other.
    const back = ok(
      await decide({
        decision: '退回',
        step: 5,
        toStep: 3,
        decidedOn: '2026-05-20',
        body: '市委常委会议',
        note: '再排序',
      }),
    );
    expect(back.step).toBe(3);
  });

  it('takes a single step 1 decision (only the first step decided on paper)', async () => {
    const t = ok(await backfill(paper().slice(0, 1)));
    expect(t).toMatchObject({ step: 2, status: '进行中' });
    expect(t.events).toHaveLength(1);
  });

  describe('refuses, naming the step, and stores nothing', () => {
    const cases: [string, () => Row[], string][] = [
      ['a skipped step', () => [paper()[0], paper()[2]], '补录的第 2 条决定（第 3 步 办公室选题）：议题当前在第 2 步'],
      ['a start other than step 1', () => paper().slice(1), '补录的第 1 条决定（第 2 步 专委会拟题）：'],
      [
        'dates running backwards',
        () => [paper()[0], { ...paper()[1], decidedOn: '2026-01-10' }],
        '（第 2 步 专委会拟题）：“松花江沿岸冬季步道照明”的决定日期（2026-01-10）不能早于上一次决定（2026-01-15）',
      ],
      [
        'a date before the topic was received',
        () => [{ ...paper()[0], decidedOn: '2026-01-01' }],
        '（第 1 步 社会征题）：“松花江沿岸冬季步道照明”的决定日期（2026-01-01）不能早于收到日期（2026-01-08）',
      ],
      [
        'a date in the future',
        () => [paper()[0], { ...paper()[1], decidedOn: '2026-05-21' }],
        '（第 2 步 专委会拟题）：决定日期（2026-05-21）不能晚于今天（2026-05-20）',
      ],
      [
        'a step whose form is empty (the live rule)',
        () => [paper()[0], { step: 2, decidedOn: '2026-01-22', body: '专委会' }],
        '（第 2 步 专委会拟题）：“松花江沿岸冬季步道照明”在第 2 步通过前，须选定承办专委会并填写拟定题目',
      ],
      [
        'step 6 without its plan',
        () => [...paper().slice(0, 5), { step: 6, decidedOn: '2026-03-10', body: '政协常委会议' }],
        '（第 6 步 政协常委会定题）：“松花江沿岸冬季步道照明”定题前，须填写计划月份、协商形式和牵头专委会',
      ],
      [
        'a field of another step’s form',
        () => [{ ...paper()[0], rank: 1 }],
        '补录的第 1 条决定（第 1 步 社会征题）：“排序”属于第 3 步的表单',
      ],
      [
        'an unknown committee',
        () => [paper()[0], { ...paper()[1], committeeId: 999 }],
        '补录的第 2 条决定（第 2 步 专委会拟题）：',
      ],
      ['the same step twice', () => [paper()[0], paper()[0]], '补录的第 2 条决定（第 1 步 社会征题）：'],
    ];
    for (const [what, rows, message] of cases)
      it(what, async () => {
        const before = dumpDatabase(core);
        const r = await backfill(rows());
        expect(err(r)).toContain(message);
        expect(dumpDatabase(core)).toBe(before);
      });

    it('no decision at all, and a bad date, named by the contract', async () => {
      const before = dumpDatabase(core);
      expect(err(await backfill([]))).toBe('“已作出的决定”至少 1 项');
      expect(err(await backfill([{ ...paper()[0], decidedOn: '2026-02-30' }]))).toContain('“决定日期”不是有效的日期');
      expect(dumpDatabase(core)).toBe(before);
    });
  });

  it('keeps live decisions unmarked', async () => {
    const t = ok(await core.invoke('topic.create', intake));
    const d = ok(
      await core.invoke('topic.decide', {
        topicId: t.id,
        decision: '通过',
        step: 1,
        decidedOn: '2026-02-01',
        body: '办公室',
      }),
    );
    expect(d.events[0].backfilled).toBe(false);
  });
});
