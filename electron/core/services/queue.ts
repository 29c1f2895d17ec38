import type { Queue, Speech } from '../../../shared/contract/meetings';
import {
  backToWaiting,
  firstWaitingIndex,
  moveTo,
  nextWaiting,
  onFloor,
  UNDO_START_SECONDS,
  undoStartLeftMs,
  type SpeechState,
} from '../../../shared/domain/queueOrder';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import { groupByOwner } from '../db/groupByOwner';
import { notFound, refused } from '../errors';
import { handlers } from '../handler';
import {
  AFFILIATION_SQL,
  ensureParticipant,
  meetingRow,
  startIfPreparing,
  writableMeeting,
  type MeetingRow,
} from './meetings';
import { getPerson } from './people';
import { readSettings } from './settings';

interface SpeechRow {
  id: number;
  meeting_id: number;
  person_id: number;
  kind: Speech['kind'];
  state: SpeechState;
  position: number;
}

/** The whole queue of a meeting in order, with intervals and answers: three queries for any length. */
export function getQueue(ctx: QueryCtx, meetingId: number): Queue {
  const entries = ctx.db
    .prepare(
      `SELECT s.id, s.person_id AS personId, p.name, ${AFFILIATION_SQL} AS affiliation, s.kind, s.agenda_item_id AS agendaItemId,
              s.position, s.state, s.limit_seconds AS limitSeconds, s.ended_at AS endedAt
         FROM speech s JOIN person p ON p.id = s.person_id
        WHERE s.meeting_id = ? ORDER BY s.position`,
    )
    .all(meetingId) as Omit<Speech, 'intervals' | 'answers'>[];
  const intervals = ctx.db
    .prepare(
      'SELECT i.speech_id AS owner, i.started_at AS "from", i.stopped_at AS "to" FROM speech_interval i JOIN speech s ON s.id = i.speech_id WHERE s.meeting_id = ? ORDER BY i.id',
    )
    .all(meetingId) as { owner: number; from: string; to: string | null }[];
  const answers = ctx.db
    .prepare(
      'SELECT a.response_id AS owner, a.speech_id AS id FROM speech_answer a JOIN speech s ON s.id = a.response_id WHERE s.meeting_id = ? ORDER BY a.speech_id',
    )
    .all(meetingId) as { owner: number; id: number }[];
  const intervalsOf = groupByOwner<{ from: string; to: string | null }>(intervals);
  const answersOf = groupByOwner<{ id: number }>(answers);
  return {
    meetingId,
    entries: entries.map((e) => ({
      ...e,
      intervals: intervalsOf.get(e.id) ?? [],
      answers: (answersOf.get(e.id) ?? []).map((a) => a.id),
    })),
  };
}

function speechRow(ctx: Ctx, id: number): SpeechRow {
  const r = ctx.db
    .prepare('SELECT id, meeting_id, person_id, kind, state, position FROM speech WHERE id = ?')
    .get(id) as SpeechRow | undefined;
  if (!r) throw notFound('发言', id);
  return r;
}

const ordered = (ctx: Ctx, meetingId: number) =>
  ctx.db
    .prepare(
      'SELECT id, meeting_id, person_id, kind, state, position FROM speech WHERE meeting_id = ? ORDER BY position',
    )
    .all(meetingId) as SpeechRow[];

/** Writes positions 1..n in the given order, touching only the rows that moved. */
function renumber(ctx: Ctx, rows: readonly SpeechRow[]): void {
  const set = ctx.db.prepare('UPDATE speech SET position = ? WHERE id = ?');
  rows.forEach((r, i) => r.position !== i + 1 && set.run(i + 1, r.id));
}

/** A waiting entry moves among the waiting ones only: who has spoken stays where they spoke. */
function moveWaiting(ctx: Ctx, s: SpeechRow, index: number): void {
  const rows = ordered(ctx, s.meeting_id);
  const waiting = moveTo(
    rows.filter((r) => r.state === '等待'),
    s.id,
    index,
  );
  let w = 0;
  renumber(
    ctx,
    rows.map((r) => (r.state === '等待' ? waiting[w++] : r)),
  );
}

const closeInterval = (ctx: Ctx, speechId: number, at: string) =>
  ctx.db
    .prepare('UPDATE speech_interval SET stopped_at = ? WHERE speech_id = ? AND stopped_at IS NULL')
    .run(at, speechId);

function endSpeech(ctx: Ctx, id: number, at: string): void {
  closeInterval(ctx, id, at);
  ctx.db.prepare("UPDATE speech SET state = '已发言', ended_at = ? WHERE id = ?").run(at, id);
}

