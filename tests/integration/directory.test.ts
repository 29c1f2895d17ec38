import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDatabase, err, ok, tempCore } from '../support/tempCore';

let core: ReturnType<typeof tempCore>;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

describe('first run and demo data', () => {
  it('an empty file is a first run; the demo fills the directory once', async () => {
    const before = ok(await core.invoke('app.status', {}));
    expect(before.firstRun).toBe(true);
    expect(before.counts.people).toBe(0);
    const after = ok(await core.invoke('app.loadDemo', {}));
    expect(after.firstRun).toBe(false);
    expect(after.counts).toEqual({ people: 42, sectors: 31, committees: 9, departments: 12 });
    const sectors = ok(await core.invoke('unit.list', { kind: 'sector' }));
    expect(sectors.slice(0, 4).map((s) => s.name)).toEqual(['中共', '民革', '民盟', '民建']);
    expect(sectors.filter((s) => s.convenorIds.length).length).toBeGreaterThanOrEqual(8);
    const snapshot = dumpDatabase(core);
    expect(err(await core.call('app.loadDemo', {}))).toContain('名录中已有数据');
    expect(dumpDatabase(core)).toBe(snapshot);
  });

  it('the demo brings topics at every step, decided through the same rules as the wizard', async () => {
    ok(await core.invoke('app.loadDemo', {}));
    const topics = ok(await core.invoke('topic.list', {}));
    const at = (step: number) => topics.filter((x) => x.status === '进行中' && x.step === step).length;
    expect([1, 2, 3, 4, 5].map(at).every((n) => n > 0)).toBe(true);
    expect(new Set(topics.map((x) => x.status))).toEqual(new Set(['进行中', '已定题', '不予采纳', '已合并', '暂缓']));
    const merged = topics.find((x) => x.status === '已合并')!;
    expect(topics.find((x) => x.id === merged.mergedInto)!.mergedFrom).toEqual([merged.id]);
    expect(ok(await core.invoke('plan.get', { year: 2026 })).items.map((i) => i.month)).toEqual([5, 7]);
  });

  it('starting blank dismisses the welcome without data', async () => {
    const s = ok(await core.invoke('settings.get', {}));
    ok(await core.invoke('settings.save', { ...s, welcomeDismissed: true }));
    expect(ok(await core.invoke('app.status', {})).firstRun).toBe(false);
  });
});

