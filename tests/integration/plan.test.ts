import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attr, readDocx } from '../support/docx';
import { dumpDatabase, ok, tempCore } from '../support/tempCore';

let core: ReturnType<typeof tempCore>;
let lead: number;
let other: number;
beforeEach(async () => {
  core = tempCore({ now: () => new Date(2026, 10, 22, 9, 30) });
  lead = ok(await core.invoke('unit.save', { kind: 'committee', name: '社会和法制委员会' })).id;
  other = ok(await core.invoke('unit.save', { kind: 'committee', name: '人口资源环境委员会' })).id;
  ok(
    await core.invoke('settings.save', {
      ...ok(await core.invoke('settings.get', {})),
      orgName: '政协道里区委员会',
      office: '政协道里区委员会办公室',
    }),
  );
});
afterEach(() => core.dispose());

/** Creates a topic and decides it through all six steps with the given plan. */
async function decided(
  title: string,
  plan: { month: number; rank: number; narrowed?: string; committee?: number; receivedOn?: string },
) {
  const t = ok(
    await core.invoke('topic.create', { title, source: '热线', receivedOn: plan.receivedOn ?? '2026-01-10' }),
  );
  const dates = ['2026-01-20', '2026-01-25', '2026-02-01', '2026-02-10', '2026-02-20', '2026-03-01'];
  for (let step = 1; step <= 6; step++) {
    if (step === 2)
      ok(
        await core.invoke('topic.update', {
          id: t.id,
          committeeId: plan.committee ?? lead,
          narrowedTitle: plan.narrowed ?? '',
        }),
      );
    if (step === 2 && !plan.narrowed) ok(await core.invoke('topic.update', { id: t.id, narrowedTitle: title }));
    if (step === 3) ok(await core.invoke('topic.update', { id: t.id, rank: plan.rank }));
    if (step === 6)
      ok(
        await core.invoke('topic.update', {
          id: t.id,
          planMonth: plan.month,
          meetingForm: '冰城商量',
          leadCommitteeId: plan.committee ?? lead,
        }),
      );
    ok(
      await core.invoke('topic.decide', {
        topicId: t.id,
        decision: '通过',
        step,
        decidedOn: dates[step - 1],
        body: '会议',
      }),
    );
  }
  return t.id;
}

describe('the annual plan', () => {
  it('lists the decided topics of the year by month then rank, with the narrowed title and the lead committee', async () => {
    await decided('中央大街景区公厕不足', { month: 6, rank: 2, narrowed: '景区公厕布局与冬季运行' });
    await decided('老旧小区加装电梯', { month: 3, rank: 1, committee: other });
    await decided('冬季人行道积雪清理', { month: 6, rank: 1 });
    await decided('去年的议题', { month: 4, rank: 1, receivedOn: '2025-12-01' });
    ok(await core.invoke('topic.create', { title: '还在征集的议题', source: '委员', receivedOn: '2026-03-01' }));

    const plan = ok(await core.invoke('plan.get', { year: 2026 }));
    expect(plan.items.map((i) => [i.month, i.title, i.leadCommittee])).toEqual([
      [3, '老旧小区加装电梯', '人口资源环境委员会'],
      [6, '冬季人行道积雪清理', '社会和法制委员会'],
      [6, '景区公厕布局与冬季运行', '社会和法制委员会'],
    ]);
    expect(plan.items[0]).toMatchObject({ meetingForm: '冰城商量', decidedOn: '2026-03-01' });
    expect(plan.inProgress).toBe(1);
  });

  it('moves a topic received in December into next year’s plan when its year is set', async () => {
    const id = await decided('去年收到的议题', { month: 4, rank: 1, receivedOn: '2025-12-01' });
    expect(ok(await core.invoke('plan.get', { year: 2026 })).items).toHaveLength(0);
    ok(await core.invoke('topic.update', { id, year: 2026 }));
    expect(ok(await core.invoke('plan.get', { year: 2026 })).items.map((i) => i.title)).toEqual(['去年收到的议题']);
  });

  it('exports a Word table in the GB/T 9704 page that reads back with every topic in order', async () => {
    await decided('老旧小区加装电梯', { month: 3, rank: 1 });
    await decided('冬季人行道积雪清理', { month: 6, rank: 1, committee: other });
    const out = ok(await core.invoke('plan.exportDocx', { year: 2026 }));
    expect(out.fileName).toBe('政协道里区委员会2026年度协商计划.docx');
    expect(out.count).toBe(2);

    const doc = await readDocx(out.dataBase64);
    // A4 with 天头 37 mm, 订口 28 mm, bottom 35 mm, right 26 mm (in twips).
    expect([attr(doc.document, 'w:pgSz', 'w:w'), attr(doc.document, 'w:pgSz', 'w:h')]).toEqual(['11906', '16838']);
    expect(['w:top', 'w:left', 'w:bottom', 'w:right'].map((a) => attr(doc.document, 'w:pgMar', a))).toEqual([
      '2098',
      '1587',
      '1984',
      '1474',
    ]);
    // 22 lines of 28 characters: a line grid of 28.95 pt, and body characters condensed to fit 28.
    expect(attr(doc.document, 'w:docGrid', 'w:type')).toBe('lines');
    expect(attr(doc.document, 'w:docGrid', 'w:linePitch')).toBe('579');
    // Page numbers "— 1 —": odd pages right, even pages left.
    expect(doc.settings).toContain('<w:evenAndOddHeaders');
    expect(doc.footers.default).toMatch(/<w:jc w:val="right"\/>/);
    expect(doc.footers.even).toMatch(/<w:jc w:val="left"\/>/);
    for (const f of [doc.footers.default, doc.footers.even]) {
      expect(f).toContain('PAGE');
      expect(f).toContain('— ');
      expect(f).toContain('w:sz w:val="28"');
    }
    // Title in 2号小标宋, centred; the date Arabic, no leading zeros, right-aligned four characters in.
    const heading = doc.paragraphs.find((p) => p.text === '政协道里区委员会2026年度协商计划')!;
    expect(heading.xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(heading.xml).toContain('<w:sz w:val="44"/>');
    expect(heading.xml).toContain('<w:jc w:val="center"/>');
    const date = doc.paragraphs.find((p) => p.text === '2026年11月22日')!;
    expect(date.xml).toContain('<w:jc w:val="right"/>');
    // Four characters of 3号 as set on the 28-character line (16 pt condensed by 0.25 pt = 315 twips).
    expect(attr(date.xml, 'w:ind', 'w:right')).toBe('1260');
    expect(date.xml).toContain('<w:spacing w:val="-5"/>');

    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]).toEqual([
      ['序号', '协商议题', '协商形式', '牵头单位', '计划时间'],
      ['1', '老旧小区加装电梯', '冰城商量', '社会和法制委员会', '3月'],
      ['2', '冬季人行道积雪清理', '冰城商量', '人口资源环境委员会', '6月'],
    ]);
    expect(doc.document).toContain('<w:tblHeader/>');
    expect(doc.text).toContain('2026年度共确定协商议题2项');
  });

  it('refuses to export a year without decided topics, in Chinese, changing nothing', async () => {
    const before = dumpDatabase(core);
    const r = await core.call('plan.exportDocx', { year: 2027 });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'refused', message: '2027 年度还没有已定题的议题，没有可导出的协商计划' },
    });
    expect(dumpDatabase(core)).toBe(before);
  });
});
