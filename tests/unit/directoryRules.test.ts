import { describe, expect, it } from 'vitest';
import { mayConvene, unitsOfKind } from '../../shared/domain/directoryRules';

describe('the directory rules', () => {
  it('a member needs a sector, a department representative a department, others neither', () => {
    expect(unitsOfKind({ kind: '委员', sectorId: null })).toEqual({ ok: false, reason: '委员须选择所属界别' });
    expect(unitsOfKind({ kind: '部门代表', sectorId: 1 })).toEqual({ ok: false, reason: '部门代表须选择所属部门' });
    expect(unitsOfKind({ kind: '委员', sectorId: 1 }).ok).toBe(true);
    expect(unitsOfKind({ kind: '专家学者' }).ok).toBe(true);
  });

  it('a convenor is an active member of the sector itself', () => {
    const p = { name: '张伟', kind: '委员' as const, sectorId: 2, retired: false };
    expect(mayConvene(p, 2).ok).toBe(true);
    expect(mayConvene(p, 3)).toEqual({ ok: false, reason: '召集人须是本界别的委员，“张伟”不是' });
    expect(mayConvene({ ...p, kind: '工作人员' }, 2).ok).toBe(false);
    expect(mayConvene({ ...p, retired: true }, 2)).toEqual({ ok: false, reason: '“张伟”已停用，不能担任召集人' });
  });
});
