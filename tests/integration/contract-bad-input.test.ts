import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, contract } from '../../shared/contract';
import { badInputs } from '../support/badInputs';
import { dumpDatabase, ok, tempCore } from '../support/tempCore';

/**
 * Every call of the contract, every kind of bad input: each is refused with a Chinese message
 * naming the problem, no stack trace leaks, the database is unchanged and the core keeps
 * answering. New calls are covered by this test without new code: they only need an example.
 */
describe('contract-wide bad input', () => {
  const core = tempCore();
  beforeAll(async () => {
    ok(await core.invoke('app.loadDemo', {}));
    // Examples refer to record 1 of each kind: make sure a topic exists too.
    ok(await core.invoke('topic.create', contract['topic.create'].example));
    // …and a meeting with its template agenda, a speech and a department response to it.
    ok(await core.invoke('meeting.create', contract['meeting.create'].example));
    ok(await core.invoke('queue.add', contract['queue.add'].example));
    ok(await core.invoke('queue.add', { meetingId: 1, personId: 2, kind: '部门回应' }));
  });
  afterAll(() => core.dispose());

  it('every call has a valid example', () => {
    for (const name of callNames) {
      const parsed = contract[name].input.safeParse(contract[name].example);
      expect(parsed.success, `${name} 的示例输入无效`).toBe(true);
    }
  });

  for (const name of callNames) {
    const def = contract[name];
    it(`${name} refuses bad input and changes nothing`, async () => {
      const cases = badInputs(def.input, def.example);
      expect(cases.length).toBeGreaterThanOrEqual(4);
      for (const c of cases) {
        const before = dumpDatabase(core);
        const result = await core.call(name, c.input);
        expect(result.ok, `${name}：${c.what} 应被拒绝`).toBe(false);
        if (result.ok) continue;
        expect(result.error.message, `${name}：${c.what}`).toMatch(/[\u4e00-\u9fff]/);
        expect(result.error.message).not.toMatch(/\n\s+at |Error:|undefined|\[object/);
        expect(result.error.message.length).toBeLessThan(300);
        expect(dumpDatabase(core), `${name}：${c.what} 改动了数据库`).toBe(before);
      }
      // Still alive and answering.
      expect((await core.call('app.status', {})).ok).toBe(true);
    });
  }

  it('an unknown call is refused in Chinese', async () => {
    const r = await core.call('person.dropEverything', {});
    expect(r).toEqual({ ok: false, error: { code: 'unknown_call', message: '没有名为“person.dropEverything”的操作' } });
  });

  it('messages name the field in Chinese', async () => {
    const cases: [string, unknown, string][] = [
      ['person.save', { kind: '委员' }, '缺少“姓名”'],
      ['person.save', { name: 'x'.repeat(31), kind: '委员' }, '“姓名”太长，最多 30 个字'],
      [
        'person.save',
        { name: '甲', kind: '代表' },
        '“类别”只能是：委员、部门代表、专家学者、群众代表、企业/管理单位代表、工作人员',
      ],
      ['person.save', { name: '甲\u0001', kind: '委员' }, '“姓名”含有换行或不可见的控制字符'],
      ['unit.save', { kind: 'sector', name: '   ' }, '“名称”不能为空'],
      ['person.setRetired', { id: 987654, retired: true }, '未找到编号为 987654 的人员'],
    ];
    for (const [name, input, message] of cases) {
      const r = await core.call(name, input);
      expect(r.ok ? '' : r.error.message).toBe(message);
    }
  });
});
