import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDatabase, err, ok, tempCore } from '../support/tempCore';

/** A change sends only what changes: everything not sent stays as it was. */
let core: ReturnType<typeof tempCore>;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

describe('partial updates', () => {
  it('person.save with one field changes that field only', async () => {
    const dept = ok(await core.invoke('unit.save', { kind: 'department', name: '市城市管理和行政执法局' }));
    const p = ok(
      await core.invoke('person.save', {
        name: '钱坤',
        kind: '部门代表',
        departmentId: dept.id,
        unit: '路灯管理处',
        title: '处长',
        phone: '0451-8000000',
      }),
    );
    const after = ok(await core.invoke('person.save', { id: p.id, phone: '13900000000' }));
    expect(after).toMatchObject({
      name: '钱坤',
      kind: '部门代表',
      departmentId: dept.id,
      unit: '路灯管理处',
      title: '处长',
      phone: '13900000000',
    });
    expect(ok(await core.invoke('person.save', { id: p.id, title: '副处长' })).phone).toBe('13900000000');
  });

  it('a new person without a name or kind is refused, and nothing is stored', async () => {
    const before = dumpDatabase(core);
    expect(err(await core.call('person.save', { kind: '委员' }))).toBe('缺少“姓名”');
    expect(err(await core.call('person.save', { name: '张三' }))).toBe('缺少“类别”');
    expect(dumpDatabase(core)).toBe(before);
  });

  it('unit.save with only a short name keeps the name; a new unit needs one', async () => {
    const u = ok(await core.invoke('unit.save', { kind: 'committee', name: '社会和法制委员会', note: '备注' }));
    expect(ok(await core.invoke('unit.save', { kind: 'committee', id: u.id, shortName: '社法委' }))).toMatchObject({
      name: '社会和法制委员会',
      shortName: '社法委',
      note: '备注',
    });
    const before = dumpDatabase(core);
    expect(err(await core.call('unit.save', { kind: 'committee', shortName: '无名' }))).toBe('缺少“名称”');
    expect(dumpDatabase(core)).toBe(before);
  });

  it('settings.save with one field keeps the others, and one speech limit keeps the rest', async () => {
    const before = ok(await core.invoke('settings.get', {}));
    const after = ok(await core.invoke('settings.save', { office: '政协道里区委员会办公室' }));
    expect(after).toEqual({ ...before, office: '政协道里区委员会办公室' });
    const limits = ok(await core.invoke('settings.save', { speechLimits: { 预约发言: 240 } }));
    expect(limits.speechLimits).toEqual({ ...before.speechLimits, 预约发言: 240 });
    expect(limits.office).toBe('政协道里区委员会办公室');
    const stored = dumpDatabase(core);
    expect(err(await core.call('settings.save', {}))).toBe('没有要修改的设置');
    expect(dumpDatabase(core)).toBe(stored);
  });
});