describe('people', () => {
  async function setup() {
    const sector = ok(await core.invoke('unit.save', { kind: 'sector', name: '民建' }));
    const dept = ok(
      await core.invoke('unit.save', { kind: 'department', name: '市交通运输局', shortName: '市交通局' }),
    );
    return { sector, dept };
  }

  it('adds, edits and lists people in pinyin order with search keys', async () => {
    const { sector } = await setup();
    const zhang = ok(
      await core.invoke('person.save', { name: ' 张伟 ', kind: '委员', sectorId: sector.id, unit: '某集团' }),
    );
    expect(zhang.name).toBe('张伟'); // trimmed
    expect(zhang.pinyin.split(' ')).toEqual(expect.arrayContaining(['zhangwei', 'zw']));
    ok(await core.invoke('person.save', { name: '安然', kind: '专家学者' }));
    ok(await core.invoke('person.save', { name: '单立新', kind: '群众代表' }));
    expect(ok(await core.invoke('person.list', {})).map((p) => p.name)).toEqual(['安然', '单立新', '张伟']);
    const edited = ok(await core.invoke('person.save', { id: zhang.id, name: '张伟', kind: '委员', title: '董事长' }));
    expect(edited).toMatchObject({ title: '董事长', unit: '某集团', sectorId: sector.id });
  });

  it('enforces the rules of each kind and refuses duplicates', async () => {
    const { sector, dept } = await setup();
    expect(err(await core.call('person.save', { name: '甲', kind: '委员' }))).toBe('委员须选择所属界别');
    expect(err(await core.call('person.save', { name: '乙', kind: '部门代表' }))).toBe('部门代表须选择所属部门');
    ok(await core.invoke('person.save', { name: '丙', kind: '部门代表', departmentId: dept.id, title: '处长' }));
    ok(await core.invoke('person.save', { name: '丁', kind: '委员', sectorId: sector.id, unit: '甲公司' }));
    expect(
      err(await core.call('person.save', { name: '丁', kind: '委员', sectorId: sector.id, unit: '甲公司' })),
    ).toContain('名录中已有“丁”');
    // Same name, another unit: a different person.
    ok(await core.invoke('person.save', { name: '丁', kind: '委员', sectorId: sector.id, unit: '乙公司' }));
  });

  it('retires without deleting, hides retired people and units from new choices', async () => {
    const { sector } = await setup();
    const p = ok(await core.invoke('person.save', { name: '甲', kind: '委员', sectorId: sector.id }));
    const retired = ok(await core.invoke('person.setRetired', { id: p.id, retired: true }));
    expect(retired.retired).toBe(true);
    expect(ok(await core.invoke('person.list', {})).map((x) => x.id)).not.toContain(p.id);
    expect(ok(await core.invoke('person.list', { includeRetired: true })).map((x) => x.id)).toContain(p.id);
    expect(ok(await core.invoke('person.setRetired', { id: p.id, retired: false })).retired).toBe(false);

    ok(await core.invoke('unit.setRetired', { kind: 'sector', id: sector.id, retired: true }));
    expect(err(await core.call('person.save', { name: '乙', kind: '委员', sectorId: sector.id }))).toBe(
      '界别“民建”已停用，不能选择',
    );
    // The person who already belongs to it can still be edited.
    ok(await core.invoke('person.save', { id: p.id, name: '甲', kind: '委员', sectorId: sector.id, title: '主任' }));
    expect(ok(await core.invoke('unit.list', { kind: 'sector' }))).toHaveLength(0);
    expect(ok(await core.invoke('unit.list', { kind: 'sector', includeRetired: true }))[0].retired).toBe(true);
  });

  it('convenors must be active members of the sector', async () => {
    const { sector } = await setup();
    const other = ok(await core.invoke('unit.save', { kind: 'sector', name: '民革' }));
    const a = ok(await core.invoke('person.save', { name: '甲', kind: '委员', sectorId: sector.id }));
    const b = ok(await core.invoke('person.save', { name: '乙', kind: '委员', sectorId: other.id }));
    const saved = ok(
      await core.invoke('unit.save', { kind: 'sector', id: sector.id, name: '民建', convenorIds: [a.id] }),
    );
    expect(saved.convenorIds).toEqual([a.id]);
    expect(
      err(await core.call('unit.save', { kind: 'sector', id: sector.id, name: '民建', convenorIds: [b.id] })),
    ).toContain('召集人须是本界别的委员');
    expect(ok(await core.invoke('unit.list', { kind: 'sector' })).find((s) => s.id === sector.id)!.convenorIds).toEqual(
      [a.id],
    );
    expect(err(await core.call('unit.save', { kind: 'department', name: '某局', convenorIds: [a.id] }))).toBe(
      '只有界别可以设置召集人',
    );
  });

  it('finds people by name, full pinyin and initials, polyphonic surnames included', async () => {
    ok(await core.invoke('app.loadDemo', {}));
    const names = async (query: string) => ok(await core.invoke('person.search', { query })).map((h) => h.person.name);
    expect((await names('zw')).sort()).toEqual(['周雯', '张伟'].sort());
    expect(await names('zhangwei')).toEqual(['张伟']);
    expect(await names('zhang w')).toEqual(['张伟']);
    expect(await names('slx')).toEqual(['单立新']);
    expect(await names('立新')).toEqual(['单立新']);
    expect(await names('zxy')).toContain('曾晓燕');
    expect(await names('qqqqq')).toEqual([]);
  });
});

describe('units', () => {
  it('keeps names unique per kind and counts active people', async () => {
    const s = ok(await core.invoke('unit.save', { kind: 'sector', name: '经济' }));
    expect(err(await core.call('unit.save', { kind: 'sector', name: '经济' }))).toBe('已有名为“经济”的界别');
    ok(await core.invoke('unit.save', { kind: 'committee', name: '经济' })); // another kind: allowed
    ok(await core.invoke('person.save', { name: '甲', kind: '委员', sectorId: s.id }));
    expect(ok(await core.invoke('unit.list', { kind: 'sector' }))[0].peopleCount).toBe(1);
  });
});

describe('events', () => {
  it('a mutation tells every subscriber which topics changed; a refused one tells nobody', async () => {
    const seen: string[][] = [];
    core.events.subscribe((e) => seen.push(e.topics));
    ok(await core.invoke('unit.save', { kind: 'sector', name: '民盟' }));
    await core.call('unit.save', { kind: 'sector', name: '民盟' });
    await core.call('person.list', {});
    expect(seen).toEqual([['directory']]);
  });
});
