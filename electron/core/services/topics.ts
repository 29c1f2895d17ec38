import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract';
import type { Topic, TopicDetail, TopicEventOut } from '../../../shared/contract/topics';
import {
  applyTopicEvent,
  deriveTopicState,
  type Decision,
  type Step,
  type TopicEvent,
  type TopicState,
} from '../../../shared/domain/topicState';
import type { TopicSource } from '../../../shared/domain/topics';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import { groupByOwner } from '../db/groupByOwner';
import { notFound, orRefuse, refused } from '../errors';
import { handlers } from '../handler';
import { checkUnitRef } from './units';

interface TopicRow {
  id: number;
  title: string;
  description: string;
  source: TopicSource;
  submitter: string;
  received_on: string;
  field: string;
  year: number;
  committee_id: number | null;
  narrowed_title: string;
  rationale: string;
  rank: number | null;
  plan_month: number | null;
  meeting_form: string;
  lead_committee_id: number | null;
  step: Step;
  status: Topic['status'];
  merged_into: number | null;
  deferred_to: number | null;
  updated_at: string;
}

interface EventRow {
  seq: number;
  decision: Decision;
  step: Step;
  to_step: Step | null;
  other_topic_id: number | null;
  other_title: string | null;
  deferred_to: number | null;
  decided_on: string;
  body: string;
  note: string;
  batch: string | null;
  created_at: string;
}

function row(ctx: QueryCtx, id: number): TopicRow {
  const r = ctx.db.prepare('SELECT * FROM topic WHERE id = ?').get(id) as TopicRow | undefined;
  if (!r) throw notFound('议题', id);
  return r;
}

/** Rows to topics with their sectors and merged-in topics: two queries for any number of rows. */
function toTopics(ctx: QueryCtx, rows: readonly TopicRow[]): Topic[] {
  const ids = JSON.stringify(rows.map((r) => r.id));
  const sectors = ctx.db
    .prepare(
      'SELECT topic_id AS owner, sector_id AS id FROM topic_sector WHERE topic_id IN (SELECT value FROM json_each(?)) ORDER BY sector_id',
    )
    .all(ids) as { owner: number; id: number }[];
  const merged = ctx.db
    .prepare(
      'SELECT merged_into AS owner, id FROM topic WHERE merged_into IN (SELECT value FROM json_each(?)) ORDER BY id',
    )
    .all(ids) as { owner: number; id: number }[];
  const sectorsOf = groupByOwner<{ id: number }>(sectors);
  const mergedOf = groupByOwner<{ id: number }>(merged);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    source: r.source,
    submitter: r.submitter,
    receivedOn: r.received_on,
    field: r.field,
    year: r.year,
    sectorIds: (sectorsOf.get(r.id) ?? []).map((x) => x.id),
    committeeId: r.committee_id,
    narrowedTitle: r.narrowed_title,
    rationale: r.rationale,
    rank: r.rank,
    planMonth: r.plan_month,
    meetingForm: r.meeting_form,
    leadCommitteeId: r.lead_committee_id,
    step: r.step,
    status: r.status,
    mergedInto: r.merged_into,
    mergedFrom: (mergedOf.get(r.id) ?? []).map((x) => x.id),
    deferredTo: r.deferred_to,
    updatedAt: r.updated_at,
  }));
}

const toTopic = (ctx: QueryCtx, r: TopicRow): Topic => toTopics(ctx, [r])[0];

function eventRows(ctx: QueryCtx, topicId: number): EventRow[] {
  return ctx.db
    .prepare(
      `SELECT e.*, o.title AS other_title FROM topic_event e LEFT JOIN topic o ON o.id = e.other_topic_id
       WHERE e.topic_id = ? ORDER BY e.seq`,
    )
    .all(topicId) as EventRow[];
}

const toDomainEvent = (e: EventRow): TopicEvent => ({
  decision: e.decision,
  step: e.step,
  toStep: e.to_step ?? undefined,
  otherTopicId: e.other_topic_id ?? undefined,
  deferredTo: e.deferred_to ?? undefined,
  note: e.note,
});

const toEventOut = (e: EventRow): TopicEventOut => ({
  seq: e.seq,
  decision: e.decision,
  step: e.step,
  toStep: e.to_step,
  otherTopicId: e.other_topic_id,
  otherTopicTitle: e.other_title,
  deferredTo: e.deferred_to,
  decidedOn: e.decided_on,
  body: e.body,
  note: e.note,
  batch: e.batch,
  createdAt: e.created_at,
});

export function getTopicDetail(ctx: QueryCtx, id: number): TopicDetail {
  return { ...toTopic(ctx, row(ctx, id)), events: eventRows(ctx, id).map(toEventOut) };
}

/** The state as the shared reducer derives it from the stored history. */
function currentState(ctx: Ctx, topicId: number): TopicState {
  return orRefuse(
    deriveTopicState(eventRows(ctx, topicId).map(toDomainEvent)),
    'refused',
    `议题 ${topicId} 的决定记录不一致：`,
  );
}

