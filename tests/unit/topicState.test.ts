import { describe, expect, it } from 'vitest';
import {
  applyTopicEvent,
  decisions,
  deriveTopicState,
  initialTopicState,
  possibleDecisions,
  STEPS,
  type Decision,
  type Step,
  type TopicEvent,
  type TopicState,
} from '../../shared/domain/topicState';

// Every kind of state a topic can be in: in progress at each step, decided, rejected, merged,
// deferred (from several steps), and reopened after a rejection or a deferral.
const pass = (step: Step): TopicEvent => ({ decision: '通过', step, note: '' });
const toStep = (n: number): TopicEvent[] => STEPS.filter((s) => s < n).map(pass);
const scenarios: Record<string, TopicEvent[]> = {
  ...Object.fromEntries(STEPS.map((s) => [`第${s}步进行中`, toStep(s)])),
  已定题: [...toStep(6), pass(6)],
  第1步不予采纳: [{ decision: '不予采纳', step: 1, note: '重复' }],
  第4步不予采纳: [...toStep(4), { decision: '不予采纳', step: 4, note: '条件不成熟' }],
  第2步已合并: [...toStep(2), { decision: '合并', step: 2, otherTopicId: 9, note: '' }],
  第3步暂缓: [...toStep(3), { decision: '暂缓', step: 3, deferredTo: 2027, note: '' }],
  第5步暂缓: [...toStep(5), { decision: '暂缓', step: 5, deferredTo: 2027, note: '' }],
  不予采纳后重新启用: [
    ...toStep(4),
    { decision: '不予采纳', step: 4, note: 'x' },
    { decision: '重新启用', step: 4, note: '情况变化' },
  ],
  暂缓后重新启用: [
    ...toStep(3),
    { decision: '暂缓', step: 3, deferredTo: 2027, note: '' },
    { decision: '重新启用', step: 3, note: '到年' },
  ],
  退回后: [...toStep(4), { decision: '退回', step: 4, toStep: 2, note: '需再聚焦' }],
  接收合并后: [...toStep(3), { decision: '接收合并', step: 3, otherTopicId: 7, note: '' }],
};

const stateOf = (name: string): TopicState => {
  const r = deriveTopicState(scenarios[name]);
  if (!r.ok) throw new Error(`${name}: ${r.reason}`);
  return r.value;
};

/** A well-formed event of each decision for a topic at `step`. */
function eventFor(decision: Decision, step: Step): TopicEvent {
  switch (decision) {
    case '退回':
      return { decision, step, toStep: 1, note: '理由' };
    case '合并':
    case '接收合并':
      return { decision, step, otherTopicId: 42, note: '' };
    case '暂缓':
      return { decision, step, deferredTo: 2027, note: '' };
    default:
      return { decision, step, note: '理由' };
  }
}

/** The rules, written out once more as a plain table, independently of the reducer. */
function expected(state: TopicState, d: Decision): TopicState | 'refused' {
  const open = state.status === '进行中';
  switch (d) {
    case '通过':
      if (!open) return 'refused';
      return state.step === 6 ? { ...state, status: '已定题' } : { ...state, step: (state.step + 1) as Step };
    case '退回':
      return open && state.step > 1 ? { ...state, step: 1 } : 'refused';
    case '不予采纳':
      return open ? { ...state, status: '不予采纳' } : 'refused';
    case '合并':
      return open ? { ...state, status: '已合并', mergedInto: 42 } : 'refused';
    case '暂缓':
      return open ? { ...state, status: '暂缓', deferredTo: 2027 } : 'refused';
    case '重新启用':
      return state.status === '不予采纳' || state.status === '暂缓'
        ? { ...state, status: '进行中', deferredTo: undefined }
        : 'refused';
    case '接收合并':
      return open ? { ...state, mergedFrom: [...state.mergedFrom, 42] } : 'refused';
  }
}

describe('topic reducer: every decision from every state', () => {
  const names = Object.keys(scenarios);
  it('covers the states the wizard can reach', () => {
    const statuses = new Set(names.map((n) => stateOf(n).status));
    expect([...statuses].sort()).toEqual(['不予采纳', '已合并', '已定题', '暂缓', '进行中'].sort());
  });
  for (const name of names) {
    for (const d of decisions) {
      it(`${name} + ${d}`, () => {
        const state = stateOf(name);
        const result = applyTopicEvent(state, eventFor(d, state.step));
        const want = expected(state, d);
        if (want === 'refused') {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
        } else {
          expect(result).toEqual({ ok: true, value: want });
        }
      });
    }
  }
});

