import { contract, type ParsedInput } from '../../../shared/contract';
import { labelAt } from '../../../shared/contract/issues';
import type { TopicDetail } from '../../../shared/contract/topics';
import { localToday, type Ctx } from '../context';
import { topicDetail } from '../data/topic';
import { AppError, refused } from '../errors';
import { handlers } from '../handler';
import { readSettings } from './settings';
import { decideTopic } from './topicDecisions';
import { insertTopic, updateTopic } from './topics';

/**
 * 补录: a topic decided on paper, registered with the decisions already taken, in the router's one
 * transaction. Each decision goes through the live path (topic.update for its step's form, then
 * topic.decide's checks and the shared reducer), so the six-step rules are the same ones; only
 * "not in the future" is the backfill's own, since a live decision is taken today.
 */

type Backfilled = ParsedInput<'topic.backfill'>['decisions'][number];
type FormKey = Exclude<keyof Backfilled, 'step' | 'decidedOn' | 'body' | 'note'>;

/** Which step's form each field belongs to (the wizard shows it on that step only). */
const formStep: Record<FormKey, number> = {
  committeeId: 2,
  narrowedTitle: 2,
  rationale: 2,
  rank: 3,
  planMonth: 6,
  meetingForm: 6,
  leadCommitteeId: 6,
};

/** The row's form fields, refused when one belongs to another step (a misplaced value is a mistake worth naming). */
function formOf(d: Backfilled): Partial<Pick<Backfilled, FormKey>> {
  const form: Partial<Record<FormKey, unknown>> = {};
  for (const key of Object.keys(formStep) as FormKey[]) {
    if (d[key] === undefined) continue;
    if (formStep[key] !== d.step) {
      const label = labelAt(contract['topic.backfill'].input, ['decisions', 0, key]) ?? key;
      throw refused(`“${label}”属于第 ${formStep[key]} 步的表单，不能填在这一步`);
    }
    form[key] = d[key];
  }
  return form as Partial<Pick<Backfilled, FormKey>>;
}

export function backfillTopic(ctx: Ctx, { decisions, ...intake }: ParsedInput<'topic.backfill'>): TopicDetail {
  const id = insertTopic(ctx, intake);
  const today = localToday(ctx);
  const names = readSettings(ctx).stepNames;
  decisions.forEach((d, i) => {
    try {
      if (d.decidedOn > today) throw refused(`决定日期（${d.decidedOn}）不能晚于今天（${today}）`);
      const form = formOf(d);
      if (Object.keys(form).length) updateTopic(ctx, { id, ...form });
      decideTopic(
        ctx,
        { topicId: id, decision: '通过', step: d.step, decidedOn: d.decidedOn, body: d.body, note: d.note },
        { backfilled: true },
      );
    } catch (e) {
      // The message names the row and its step, whichever rule refused it; the transaction undoes the topic.
      if (e instanceof AppError)
        throw new AppError(e.code, `补录的第 ${i + 1} 条决定（第 ${d.step} 步 ${names[d.step - 1]}）：${e.message}`);
      throw e;
    }
  });
  return topicDetail(ctx, id);
}

// Registered beside topics.ts's handlers (not inside them): this module builds on topics.ts.
export const topicBackfillHandlers = handlers({
  'topic.backfill': (input, ctx) => backfillTopic(ctx, input),
});
