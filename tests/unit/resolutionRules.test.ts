import { describe, expect, it } from 'vitest';
import { confirmable } from '../../shared/domain/resolutions';

describe("the chair's confirmation of the resolutions", () => {
  const ready = { position: 1, leadDepartmentId: 3, deadline: '2026-09-30' };

  it('allows a list whose every resolution has a lead department and a deadline', () => {
    expect(confirmable([ready, { ...ready, position: 2 }]).ok).toBe(true);
  });

  it('refuses an empty list, and names the first resolution missing either', () => {
    expect(confirmable([])).toEqual({ ok: false, reason: '还没有协商意见，无需确认' });
    expect(confirmable([ready, { ...ready, position: 2, leadDepartmentId: null }])).toEqual({
      ok: false,
      reason: '第二项协商意见还没有主办单位',
    });
    expect(confirmable([{ ...ready, deadline: null }])).toEqual({ ok: false, reason: '第一项协商意见还没有办理时限' });
  });
});
