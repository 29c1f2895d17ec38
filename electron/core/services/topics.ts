import type { ParsedInput } from '../../../shared/contract';
import type { TopicDetail } from '../../../shared/contract/topics';
import { TOPIC } from '../../../shared/domain/topicState';
import { isoNow, type Ctx } from '../context';
import {
  addTopic,
  listTopics,
  requireTopic,
  topicDetail,
  topicWithLinks,
  updateTopicForm,
  withLinks,
  yearOf,
  type NewTopic,
} from '../data/topic';
import { replaceSectors } from '../data/topicSector';
import { refused } from '../errors';
import { handlers } from '../handler';
import { decideBatch, decideTopic } from './topicDecisions';
import { checkUnitRef } from './units';

/** Topics registered (社会征题), edited and listed; the six-step decisions are in topicDecisions.ts. */

function setSectors(ctx: Ctx, topicId: number, sectorIds: readonly number[]): void {
  for (const sid of sectorIds) checkUnitRef(ctx, 'sector', sid, { allowRetired: true });
  replaceSectors(ctx, topicId, sectorIds);
}

export function insertTopic(ctx: Ctx, t: NewTopic & { sectorIds?: number[] }): number {
  const id = addTopic(ctx, t, isoNow(ctx));
  if (t.sectorIds?.length) setSectors(ctx, id, t.sectorIds);
  return id;
}

/** Edits the intake and the step forms; fields not given keep their value. */
export function updateTopic(ctx: Ctx, input: ParsedInput<'topic.update'>): TopicDetail {
  const t = requireTopic(ctx, input.id);
  if (t.status === TOPIC.merged) throw refused(`议题“${t.title}”已合并到其他议题，不能再修改`);
  for (const ref of [input.committeeId, input.leadCommitteeId]) if (ref != null) checkUnitRef(ctx, 'committee', ref);
  const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
  const receivedOn = pick(input.receivedOn, t.receivedOn);
  updateTopicForm(
    ctx,
    t.id,
    {
      title: pick(input.title, t.title),
      description: pick(input.description, t.description),
      source: pick(input.source, t.source),
      submitter: pick(input.submitter, t.submitter),
      receivedOn,
      field: pick(input.field, t.field),
      year: input.year ?? (input.receivedOn ? yearOf(receivedOn) : t.year),
      committeeId: pick(input.committeeId, t.committeeId),
      narrowedTitle: pick(input.narrowedTitle, t.narrowedTitle),
      rationale: pick(input.rationale, t.rationale),
      rank: pick(input.rank, t.rank),
      planMonth: pick(input.planMonth, t.planMonth),
      meetingForm: pick<string>(input.meetingForm, t.meetingForm),
      leadCommitteeId: pick(input.leadCommitteeId, t.leadCommitteeId),
    },
    isoNow(ctx),
  );
  if (input.sectorIds) setSectors(ctx, t.id, input.sectorIds);
  return topicDetail(ctx, t.id);
}

export const topicHandlers = handlers({
  'topic.create': (input, ctx) => topicDetail(ctx, insertTopic(ctx, input)),

  'topic.createMany': ({ lines, ...common }, ctx) => {
    const titles = lines
      .split(/\r?\n/)
      .map((l) => l.replace(/^\s*(?:\d+[.、．)）]|[-*•·])\s*/, '').trim())
      .filter(Boolean);
    if (!titles.length) throw refused('没有可登记的议题：请每行粘贴一个议题标题');
    const tooLong = titles.find((t) => [...t].length > 80);
    if (tooLong) throw refused(`议题标题太长（最多 80 个字）：“${tooLong.slice(0, 20)}…”`);
    return titles.map((title) => topicWithLinks(ctx, requireTopic(ctx, insertTopic(ctx, { ...common, title }))));
  },

  'topic.update': (input, ctx) => updateTopic(ctx, input),

  'topic.get': ({ id }, ctx) => topicDetail(ctx, id),

  'topic.list': (filter, ctx) => {
    if (filter.committeeId) checkUnitRef(ctx, 'committee', filter.committeeId, { allowRetired: true });
    return withLinks(ctx, listTopics(ctx, filter));
  },

  'topic.decide': (input, ctx) => decideTopic(ctx, input),

  'topic.decideBatch': (input, ctx) => decideBatch(ctx, input),
});