/** Gives the floor to a waiting entry: whoever holds it is ended, and the entry moves to the head of the waiting line. */
function startSpeech(ctx: Ctx, s: SpeechRow, m: MeetingRow): void {
  startIfPreparing(ctx, m);
  const now = isoNow(ctx);
  const rows = ordered(ctx, s.meeting_id);
  const current = onFloor(rows);
  if (current) endSpeech(ctx, current.id, now);
  // One read of the order: the ended speaker's new state is applied in memory.
  const after = rows.map((r) => (r.id === current?.id ? { ...r, state: '已发言' as SpeechState } : r));
  renumber(ctx, moveTo(after, s.id, firstWaitingIndex(after.filter((r) => r.id !== s.id))));
  ctx.db.prepare("UPDATE speech SET state = '发言中' WHERE id = ?").run(s.id);
  ctx.db.prepare('INSERT INTO speech_interval (speech_id, started_at) VALUES (?, ?)').run(s.id, now);
}

/**
 * Takes back a start made moments ago (an absent speaker, the wrong row): the entry waits again
 * at the head of the line and keeps no trace of speaking, so no statistic or record counts it.
 * Whoever the start ended stays ended: that speech was real.
 */
function undoStart(ctx: Ctx, s: SpeechRow, now: string): void {
  const started = ctx.db
    .prepare('SELECT min(started_at) FROM speech_interval WHERE speech_id = ?')
    .pluck()
    .get(s.id) as string | null;
  if (!started || undoStartLeftMs(started, Date.parse(now)) === 0)
    throw refused(`只能撤销 ${UNDO_START_SECONDS} 秒内开始的发言；已经讲过的发言请用“结束”`);
  ctx.db.prepare('DELETE FROM speech_interval WHERE speech_id = ?').run(s.id);
  // A response that never happened answers nothing.
  ctx.db.prepare('DELETE FROM speech_answer WHERE response_id = ?').run(s.id);
  ctx.db.prepare("UPDATE speech SET state = '等待', ended_at = NULL WHERE id = ?").run(s.id);
  const rows = ordered(ctx, s.meeting_id);
  renumber(ctx, moveTo(rows, s.id, firstWaitingIndex(rows.filter((r) => r.id !== s.id))));
}

const statePhrase: Record<SpeechState, string> = {
  等待: '还在等待',
  发言中: '正在发言',
  暂停: '已暂停',
  已发言: '已结束',
  撤回: '已撤回',
};

/** Loads the entry, refuses if its meeting is archived, checks its state, runs the change, answers the queue. */
function withSpeech(
  ctx: Ctx,
  id: number,
  allowed: readonly SpeechState[],
  refusal: string,
  change: (s: SpeechRow, now: string, m: MeetingRow) => void,
): Queue {
  const s = speechRow(ctx, id);
  const m = writableMeeting(ctx, s.meeting_id);
  if (!allowed.includes(s.state)) throw refused(`${refusal}，该发言${statePhrase[s.state]}`);
  change(s, isoNow(ctx), m);
  return getQueue(ctx, s.meeting_id);
}

