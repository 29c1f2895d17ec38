/**
 * The six-step method (六步选题法) as one pure reducer: a topic's state is derived from its
 * append-only decision events, and the core refuses any event the reducer rejects. The UI uses
 * the same function to show which decisions are possible.
 */
import { allow, foldVerdicts, refuse, type Verdict } from './verdict';

export const STEPS = [1, 2, 3, 4, 5, 6] as const;
export type Step = (typeof STEPS)[number];

export const decisions = ['通过', '退回', '不予采纳', '合并', '暂缓', '重新启用', '接收合并'] as const;
export type Decision = (typeof decisions)[number];

/** Decisions a person takes in the wizard ('接收合并' is written by the core on the target of a merge). */
export const userDecisions = ['通过', '退回', '不予采纳', '合并', '暂缓', '重新启用'] as const;

export type TopicStatus = '进行中' | '已定题' | '不予采纳' | '已合并' | '暂缓';

/** The statuses by role, for code and for SQL parameters (never literals inside SQL). */
export const TOPIC = {
  open: '进行中',
  decided: '已定题',
  rejected: '不予采纳',
  merged: '已合并',
  deferred: '暂缓',
} as const satisfies Record<string, TopicStatus>;

export interface TopicEvent {
  decision: Decision;
  /** The step the topic was at when the decision was taken. */
  step: Step;
  /** 退回: the earlier step it goes back to. */
  toStep?: Step;
  /** 合并: the topic it was merged into; 接收合并: the topic merged into this one. */
  otherTopicId?: number;
  /** 暂缓: the year it is deferred to. */
  deferredTo?: number;
  note: string;
}

export interface TopicState {
  step: Step;
  status: TopicStatus;
  mergedInto?: number;
  mergedFrom: number[];
  deferredTo?: number;
}

export const initialTopicState: TopicState = { step: 1, status: '进行中', mergedFrom: [] };

/** Applies one event; refuses with a Chinese reason when the rules forbid it. */
export function applyTopicEvent(state: TopicState, event: TopicEvent): Verdict<TopicState> {
  const { decision } = event;
  if (decision === '接收合并') {
    if (state.status !== '进行中') return refuse(`该议题${statusPhrase(state)}，不能再并入其他议题`);
    if (!event.otherTopicId) return refuse('缺少被合并的议题');
    return allow({ ...state, mergedFrom: [...state.mergedFrom, event.otherTopicId] });
  }
  if (decision === '重新启用') {
    if (state.status !== '不予采纳' && state.status !== '暂缓')
      return refuse(`只有不予采纳或暂缓的议题可以重新启用，该议题${statusPhrase(state)}`);
    if (!event.note.trim()) return refuse('重新启用须说明理由');
    return allow({ ...state, status: '进行中', deferredTo: undefined });
  }
  if (state.status !== '进行中') return refuse(`该议题${statusPhrase(state)}，不能再作决定`);
  if (event.step !== state.step)
    return refuse(`议题当前在第 ${state.step} 步，不能按第 ${event.step} 步作决定（步骤不可跳过）`);
  switch (decision) {
    case '通过':
      return allow(state.step === 6 ? { ...state, status: '已定题' } : { ...state, step: (state.step + 1) as Step });
    case '退回':
      if (!event.note.trim()) return refuse('退回须说明理由');
      if (!event.toStep || event.toStep >= state.step) return refuse(`退回只能回到第 ${state.step} 步之前的步骤`);
      return allow({ ...state, step: event.toStep });
    case '不予采纳':
      if (!event.note.trim()) return refuse('不予采纳须说明理由');
      return allow({ ...state, status: '不予采纳' });
    case '合并':
      if (!event.otherTopicId) return refuse('合并须选择并入的议题');
      return allow({ ...state, status: '已合并', mergedInto: event.otherTopicId });
    case '暂缓':
      if (!event.deferredTo) return refuse('暂缓须选择推迟到的年份');
      return allow({ ...state, status: '暂缓', deferredTo: event.deferredTo });
  }
}

/** Folds all events; the first refused event names where the history went wrong. */
export function deriveTopicState(events: readonly TopicEvent[]): Verdict<TopicState> {
  return foldVerdicts(initialTopicState, events, applyTopicEvent, (i) => `第 ${i + 1} 条决定无效`);
}

function statusPhrase(state: TopicState): string {
  switch (state.status) {
    case '已定题':
      return '已定题';
    case '不予采纳':
      return '已不予采纳';
    case '已合并':
      return '已合并到其他议题';
    case '暂缓':
      return `已暂缓至 ${state.deferredTo} 年`;
    default:
      return '正在进行';
  }
}

/** Which decisions the wizard offers for a state. */
export function possibleDecisions(state: TopicState): Decision[] {
  if (state.status === '不予采纳' || state.status === '暂缓') return ['重新启用'];
  if (state.status !== '进行中') return [];
  return state.step > 1 ? ['通过', '退回', '不予采纳', '合并', '暂缓'] : ['通过', '不予采纳', '合并', '暂缓'];
}
