/**
 * The follow-up of a resolution (跟踪督办: 受理—交办—督办—反馈), as one pure state machine used by
 * the core (which refuses what it refuses) and the window (which offers what it allows).
 *
 * 待交办 →交办→ 已交办 →受理→ 办理中 →答复→ 已答复 →评价→ 已评价 →办结→ 办结
 * An evaluation of 不满意 sends it back to 办理中 (督办). 反馈 (reported back to residents) is
 * recorded from 已答复 on and changes no state.
 */

import { allow, foldVerdicts, refuse, type Verdict } from './verdict';

export const followUpStates = ['待交办', '已交办', '办理中', '已答复', '已评价', '办结'] as const;
export type FollowUpState = (typeof followUpStates)[number];

export const followUpActions = ['交办', '受理', '答复', '评价', '办结', '反馈'] as const;
export type FollowUpAction = (typeof followUpActions)[number];

/** Reply classes as departments report them. */
export const replyClasses = ['A', 'B', 'C', 'D'] as const;
export type ReplyClass = (typeof replyClasses)[number];
export const replyClassNames: Record<ReplyClass, string> = {
  A: '已解决',
  B: '正在解决',
  C: '列入计划',
  D: '因条件限制暂不能解决',
};

export const evaluations = ['满意', '基本满意', '不满意'] as const;
export type Evaluation = (typeof evaluations)[number];

export interface FollowUpEvent {
  action: FollowUpAction;
  /** ISO date the step happened (not when it was typed in). */
  date: string;
  by: string;
  note: string;
  replyText?: string;
  replyClass?: ReplyClass;
  evaluation?: Evaluation;
}

export interface FollowUp {
  state: FollowUpState;
  sentOn: string | null;
  repliedOn: string | null;
  replyText: string;
  replyClass: ReplyClass | null;
  evaluation: Evaluation | null;
  /** Rounds of 督办: evaluations of 不满意 that sent it back. */
  urged: number;
  reportedOn: string | null;
  /** Date of the last step, for "dates move forward". */
  lastDate: string | null;
}

export const initialFollowUp: FollowUp = {
  state: '待交办',
  sentOn: null,
  repliedOn: null,
  replyText: '',
  replyClass: null,
  evaluation: null,
  urged: 0,
  reportedOn: null,
  lastDate: null,
};

const moves: Record<Exclude<FollowUpAction, '反馈'>, { from: FollowUpState; to: FollowUpState }> = {
  交办: { from: '待交办', to: '已交办' },
  受理: { from: '已交办', to: '办理中' },
  答复: { from: '办理中', to: '已答复' },
  评价: { from: '已答复', to: '已评价' },
  办结: { from: '已评价', to: '办结' },
};

/** What can be done next from a state (what the window offers). */
export function possibleActions(f: FollowUp): FollowUpAction[] {
  const next = (Object.keys(moves) as (keyof typeof moves)[]).filter((a) => moves[a].from === f.state);
  return f.state === '已答复' || f.state === '已评价' || f.state === '办结' ? [...next, '反馈'] : next;
}

/** One step; refused with a Chinese reason when the rules forbid it. */
export function applyFollowUp(f: FollowUp, e: FollowUpEvent): Verdict<FollowUp> {
  if (!possibleActions(f).includes(e.action)) return refuse(`“${f.state}”的协商意见不能${e.action}`);
  if (f.lastDate && e.date < f.lastDate) return refuse(`${e.action}日期不能早于上一步的日期（${f.lastDate}）`);
  const at = { ...f, lastDate: e.date };
  switch (e.action) {
    case '交办':
      return allow({ ...at, state: '已交办', sentOn: e.date });
    case '受理':
      return allow({ ...at, state: '办理中' });
    case '答复':
      if (!e.replyText?.trim()) return refuse('答复须填写答复内容');
      if (!e.replyClass) return refuse('答复须选择答复类别（A/B/C/D）');
      return allow({
        ...at,
        state: '已答复',
        repliedOn: e.date,
        replyText: e.replyText.trim(),
        replyClass: e.replyClass,
        evaluation: null,
      });
    case '评价':
      if (!e.evaluation) return refuse('评价须选择满意、基本满意或不满意');
      // 不满意: back to the department for another round (督办); the last reply stays on record.
      if (e.evaluation === '不满意') {
        if (!e.note.trim()) return refuse('不满意须说明督办意见');
        return allow({ ...at, state: '办理中', evaluation: '不满意', urged: f.urged + 1 });
      }
      return allow({ ...at, state: '已评价', evaluation: e.evaluation });
    case '办结':
      return allow({ ...at, state: '办结' });
    case '反馈':
      if (!e.note.trim()) return refuse('反馈须说明向群众反馈的内容或方式');
      return allow({ ...at, reportedOn: e.date });
  }
}

/** The state after a history of events (as stored), from the start. */
export function replayFollowUp(events: readonly FollowUpEvent[]): Verdict<FollowUp> {
  return foldVerdicts(initialFollowUp, events, applyFollowUp, (i) => `第 ${i + 1} 步无效`);
}

/** Past its deadline without a reply: overdue (shown first on the dashboard). */
export function isOverdue(f: FollowUp, deadline: string | null, today: string): boolean {
  return (
    deadline !== null && deadline < today && (f.state === '待交办' || f.state === '已交办' || f.state === '办理中')
  );
}