export const queueHandlers = handlers({
  // Reading is allowed on every meeting, archived ones included.
  'queue.get': ({ meetingId }, ctx) => (meetingRow(ctx, meetingId), getQueue(ctx, meetingId)),

  'queue.add': ({ meetingId, personId, kind, agendaItemId, limitSeconds }, ctx) => {
    writableMeeting(ctx, meetingId);
    const person = getPerson(ctx, personId);
    if (person.retired) throw refused(`“${person.name}”已停用，不能加入发言队列`);
    if (agendaItemId !== undefined) {
      const owner = ctx.db.prepare('SELECT meeting_id FROM agenda_item WHERE id = ?').pluck().get(agendaItemId) as
        number | undefined;
      if (owner === undefined) throw notFound('议程项', agendaItemId);
      if (owner !== meetingId) throw refused('该议程项不属于这次会议');
    }
    ensureParticipant(ctx, meetingId, personId);
    // Without a chosen item, a speech belongs to the agenda item running now.
    const item =
      agendaItemId ??
      (ctx.db
        .prepare('SELECT id FROM agenda_item WHERE meeting_id = ? AND started_at IS NOT NULL AND ended_at IS NULL')
        .pluck()
        .get(meetingId) as number | undefined) ??
      null;
    const position =
      ((ctx.db.prepare('SELECT max(position) FROM speech WHERE meeting_id = ?').pluck().get(meetingId) as
        number | null) ?? 0) + 1;
    ctx.db
      .prepare(
        'INSERT INTO speech (meeting_id, person_id, kind, agenda_item_id, position, limit_seconds, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        meetingId,
        personId,
        kind,
        item,
        position,
        limitSeconds ?? readSettings(ctx).speechLimits[kind],
        isoNow(ctx),
      );
    return getQueue(ctx, meetingId);
  },

  'queue.move': ({ id, toIndex }, ctx) =>
    withSpeech(ctx, id, ['等待'], '只有等待中的发言可以调整顺序', (s) => moveWaiting(ctx, s, toIndex)),

  'queue.moveToTop': ({ id }, ctx) =>
    withSpeech(ctx, id, ['等待'], '只有等待中的发言可以移到最前', (s) => moveWaiting(ctx, s, 0)),

  'queue.start': ({ id }, ctx) =>
    withSpeech(ctx, id, ['等待'], '只有等待中的发言可以开始', (s, _now, m) => startSpeech(ctx, s, m)),

  'queue.pause': ({ id }, ctx) =>
    withSpeech(ctx, id, ['发言中'], '只有正在发言的可以暂停', (s, now) => {
      closeInterval(ctx, s.id, now);
      ctx.db.prepare("UPDATE speech SET state = '暂停' WHERE id = ?").run(s.id);
    }),

  'queue.resume': ({ id }, ctx) =>
    withSpeech(ctx, id, ['暂停'], '只有暂停的发言可以继续', (s, now) => {
      ctx.db.prepare("UPDATE speech SET state = '发言中' WHERE id = ?").run(s.id);
      ctx.db.prepare('INSERT INTO speech_interval (speech_id, started_at) VALUES (?, ?)').run(s.id, now);
    }),

  'queue.end': ({ id }, ctx) =>
    withSpeech(ctx, id, ['发言中', '暂停'], '只有正在发言或暂停的可以结束', (s, now) => endSpeech(ctx, s.id, now)),

  'queue.withdraw': ({ id }, ctx) =>
    withSpeech(ctx, id, ['等待'], '只有等待中的发言可以撤回', (s) => {
      ctx.db.prepare("UPDATE speech SET state = '撤回' WHERE id = ?").run(s.id);
    }),

  'queue.restore': ({ id }, ctx) =>
    withSpeech(ctx, id, ['撤回'], '只有撤回的发言可以恢复', (s) => {
      ctx.db.prepare("UPDATE speech SET state = '等待' WHERE id = ?").run(s.id);
      renumber(ctx, backToWaiting(ordered(ctx, s.meeting_id), s.id));
    }),

  'queue.undoStart': ({ id }, ctx) =>
    withSpeech(ctx, id, ['发言中', '暂停', '已发言'], '只有刚开始的发言可以撤销', (s, now) => undoStart(ctx, s, now)),

  'queue.skip': ({ id }, ctx) =>
    withSpeech(ctx, id, ['等待', '发言中', '暂停', '已发言'], '已撤回的发言不能跳过', (s, now) => {
      if (s.state !== '等待') undoStart(ctx, s, now);
      moveWaiting(ctx, s, Number.MAX_SAFE_INTEGER);
    }),

  'queue.extend': ({ id, seconds }, ctx) =>
    withSpeech(ctx, id, ['等待', '发言中', '暂停'], '已结束的发言不能延长', (s) => {
      ctx.db.prepare('UPDATE speech SET limit_seconds = min(limit_seconds + ?, 7200) WHERE id = ?').run(seconds, s.id);
    }),

  'queue.next': ({ meetingId }, ctx) => {
    const m = writableMeeting(ctx, meetingId);
    const rows = ordered(ctx, meetingId);
    const next = nextWaiting(rows);
    if (next) startSpeech(ctx, next, m);
    else {
      const current = onFloor(rows);
      if (!current) throw refused('没有等待发言的人');
      endSpeech(ctx, current.id, isoNow(ctx));
    }
    return getQueue(ctx, meetingId);
  },

  'queue.setAnswers': ({ responseId, speechIds }, ctx) => {
    const r = speechRow(ctx, responseId);
    writableMeeting(ctx, r.meeting_id);
    if (r.kind !== '部门回应') throw refused('只有“部门回应”可以关联所答复的发言');
    for (const id of new Set(speechIds)) {
      const s = speechRow(ctx, id);
      if (s.meeting_id !== r.meeting_id) throw refused('所答复的发言不属于这次会议');
      if (s.id === r.id || s.kind === '部门回应') throw refused('部门回应只能答复委员、专家或群众的发言');
      if (s.state === '撤回') throw refused('不能答复已撤回的发言');
    }
    ctx.db.prepare('DELETE FROM speech_answer WHERE response_id = ?').run(responseId);
    const insert = ctx.db.prepare('INSERT INTO speech_answer (response_id, speech_id) VALUES (?, ?)');
    for (const id of new Set(speechIds)) insert.run(responseId, id);
    return getQueue(ctx, r.meeting_id);
  },
});
