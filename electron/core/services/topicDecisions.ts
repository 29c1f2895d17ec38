import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract';
import type { Topic, TopicDetail, TopicEventOut } from '../../../shared/contract/topics';
import {
  applyTopicEvent,
  deriveTopicState,
  TOPIC,
  type Decision,
  type Step,
  type TopicEvent,
  type TopicState,
} from '../../../shared/domain/topicState';
import { isoNow, type Ctx } from '../context';
import {
  moveToYear,
  requireTopic,
  topicDetail,
  topicWithLinks,
  writeTopicState,
  type StoredTopic,
} from '../data/topic';
import { appendTopicEvent, lastDecidedOn, topicEvents, type Sitting } from '../data/topicEvent';
import { orRefuse, refused } from '../errors';

/** The six-step decisions (六步选题法) on one topic or a batch, each checked by the shared reducer first. */

const toDomainEvent = (e: TopicEventOut): TopicEvent => ({
  decision: e.decision,
  step: e.step as Step,
  toStep: (e.toStep ?? undefined) as Step | undefined,
  otherTopicId: e.otherTopicId ?? undefined,
  deferredTo: e.deferredTo ?? undefined,
  note: e.note,
});

/** The state as the shared reducer derives it from the stored history. */
function currentState(ctx: Ctx, topicId: number): TopicState {
  return orRefuse(
    deriveTopicState(topicEvents(ctx, topicId).map(toDomainEvent)),
    'refused',
    `议题 ${topicId} 的决定记录不一致：`,
  );
}

/**
 * Appends one decision after the reducer accepts it from `before` (the state derived from the
 * stored history), then stores the new state on the topic row for lists and filters. Everything
 * else about a decision is checked before this.
 */
function appendDecision(ctx: Ctx, topicId: number, before: TopicState, event: TopicEvent, sitting: Sitting): void {
  const s = orRefuse(applyTopicEvent(before, event));
  appendTopicEvent(ctx, topicId, event, sitting, isoNow(ctx));
  writeTopicState(ctx, topicId, s, isoNow(ctx));
}

/** Rules that need the topic's data: the step's form is filled in, dates run forward. */
function checkDecision(ctx: Ctx, t: StoredTopic, decision: Decision, decidedOn: string): void {
  const title = `“${t.title}”`;
  if (decidedOn < t.receivedOn) throw refused(`${title}的决定日期（${decidedOn}）不能早于收到日期（${t.receivedOn}）`);
  const last = lastDecidedOn(ctx, t.id);
  if (last && decidedOn < last) throw refused(`${title}的决定日期（${decidedOn}）不能早于上一次决定（${last}）`);
  if (decision !== '通过') return;
  if (t.step === 2 && (!t.committeeId || !t.narrowedTitle))
    throw refused(`${title}在第 2 步通过前，须选定承办专委会并填写拟定题目`);
  if (t.step === 3 && !t.rank) throw refused(`${title}在第 3 步通过前，须填写排序`);
  if (t.step === 6 && (!t.planMonth || !t.meetingForm || !t.leadCommitteeId)) {
    throw refused(`${title}定题前，须填写计划月份、协商形式和牵头专委会`);
  }
}

/** Each extra field belongs to one decision; sending it with another is a mistake worth naming. */
function checkDecisionFields(
  decision: Decision,
  fields: { toStep?: number; otherTopicId?: number; deferredTo?: number },
): void {
  if (fields.toStep !== undefined && decision !== '退回') throw refused('只有“退回”需要选择退回到的步骤');
  if (fields.otherTopicId !== undefined && decision !== '合并') throw refused('只有“合并”需要选择并入的议题');
  if (fields.deferredTo !== undefined && decision !== '暂缓') throw refused('只有“暂缓”需要选择推迟到的年份');
}

/** One decision on one topic (the wizard's buttons; topic.backfill's decisions taken on paper). */
export function decideTopic(
  ctx: Ctx,
  { topicId, decision, step, toStep, otherTopicId, deferredTo, decidedOn, body, note }: ParsedInput<'topic.decide'>,
  { backfilled = false }: { backfilled?: boolean } = {},
): TopicDetail {
  const t = requireTopic(ctx, topicId);
  checkDecisionFields(decision, { toStep, otherTopicId, deferredTo });
  const event: TopicEvent = {
    decision,
    step: step as Step,
    toStep: toStep as Step | undefined,
    otherTopicId,
    deferredTo,
    note: note ?? '',
  };
  // The reducer speaks first: a skipped step or a closed topic matters more than an empty form.
  const before = currentState(ctx, topicId);
  orRefuse(applyTopicEvent(before, event));
  checkDecision(ctx, t, decision, decidedOn);
  const sitting = { decidedOn, body, note, backfilled };
  if (decision === '合并') {
    if (otherTopicId === undefined) throw new Error('unreachable: the reducer refuses 合并 without a target');
    if (otherTopicId === topicId) throw refused('不能把议题合并到它自己');
    const target = requireTopic(ctx, otherTopicId);
    appendDecision(
      ctx,
      otherTopicId,
      currentState(ctx, otherTopicId),
      { decision: '接收合并', step: target.step as Step, otherTopicId: topicId, note: note ?? '' },
      sitting,
    );
  }
  appendDecision(ctx, topicId, before, event, sitting);
  // A deferred topic comes back in the year it was deferred to.
  if (decision === '重新启用' && before.status === TOPIC.deferred && before.deferredTo) {
    moveToYear(ctx, topicId, before.deferredTo);
  }
  return topicDetail(ctx, topicId);
}

/** One sitting's decision on several topics at step 4–6: all of them take it, or none does. */
export function decideBatch(
  ctx: Ctx,
  { topicIds, decision, step, deferredTo, decidedOn, body, note }: ParsedInput<'topic.decideBatch'>,
): Topic[] {
  checkDecisionFields(decision, { deferredTo });
  if (step < 4) throw refused('批量决定用于第 4—6 步（主席会议、常委会议等一次会议决定多个议题）');
  const ids = [...new Set(topicIds)];
  const batch = randomUUID();
  // One transaction (the router's): the first topic that cannot take the decision undoes them all.
  for (const id of ids) {
    const t = requireTopic(ctx, id);
    if (t.step !== step || t.status !== TOPIC.open) {
      throw refused(
        `“${t.title}”不在第 ${step} 步（当前${t.status === TOPIC.open ? `第 ${t.step} 步` : t.status}），本次批量决定未作任何改动`,
      );
    }
    checkDecision(ctx, t, decision, decidedOn);
    appendDecision(
      ctx,
      id,
      currentState(ctx, id),
      { decision, step: step as Step, deferredTo, note: note ?? '' },
      { decidedOn, body, note, batch },
    );
  }
  return ids.map((id) => topicWithLinks(ctx, requireTopic(ctx, id)));
}
