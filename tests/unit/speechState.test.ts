import { describe, expect, it } from 'vitest';
import { SPEECH, speechMoves, speechRefusal, speechStates } from '../../shared/domain/speechState';

describe('the speech state machine', () => {
  it('lists the five states in the contract order', () => {
    expect(speechStates).toEqual(['等待', '发言中', '暂停', '已发言', '撤回']);
    expect(Object.values(SPEECH)).toEqual(speechStates);
  });

  it('allows each action from its states only', () => {
    expect(speechRefusal('等待', 'start')).toBeUndefined();
    expect(speechRefusal('发言中', 'pause')).toBeUndefined();
    expect(speechRefusal('暂停', 'end')).toBeUndefined();
    expect(speechRefusal('已发言', 'undoStart')).toBeUndefined();
    for (const [action, { from }] of Object.entries(speechMoves))
      for (const state of speechStates)
        expect(speechRefusal(state, action as keyof typeof speechMoves) === undefined, `${action} ${state}`).toBe(
          from.includes(state),
        );
  });

  it('gives the reason and the state in Chinese', () => {
    expect(speechRefusal('撤回', 'skip')).toBe('已撤回的发言不能跳过，该发言已撤回');
    expect(speechRefusal('已发言', 'extend')).toBe('已结束的发言不能延长，该发言已结束');
    expect(speechRefusal('等待', 'pause')).toBe('只有正在发言的可以暂停，该发言还在等待');
  });
});
