import { describe, expect, it } from 'vitest';
import {
  applyFollowUp,
  followUpActions,
  followUpStates,
  initialFollowUp,
  isOverdue,
  possibleActions,
  replayFollowUp,
  type FollowUp,
  type FollowUpAction,
  type FollowUpEvent,
  type FollowUpState,
} from '../../shared/domain/followUp';
import { allowed } from '../support/verdict';

const step = (f: FollowUp, e: FollowUpEvent) => allowed(applyFollowUp(f, e));
const replay = (events: FollowUpEvent[]) => allowed(replayFollowUp(events));

/** Every action from every state, checked against this table written apart from the machine. */
const moves: Record<FollowUpState, Partial<Record<FollowUpAction, FollowUpState>>> = {
  待交办: { 交办: '已交办' },
  已交办: { 受理: '办理中' },
  办理中: { 答复: '已答复' },
  已答复: { 评价: '已评价', 反馈: '已答复' },
  已评价: { 办结: '办结', 反馈: '已评价' },
  办结: { 反馈: '办结' },
};

const event = (action: FollowUpAction, date = '2026-06-01', extra: Partial<FollowUpEvent> = {}): FollowUpEvent => ({
  action,
  date,
  by: '办公厅',
  note: '说明',
  replyText: action === '答复' ? '已完成指引牌更新' : undefined,
  replyClass: action === '答复' ? 'A' : undefined,
  evaluation: action === '评价' ? '满意' : undefined,
  ...extra,
});

/** A follow-up brought to a state by the shortest path. */
function at(state: FollowUpState): FollowUp {
  const path: FollowUpAction[] = ['交办', '受理', '答复', '评价', '办结'];
  const steps = path.slice(0, followUpStates.indexOf(state));
  return replay(steps.map((a) => event(a)));
}

describe('the follow-up state machine', () => {
  for (const state of followUpStates) {
    for (const action of followUpActions) {
      const to = moves[state][action];
      it(`${state} —${action}→ ${to ?? '（不允许）'}`, () => {
        const from = at(state);
        expect(from.state).toBe(state);
        if (to) {
          expect(step(from, event(action)).state).toBe(to);
          expect(possibleActions(from)).toContain(action);
        } else {
          expect(() => step(from, event(action))).toThrow(`“${state}”的协商意见不能${action}`);
          expect(possibleActions(from)).not.toContain(action);
        }
      });
    }
  }

  it('不满意 sends it back to 办理中 as 督办, keeping the reply on record, and the next reply goes on', () => {
    let f = at('已答复');
    expect(() => step(f, event('评价', '2026-06-02', { evaluation: '不满意', note: ' ' }))).toThrow('督办意见');
    f = step(f, event('评价', '2026-06-02', { evaluation: '不满意', note: '指引牌数量不足，请补充' }));
    expect(f).toMatchObject({ state: '办理中', evaluation: '不满意', urged: 1, replyClass: 'A' });
    f = step(f, event('答复', '2026-07-01', { replyText: '已补充设置12处', replyClass: 'A' }));
    f = step(f, event('评价', '2026-07-05', { evaluation: '基本满意' }));
    f = step(f, event('办结', '2026-07-06'));
    expect(f).toMatchObject({
      state: '办结',
      urged: 1,
      evaluation: '基本满意',
      replyText: '已补充设置12处',
      repliedOn: '2026-07-01',
      sentOn: '2026-06-01',
    });
  });

  it('a reply needs its text and class; an evaluation its verdict; 反馈 its content', () => {
    expect(() => step(at('办理中'), event('答复', '2026-06-01', { replyText: '' }))).toThrow('答复内容');
    expect(() => step(at('办理中'), event('答复', '2026-06-01', { replyClass: undefined }))).toThrow('答复类别');
    expect(() => step(at('已答复'), event('评价', '2026-06-01', { evaluation: undefined }))).toThrow('满意');
    expect(() => step(at('已答复'), event('反馈', '2026-06-01', { note: '' }))).toThrow('反馈');
    expect(step(at('已答复'), event('反馈', '2026-06-03', { note: '社区公告栏公示' })).reportedOn).toBe('2026-06-03');
  });

  it('dates only move forward', () => {
    const f = replay([event('交办', '2026-06-10')]);
    expect(() => step(f, event('受理', '2026-06-09'))).toThrow('不能早于上一步的日期（2026-06-10）');
    expect(step(f, event('受理', '2026-06-10')).state).toBe('办理中');
  });

  it('is overdue past its deadline until a reply comes', () => {
    expect(isOverdue(initialFollowUp, '2026-06-30', '2026-07-01')).toBe(true);
    expect(isOverdue(at('办理中'), '2026-06-30', '2026-07-01')).toBe(true);
    expect(isOverdue(at('办理中'), '2026-06-30', '2026-06-30')).toBe(false);
    expect(isOverdue(at('已答复'), '2026-06-30', '2026-07-01')).toBe(false);
    expect(isOverdue(at('办理中'), null, '2026-07-01')).toBe(false);
  });
});