interface Sitting {
  decidedOn: string;
  body: string;
  note?: string;
  batch?: string;
}

/**
 * Appends one decision after the reducer accepts it from `before` (the state derived from the
 * stored history), then stores the new state on the topic row for lists and filters. Everything
 * else about a decision is checked before this.
 */
function appendEvent(ctx: Ctx, topicId: number, before: TopicState, event: TopicEvent, sitting: Sitting): TopicState {
  const s = orRefuse(applyTopicEvent(before, event));
  const seq =
    (ctx.db
      .prepare('SELECT coalesce(max(seq), 0) + 1 FROM topic_event WHERE topic_id = ?')
      .pluck()
      .get(topicId) as number) ?? 1;
  ctx.db
    .prepare(
      `INSERT INTO topic_event (topic_id, seq, decision, step, to_step, other_topic_id, deferred_to, decided_on, body, note, batch, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      topicId,
      seq,
      event.decision,
      event.step,
      event.toStep ?? null,
      event.otherTopicId ?? null,
      event.deferredTo ?? null,
      sitting.decidedOn,
      sitting.body,
      sitting.note ?? '',
      sitting.batch ?? null,
      isoNow(ctx),
    );
  ctx.db
    .prepare('UPDATE topic SET step = ?, status = ?, merged_into = ?, deferred_to = ?, updated_at = ? WHERE id = ?')
    .run(s.step, s.status, s.mergedInto ?? null, s.deferredTo ?? null, isoNow(ctx), topicId);
  return s;
}

/** Rules that need the topic's data: the step's form is filled in, dates run forward. */
function checkDecision(ctx: Ctx, t: TopicRow, decision: Decision, decidedOn: string): void {
  const title = `“${t.title}”`;
  if (decidedOn < t.received_on)
    throw refused(`${title}的决定日期（${decidedOn}）不能早于收到日期（${t.received_on}）`);
  const last = ctx.db.prepare('SELECT max(decided_on) FROM topic_event WHERE topic_id = ?').pluck().get(t.id) as
    string | null;
  if (last && decidedOn < last) throw refused(`${title}的决定日期（${decidedOn}）不能早于上一次决定（${last}）`);
  if (decision !== '通过') return;
  if (t.step === 2 && (!t.committee_id || !t.narrowed_title))
    throw refused(`${title}在第 2 步通过前，须选定承办专委会并填写拟定题目`);
  if (t.step === 3 && !t.rank) throw refused(`${title}在第 3 步通过前，须填写排序`);
  if (t.step === 6 && (!t.plan_month || !t.meeting_form || !t.lead_committee_id)) {
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

function setSectors(ctx: Ctx, topicId: number, sectorIds: readonly number[]): void {
  for (const sid of sectorIds) checkUnitRef(ctx, 'sector', sid, { allowRetired: true });
  ctx.db.prepare('DELETE FROM topic_sector WHERE topic_id = ?').run(topicId);
  const insert = ctx.db.prepare('INSERT INTO topic_sector (topic_id, sector_id) VALUES (?, ?)');
  for (const sid of new Set(sectorIds)) insert.run(topicId, sid);
}

interface NewTopic {
  title: string;
  description?: string;
  source: TopicSource;
  submitter?: string;
  receivedOn: string;
  field?: string;
  sectorIds?: number[];
}

export function insertTopic(ctx: Ctx, t: NewTopic): number {
  const now = isoNow(ctx);
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO topic (title, description, source, submitter, received_on, field, year, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        t.title,
        t.description ?? '',
        t.source,
        t.submitter ?? '',
        t.receivedOn,
        t.field ?? '',
        Number(t.receivedOn.slice(0, 4)),
        now,
        now,
      ).lastInsertRowid,
  );
  if (t.sectorIds?.length) setSectors(ctx, id, t.sectorIds);
  return id;
}

/** Edits the intake and the step forms; fields not given keep their value. */
export function updateTopic(ctx: Ctx, input: ParsedInput<'topic.update'>): TopicDetail {
  const t = row(ctx, input.id);
  if (t.status === '已合并') throw refused(`议题“${t.title}”已合并到其他议题，不能再修改`);
  for (const ref of [input.committeeId, input.leadCommitteeId]) if (ref != null) checkUnitRef(ctx, 'committee', ref);
  const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
  const receivedOn = pick(input.receivedOn, t.received_on);
  ctx.db
    .prepare(
      `UPDATE topic SET title = ?, description = ?, source = ?, submitter = ?, received_on = ?, field = ?, year = ?,
         committee_id = ?, narrowed_title = ?, rationale = ?, rank = ?, plan_month = ?, meeting_form = ?, lead_committee_id = ?, updated_at = ?
       WHERE id = ?`,
    )
    .run(
      pick(input.title, t.title),
      pick(input.description, t.description),
      pick(input.source, t.source),
      pick(input.submitter, t.submitter),
      receivedOn,
      pick(input.field, t.field),
      input.year ?? (input.receivedOn ? Number(receivedOn.slice(0, 4)) : t.year),
      pick(input.committeeId, t.committee_id),
      pick(input.narrowedTitle, t.narrowed_title),
      pick(input.rationale, t.rationale),
      pick(input.rank, t.rank),
      pick(input.planMonth, t.plan_month),
      pick(input.meetingForm, t.meeting_form),
      pick(input.leadCommitteeId, t.lead_committee_id),
      isoNow(ctx),
      t.id,
    );
  if (input.sectorIds) setSectors(ctx, t.id, input.sectorIds);
  return getTopicDetail(ctx, t.id);
}

/** One decision on one topic (the wizard's buttons), checked by the shared reducer first. */
export function decideTopic(
  ctx: Ctx,
  { topicId, decision, step, toStep, otherTopicId, deferredTo, decidedOn, body, note }: ParsedInput<'topic.decide'>,
): TopicDetail {
  const t = row(ctx, topicId);
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
  const sitting = { decidedOn, body, note };
  if (decision === '合并') {
    if (otherTopicId === undefined) throw new Error('unreachable: the reducer refuses 合并 without a target');
    if (otherTopicId === topicId) throw refused('不能把议题合并到它自己');
    const target = row(ctx, otherTopicId);
    appendEvent(
      ctx,
      otherTopicId,
      currentState(ctx, otherTopicId),
      { decision: '接收合并', step: target.step, otherTopicId: topicId, note: note ?? '' },
      sitting,
    );
  }
  appendEvent(ctx, topicId, before, event, sitting);
  // A deferred topic comes back in the year it was deferred to.
  if (decision === '重新启用' && before.status === '暂缓' && before.deferredTo) {
    ctx.db.prepare('UPDATE topic SET year = ? WHERE id = ?').run(before.deferredTo, topicId);
  }
  return getTopicDetail(ctx, topicId);
}

export const topicHandlers = handlers({
  'topic.create': (input, ctx) => getTopicDetail(ctx, insertTopic(ctx, input)),

  'topic.createMany': ({ lines, ...common }, ctx) => {
    const titles = lines
      .split(/\r?\n/)
      .map((l) => l.replace(/^\s*(?:\d+[.、．)）]|[-*•·])\s*/, '').trim())
      .filter(Boolean);
    if (!titles.length) throw refused('没有可登记的议题：请每行粘贴一个议题标题');
    const tooLong = titles.find((t) => [...t].length > 80);
    if (tooLong) throw refused(`议题标题太长（最多 80 个字）：“${tooLong.slice(0, 20)}…”`);
    return titles.map((title) => toTopic(ctx, row(ctx, insertTopic(ctx, { ...common, title }))));
  },

  'topic.update': (input, ctx) => updateTopic(ctx, input),

  'topic.get': ({ id }, ctx) => getTopicDetail(ctx, id),

  'topic.list': ({ year, field, source, committeeId, query }, ctx) => {
    if (committeeId) checkUnitRef(ctx, 'committee', committeeId, { allowRetired: true });
    const where: string[] = [];
    const args: unknown[] = [];
    const filter = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      args.push(...values);
    };
    if (year) filter('year = ?', year);
    if (field) filter('field = ?', field);
    if (source) filter('source = ?', source);
    if (committeeId) filter('(committee_id = ? OR lead_committee_id = ?)', committeeId, committeeId);
    if (query) filter('(instr(title, ?) > 0 OR instr(narrowed_title, ?) > 0)', query, query);
    const rows = ctx.db
      .prepare(
        `SELECT * FROM topic ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY step, coalesce(rank, 999), received_on, id`,
      )
      .all(...args) as TopicRow[];
    return toTopics(ctx, rows);
  },

  'topic.decide': (input, ctx) => decideTopic(ctx, input),

  'topic.decideBatch': ({ topicIds, decision, step, deferredTo, decidedOn, body, note }, ctx) => {
    checkDecisionFields(decision, { deferredTo });
    if (step < 4) throw refused('批量决定用于第 4—6 步（主席会议、常委会议等一次会议决定多个议题）');
    const ids = [...new Set(topicIds)];
    const batch = randomUUID();
    // One transaction (the router's): the first topic that cannot take the decision undoes them all.
    for (const id of ids) {
      const t = row(ctx, id);
      if (t.step !== step || t.status !== '进行中') {
        throw refused(
          `“${t.title}”不在第 ${step} 步（当前${t.status === '进行中' ? `第 ${t.step} 步` : t.status}），本次批量决定未作任何改动`,
        );
      }
      checkDecision(ctx, t, decision, decidedOn);
      appendEvent(
        ctx,
        id,
        currentState(ctx, id),
        { decision, step: step as Step, deferredTo, note: note ?? '' },
        { decidedOn, body, note, batch },
      );
    }
    return ids.map((id) => toTopic(ctx, row(ctx, id)));
  },
});