describe('topic reducer: the rules in detail', () => {
  it('steps cannot be skipped: a decision must be taken at the current step', () => {
    for (const s of STEPS) {
      for (const other of STEPS.filter((x) => x !== s)) {
        const r = applyTopicEvent(stateOf(`第${s}步进行中`), pass(other));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.reason).toContain('步骤不可跳过');
      }
    }
  });

  it('passing six steps decides the topic', () => {
    expect(stateOf('已定题')).toEqual({ step: 6, status: '已定题', mergedFrom: [] });
  });

  it('退回 goes back to any earlier step only, with a reason', () => {
    const at5 = stateOf('第5步进行中');
    for (const back of [1, 2, 3, 4] as Step[]) {
      expect(applyTopicEvent(at5, { decision: '退回', step: 5, toStep: back, note: '理由' })).toEqual({
        ok: true,
        value: { ...at5, step: back },
      });
    }
    for (const bad of [5, 6] as Step[])
      expect(applyTopicEvent(at5, { decision: '退回', step: 5, toStep: bad, note: '理由' }).ok).toBe(false);
    expect(applyTopicEvent(at5, { decision: '退回', step: 5, toStep: 2, note: '  ' })).toEqual({
      ok: false,
      reason: '退回须说明理由',
    });
    expect(applyTopicEvent(stateOf('第1步进行中'), { decision: '退回', step: 1, toStep: 1, note: 'x' }).ok).toBe(false);
  });

  it('不予采纳 needs a reason and can be reopened at the same step', () => {
    expect(applyTopicEvent(stateOf('第2步进行中'), { decision: '不予采纳', step: 2, note: '' })).toEqual({
      ok: false,
      reason: '不予采纳须说明理由',
    });
    expect(stateOf('不予采纳后重新启用')).toEqual({ step: 4, status: '进行中', mergedFrom: [] });
    expect(applyTopicEvent(stateOf('第4步不予采纳'), { decision: '重新启用', step: 4, note: '' }).ok).toBe(false);
  });

  it('合并 closes the topic and records where it went; the target records where it came from', () => {
    expect(stateOf('第2步已合并')).toMatchObject({ status: '已合并', mergedInto: 9 });
    expect(stateOf('接收合并后')).toMatchObject({ status: '进行中', step: 3, mergedFrom: [7] });
    expect(applyTopicEvent(stateOf('第2步已合并'), { decision: '重新启用', step: 2, note: 'x' }).ok).toBe(false);
    expect(applyTopicEvent(stateOf('第3步进行中'), { decision: '合并', step: 3, note: '' })).toEqual({
      ok: false,
      reason: '合并须选择并入的议题',
    });
  });

  it('暂缓 needs a year and keeps the step for when it is reopened', () => {
    expect(stateOf('第5步暂缓')).toMatchObject({ status: '暂缓', step: 5, deferredTo: 2027 });
    expect(stateOf('暂缓后重新启用')).toEqual({ step: 3, status: '进行中', mergedFrom: [], deferredTo: undefined });
    expect(applyTopicEvent(stateOf('第3步进行中'), { decision: '暂缓', step: 3, note: '' }).ok).toBe(false);
  });

  it('a decided topic takes no further decision', () => {
    for (const d of decisions) expect(applyTopicEvent(stateOf('已定题'), eventFor(d, 6)).ok).toBe(false);
  });

  it('deriving names the first invalid event of a history', () => {
    const r = deriveTopicState([pass(1), pass(3)]);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('第 2 条决定无效') });
    expect(deriveTopicState([])).toEqual({ ok: true, value: initialTopicState });
  });

  it('offers exactly the decisions the reducer accepts', () => {
    for (const name of Object.keys(scenarios)) {
      const state = stateOf(name);
      const accepted = decisions.filter((d) => d !== '接收合并' && applyTopicEvent(state, eventFor(d, state.step)).ok);
      expect(possibleDecisions(state).sort(), name).toEqual(accepted.sort());
    }
  });
});
