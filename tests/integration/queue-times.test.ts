import { afterEach, beforeEach, expect, it } from 'vitest';
import { err, ok, tempCore } from '../support/tempCore';

let core: ReturnType<typeof tempCore>;
let meetingId: number;
let speechId: number;

beforeEach(async () => {
  core = tempCore({ now: () => new Date('2026-05-14T01:00:00Z') });
  ok(await core.invoke('app.loadDemo', {}));
  meetingId = ok(
    await core.invoke('meeting.create', {
      topicId: null,
      form: '冰城商量',
      title: '补录测试',
      startsAt: '2026-05-14T09:00',
      useTemplate: true,
    }),
  ).id;
  const person = ok(await core.invoke('person.list', {}))[0];
  const q = ok(await core.invoke('queue.add', { meetingId, personId: person.id, kind: '预约发言' }));
  speechId = q.entries[0].id;
});
afterEach(() => core.dispose());

it('records a waiting speech afterwards: spoken, two runs, ended at the last end; bad times change nothing', async () => {
  const q = ok(
    await core.invoke('queue.setTimes', {
      speechId,
      intervals: [
        { start: '14:52', end: '14:57' },
        { start: '14:58', end: '15:00' },
      ],
    }),
  );
  const e = q.entries[0];
  expect(e.state).toBe('已发言');
  const secs = e.intervals.reduce((t, i) => t + (Date.parse(i.to!) - Date.parse(i.from)) / 1000, 0);
  expect(secs).toBe(7 * 60);
  expect(e.endedAt).toBe(new Date('2026-05-14T15:00').toISOString());
  for (const intervals of [
    [{ start: '15:00', end: '14:52' }],
    [
      { start: '14:52', end: '14:57' },
      { start: '14:55', end: '15:00' },
    ],
    [{ start: '2026-05-15T14:52', end: '2026-05-15T15:00' }],
  ])
    expect(err(await core.call('queue.setTimes', { speechId, intervals }))).toBeTruthy();
  expect(ok(await core.invoke('queue.get', { meetingId })).entries[0]).toEqual(e);
});
