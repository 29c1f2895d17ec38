import { describe, expect, it } from 'vitest';
import { agendaSchedule } from '../../shared/domain/agendaSchedule';
import {
  firstWaitingIndex,
  moveTo,
  nextWaiting,
  onFloor,
  UNDO_START_SECONDS,
  undoStartLeftMs,
  type Ordered,
} from '../../shared/domain/queueOrder';
import { clock, elapsedMs, timerView } from '../../shared/domain/speechTimer';

const at = (s: number) => new Date(Date.UTC(2026, 4, 14, 1, 0, s)).toISOString();
const t = (s: number) => Date.UTC(2026, 4, 14, 1, 0, s);

describe('speech timer', () => {
  it('sums closed intervals and the open one up to now', () => {
    expect(
      elapsedMs(
        [
          { from: at(0), to: at(100) },
          { from: at(130), to: null },
        ],
        t(180),
      ),
    ).toBe(150_000);
    expect(elapsedMs([], t(10))).toBe(0);
  });
  it('counts down, turns amber within the warning, red and up when over', () => {
    expect(timerView(480, 0, 60)).toEqual({ remaining: 480, tone: 'normal', text: '08:00' });
    expect(timerView(480, 419_500, 60)).toMatchObject({ tone: 'normal', text: '01:01' });
    expect(timerView(480, 420_000, 60)).toMatchObject({ tone: 'warn', text: '01:00' });
    expect(timerView(480, 480_000, 60)).toMatchObject({ tone: 'warn', text: '00:00', remaining: 0 });
    expect(timerView(480, 545_200, 60)).toMatchObject({ tone: 'over', text: '+01:05', remaining: -65 });
  });
  it('writes hours when a speech runs that long', () => {
    expect(clock(3723)).toBe('1:02:03');
    expect(clock(59)).toBe('00:59');
  });
});

describe('queue order', () => {
  const q: Ordered[] = [
    { id: 1, state: '已发言' },
    { id: 2, state: '发言中' },
    { id: 3, state: '等待' },
    { id: 4, state: '撤回' },
    { id: 5, state: '等待' },
  ];
  it('moves an entry to an index, clamped at both ends', () => {
    expect(moveTo(q, 5, 0).map((e) => e.id)).toEqual([5, 1, 2, 3, 4]);
    expect(moveTo(q, 1, 99).map((e) => e.id)).toEqual([2, 3, 4, 5, 1]);
    expect(moveTo(q, 3, -3).map((e) => e.id)).toEqual([3, 1, 2, 4, 5]);
    expect(moveTo(q, 42, 0)).toEqual(q);
  });
  it('finds who is on the floor and who is next', () => {
    expect(onFloor(q)?.id).toBe(2);
    expect(nextWaiting(q)?.id).toBe(3);
    expect(firstWaitingIndex(q)).toBe(2);
    expect(firstWaitingIndex([{ id: 1, state: '已发言' }])).toBe(1);
  });
});

describe('agenda schedule', () => {
  const start = '2026-05-14T01:00:00.000Z';
  const item = (plannedMinutes: number, startedAt: number | null = null, endedAt: number | null = null) => ({
    plannedMinutes,
    startedAt: startedAt === null ? null : at(startedAt),
    endedAt: endedAt === null ? null : at(endedAt),
  });
  it('plans from the start time while nothing has begun', () => {
    const s = agendaSchedule(start, [item(5), item(10)], t(-3600));
    expect(s.items.map((i) => [i.start, i.end])).toEqual([
      [t(0), t(300)],
      [t(300), t(900)],
    ]);
    expect(s.end).toBe(t(900));
  });
  it('re-estimates from actual times: an item run over pushes the rest', () => {
    // First item took 8 minutes instead of 5; the second runs 12 minutes so far (planned 10).
    const s = agendaSchedule(start, [item(5, 0, 480), item(10, 480), item(15)], t(480 + 720));
    expect(s.items[0]).toMatchObject({ state: 'done', overMinutes: 3 });
    expect(s.items[1]).toMatchObject({ state: 'running', end: t(1200), overMinutes: 2 });
    expect(s.items[2]).toMatchObject({ state: 'ahead', start: t(1200), end: t(1200 + 900) });
    expect(s.end).toBe(t(2100));
  });
  it('an item waiting after a finished one cannot start before now', () => {
    const s = agendaSchedule(start, [item(5, 0, 200), item(10)], t(400));
    expect(s.items[1].start).toBe(t(400));
  });
});

describe('speech statistics', () => {
  it('counts speeches, total time and overtime per speaker and per kind, skipping those not given', async () => {
    const { speechStats } = await import('../../shared/domain/speechStats');
    const s = speechStats(
      [
        {
          name: '林静',
          kind: '预约发言',
          state: '已发言',
          limitSeconds: 480,
          intervals: [{ from: at(0), to: at(500) }],
        },
        {
          name: '林静',
          kind: '即席发言',
          state: '已发言',
          limitSeconds: 300,
          intervals: [{ from: at(600), to: at(700) }],
        },
        {
          name: '谢婷',
          kind: '预约发言',
          state: '发言中',
          limitSeconds: 480,
          intervals: [{ from: at(800), to: null }],
        },
        { name: '冯桂芝', kind: '群众评议', state: '等待', limitSeconds: 180, intervals: [] },
      ],
      t(900),
    );
    expect(s.bySpeaker).toEqual([
      { key: '林静', count: 2, total: 600, over: 20 },
      { key: '谢婷', count: 1, total: 100, over: 0 },
    ]);
    expect(s.byKind).toEqual([
      { key: '预约发言', count: 2, total: 600, over: 20 },
      { key: '即席发言', count: 1, total: 100, over: 0 },
    ]);
  });
});

describe('undoing a start', () => {
  it('lasts a few seconds from the start; a start a moment ahead of this clock is still fresh', () => {
    expect(undoStartLeftMs(at(0), t(3))).toBe((UNDO_START_SECONDS - 3) * 1000);
    expect(undoStartLeftMs(at(0), t(UNDO_START_SECONDS))).toBe(0);
    expect(undoStartLeftMs(at(1), t(0))).toBe(UNDO_START_SECONDS * 1000);
  });

  it('never applies to a start later than now: a time recorded afterwards for a later hour', () => {
    expect(undoStartLeftMs(at(3600), t(0))).toBe(0);
  });
});
