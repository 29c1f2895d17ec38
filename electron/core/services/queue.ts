import type { ParsedInput } from '../../../shared/contract';
import type { Meeting, Queue, Speech } from '../../../shared/contract/meetings';
import {
  backToWaiting,
  firstWaitingIndex,
  moveTo,
  nextWaiting,
  onFloor,
  UNDO_START_SECONDS,
  undoStartLeftMs,
} from '../../../shared/domain/queueOrder';
import { SPEECH, speechRefusal, type SpeechAction } from '../../../shared/domain/speechState';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import {
  addSpeech,
  endSpeech,
  eraseSpeaking,
  extendLimit,
  findSpeech,
  firstStartedAt,
  openFloor,
  orderedSpeeches,
  renumber,
  replaceAnswers,
  setSpeechState,
  closeInterval,
  type SpeechRow,
} from '../data/speech';
import { findAgendaItem, runningItemId } from '../data/agenda';
import { AFFILIATION_SQL } from '../data/participant';
import { groupByOwner } from '../db/groupByOwner';
import { all, sql } from '../db/sql';
import { notFound, refused } from '../errors';
import { handlers } from '../handler';
import { meetingRow, startIfPreparing, writableMeeting } from './meetings';
import { ensureParticipant } from './participants';
import { getPerson } from './people';
import { readSettings } from './settings';
import { recordTimes } from './speechTimes';

