/**
 * A speech's states and which queue action each allows: the core refuses what this table
 * forbids, with the same Chinese reason the console shows.
 */

export type SpeechState = '等待' | '发言中' | '暂停' | '已发言' | '撤回';

/** The states by role, for code and for SQL parameters (never literals inside SQL). */
export const SPEECH = {
  waiting: '等待',
  speaking: '发言中',
  paused: '暂停',
  spoken: '已发言',
  withdrawn: '撤回',
} as const satisfies Record<string, SpeechState>;

export const speechStates: readonly SpeechState[] = Object.values(SPEECH);

/** Holding the floor: speaking or paused (at most one entry of a queue). */
export const ON_FLOOR: readonly SpeechState[] = [SPEECH.speaking, SPEECH.paused];

export type SpeechAction =
  | 'move'
  | 'moveToTop'
  | 'start'
  | 'pause'
  | 'resume'
  | 'end'
  | 'withdraw'
  | 'restore'
  | 'undoStart'
  | 'skip'
  | 'extend'
  | 'setTimes';

/** For each action: the states it starts from, and the reason given in any other state. */
export const speechMoves: Record<SpeechAction, { from: readonly SpeechState[]; refusal: string }> = {
  move: { from: ['等待'], refusal: '只有等待中的发言可以调整顺序' },
  moveToTop: { from: ['等待'], refusal: '只有等待中的发言可以移到最前' },
  start: { from: ['等待'], refusal: '只有等待中的发言可以开始' },
  pause: { from: ['发言中'], refusal: '只有正在发言的可以暂停' },
  resume: { from: ['暂停'], refusal: '只有暂停的发言可以继续' },
  end: { from: ['发言中', '暂停'], refusal: '只有正在发言或暂停的可以结束' },
  withdraw: { from: ['等待'], refusal: '只有等待中的发言可以撤回' },
  restore: { from: ['撤回'], refusal: '只有撤回的发言可以恢复' },
  undoStart: { from: ['发言中', '暂停', '已发言'], refusal: '只有刚开始的发言可以撤销' },
  skip: { from: ['等待', '发言中', '暂停', '已发言'], refusal: '已撤回的发言不能跳过' },
  extend: { from: ['等待', '发言中', '暂停'], refusal: '已结束的发言不能延长' },
  // Times entered afterwards: a speech not yet on the floor, or one already over.
  setTimes: { from: ['等待', '已发言'], refusal: '只有等待中或已发言的发言可以补录时间' },
};

const statePhrase: Record<SpeechState, string> = {
  等待: '还在等待',
  发言中: '正在发言',
  暂停: '已暂停',
  已发言: '已结束',
  撤回: '已撤回',
};

/** Why `action` is refused for a speech in `state`, or undefined when it is allowed. */
export function speechRefusal(state: SpeechState, action: SpeechAction): string | undefined {
  const move = speechMoves[action];
  return move.from.includes(state) ? undefined : `${move.refusal}，该发言${statePhrase[state]}`;
}