/** The whole queue of a meeting in order, with intervals and answers: three queries for any length. */
export function getQueue(ctx: QueryCtx, meetingId: number): Queue {
  const entries = all<Omit<Speech, 'intervals' | 'answers'>>(
    ctx.db,
    sql`SELECT s.id, s.person_id AS personId, p.name, ${AFFILIATION_SQL} AS affiliation, s.kind, s.agenda_item_id AS agendaItemId,
               s.position, s.state, s.limit_seconds AS limitSeconds, s.ended_at AS endedAt
          FROM speech s JOIN person p ON p.id = s.person_id
         WHERE s.meeting_id = ${meetingId} ORDER BY s.position`,
  );
  const intervals = all<{ owner: number; from: string; to: string | null }>(
    ctx.db,
    sql`SELECT i.speech_id AS owner, i.started_at AS "from", i.stopped_at AS "to"
          FROM speech_interval i JOIN speech s ON s.id = i.speech_id WHERE s.meeting_id = ${meetingId} ORDER BY i.id`,
  );
  const answers = all<{ owner: number; id: number }>(
    ctx.db,
    sql`SELECT a.response_id AS owner, a.speech_id AS id
          FROM speech_answer a JOIN speech s ON s.id = a.response_id WHERE s.meeting_id = ${meetingId} ORDER BY a.speech_id`,
  );
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

function speechRow(ctx: QueryCtx, id: number): SpeechRow {
  const r = findSpeech(ctx, id);
  if (!r) throw notFound('发言', id);
  return r;
}

/** A waiting entry moves among the waiting ones only: who has spoken stays where they spoke. */
function moveWaiting(ctx: Ctx, s: SpeechRow, index: number): void {
  const rows = orderedSpeeches(ctx, s.meeting_id);
  const waiting = moveTo(
    rows.filter((r) => r.state === SPEECH.waiting),
    s.id,
    index,
  );
  let w = 0;
  renumber(
    ctx,
    rows.map((r) => (r.state === SPEECH.waiting ? waiting[w++] : r)),
  );
}

/** Gives the floor to a waiting entry: whoever holds it is ended, and the entry moves to the head of the waiting line. */
function startSpeech(ctx: Ctx, s: SpeechRow, m: Meeting): void {
  startIfPreparing(ctx, m);
  const now = isoNow(ctx);
  const rows = orderedSpeeches(ctx, s.meeting_id);
  const current = onFloor(rows);
  if (current) endSpeech(ctx, current.id, now);
  // One read of the order: the ended speaker's new state is applied in memory.
  const after = rows.map((r) => (r.id === current?.id ? { ...r, state: SPEECH.spoken } : r));
  renumber(ctx, moveTo(after, s.id, firstWaitingIndex(after.filter((r) => r.id !== s.id))));
  openFloor(ctx, s.id, now);
  ctx.minutesDocs.speakerStarted(s.meeting_id);
}

/**
 * Takes back a start made moments ago (an absent speaker, the wrong row): the entry waits again
 * at the head of the line and keeps no trace of speaking, so no statistic or record counts it.
 * Whoever the start ended stays ended: that speech was real.
 */
function undoStart(ctx: Ctx, s: SpeechRow, now: string): void {
  const started = firstStartedAt(ctx, s.id);
  if (!started || undoStartLeftMs(started, Date.parse(now)) === 0)
    throw refused(`只能撤销 ${UNDO_START_SECONDS} 秒内开始的发言；已经讲过的发言请用“结束”`);
  eraseSpeaking(ctx, s.id);
  ctx.minutesDocs.speechUndone(s.meeting_id, s.id);
  const rows = orderedSpeeches(ctx, s.meeting_id);
  renumber(ctx, moveTo(rows, s.id, firstWaitingIndex(rows.filter((r) => r.id !== s.id))));
}

/** Loads the entry, refuses if its meeting is archived, checks its state, runs the change, answers the queue. */
function withSpeech(
  ctx: Ctx,
  id: number,
  action: SpeechAction,
  change: (s: SpeechRow, now: string, m: Meeting) => void,
): Queue {
  const s = speechRow(ctx, id);
  const m = writableMeeting(ctx, s.meeting_id);
  const refusal = speechRefusal(s.state, action);
  if (refusal) throw refused(refusal);
  change(s, isoNow(ctx), m);
  return getQueue(ctx, s.meeting_id);
}

export const queueHandlers = handlers({
  // Reading is allowed on every meeting, archived ones included.
  'queue.get': ({ meetingId }, ctx) => (meetingRow(ctx, meetingId), getQueue(ctx, meetingId)),

  'queue.add': (input, ctx) => {
    enqueue(ctx, input);
    return getQueue(ctx, input.meetingId);
  },
  'queue.move': ({ id, toIndex }, ctx) => withSpeech(ctx, id, 'move', (s) => moveWaiting(ctx, s, toIndex)),

  'queue.moveToTop': ({ id }, ctx) => withSpeech(ctx, id, 'moveToTop', (s) => moveWaiting(ctx, s, 0)),

  'queue.start': ({ id }, ctx) => withSpeech(ctx, id, 'start', (s, _now, m) => startSpeech(ctx, s, m)),

  'queue.pause': ({ id }, ctx) =>
    withSpeech(ctx, id, 'pause', (s, now) => {
      closeInterval(ctx, s.id, now);
      setSpeechState(ctx, s.id, SPEECH.paused);
    }),

  'queue.resume': ({ id }, ctx) => withSpeech(ctx, id, 'resume', (s, now) => openFloor(ctx, s.id, now)),

  'queue.end': ({ id }, ctx) => withSpeech(ctx, id, 'end', (s, now) => endSpeech(ctx, s.id, now)),

  'queue.withdraw': ({ id }, ctx) =>
    withSpeech(ctx, id, 'withdraw', (s) => {
      setSpeechState(ctx, s.id, SPEECH.withdrawn);
    }),

  'queue.restore': ({ id }, ctx) =>
    withSpeech(ctx, id, 'restore', (s) => {
      setSpeechState(ctx, s.id, SPEECH.waiting);
      renumber(ctx, backToWaiting(orderedSpeeches(ctx, s.meeting_id), s.id));
    }),

  'queue.undoStart': ({ id }, ctx) => withSpeech(ctx, id, 'undoStart', (s, now) => undoStart(ctx, s, now)),

  'queue.skip': ({ id }, ctx) =>
    withSpeech(ctx, id, 'skip', (s, now) => {
      if (s.state !== SPEECH.waiting) undoStart(ctx, s, now);
      moveWaiting(ctx, s, Number.MAX_SAFE_INTEGER);
    }),

  'queue.extend': ({ id, seconds }, ctx) =>
    withSpeech(ctx, id, 'extend', (s) => {
      extendLimit(ctx, s.id, seconds);
    }),

  'queue.next': ({ meetingId }, ctx) => {
    const m = writableMeeting(ctx, meetingId);
    const rows = orderedSpeeches(ctx, meetingId);
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
      if (s.state === SPEECH.withdrawn) throw refused('不能答复已撤回的发言');
    }
    replaceAnswers(ctx, responseId, new Set(speechIds));
    return getQueue(ctx, r.meeting_id);
  },

  'queue.setTimes': ({ speechId, intervals }, ctx) =>
    withSpeech(ctx, speechId, 'setTimes', (s, _now, m) => recordTimes(ctx, s, m, intervals)),
});

/** A speech added at the end of the queue (queue.add, an accepted request from a phone). Returns its id. */
export function enqueue(
  ctx: Ctx,
  { meetingId, personId, kind, agendaItemId, limitSeconds }: ParsedInput<'queue.add'>,
): number {
  writableMeeting(ctx, meetingId);
  const person = getPerson(ctx, personId);
  if (person.retired) throw refused(`“${person.name}”已停用，不能加入发言队列`);
  if (agendaItemId !== undefined) {
    const owner = findAgendaItem(ctx, agendaItemId)?.meetingId;
    if (owner === undefined) throw notFound('议程项', agendaItemId);
    if (owner !== meetingId) throw refused('该议程项不属于这次会议');
  }
  ensureParticipant(ctx, meetingId, personId);
  // Without a chosen item, a speech belongs to the agenda item running now.
  const item = agendaItemId ?? runningItemId(ctx, meetingId) ?? null;
  return addSpeech(ctx, {
    meetingId,
    personId,
    kind,
    agendaItemId: item,
    limitSeconds: limitSeconds ?? readSettings(ctx).speechLimits[kind],
    createdAt: isoNow(ctx),
  });
}
