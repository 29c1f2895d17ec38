import { afterEach, beforeEach, expect, it } from 'vitest';
import { inProcess } from '../support/minutesClient';
import { speechStats } from '../../shared/domain/speechStats';
import { dumpDatabase, err, ok, tempCore } from '../support/tempCore';

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

/** A speech with a pause: 14:52–14:57, then 14:58–15:00 (seven minutes spoken). */
const TWO_RUNS = [
  { start: '14:52', end: '14:57' },
  { start: '14:58', end: '15:00' },
];

it('records a waiting speech afterwards: spoken, two runs, ended at the last end; bad times change nothing', async () => {
  const q = ok(
    await core.invoke('queue.setTimes', {
      speechId,
      intervals: TWO_RUNS,
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

/** The minutes' speaker headers in document order: speech id and time shown. */
async function headers(): Promise<[number, string][]> {
  const doc = ok(await core.invoke('minutes.get', { meetingId })).doc;
  const root = doc
    ? (JSON.parse(doc) as { root: { children: { type: string; speechId: number; time: string }[] } }).root
    : null;
  return (root?.children ?? []).filter((n) => n.type === 'speaker').map((n) => [n.speechId, n.time]);
}

async function addSpeech(personIndex: number): Promise<{ id: number; name: string }> {
  const person = ok(await core.invoke('person.list', {}))[personIndex];
  const q = ok(await core.invoke('queue.add', { meetingId, personId: person.id, kind: '即席发言' }));
  return { id: q.entries.at(-1)!.id, name: person.name };
}

it('refuses a run that overlaps another speech, naming the speaker and times, and changes nothing', async () => {
  const other = await addSpeech(1);
  const first = ok(await core.invoke('person.list', {}))[0];
  ok(await core.invoke('queue.setTimes', { speechId, intervals: [{ start: '14:50', end: '14:55' }] }));
  const before = dumpDatabase(core);
  for (const intervals of [
    [{ start: '14:53', end: '15:00' }],
    [{ start: '14:40', end: '15:10' }],
    [
      { start: '14:40', end: '14:45' },
      { start: '14:54', end: '14:58' },
    ],
  ])
    expect(err(await core.call('queue.setTimes', { speechId: other.id, intervals }))).toBe(
      `与${first.name}的发言（14:50–14:55）时间重叠`,
    );
  expect(dumpDatabase(core)).toBe(before);
  // Handing over at the same minute is not an overlap; nor is correcting a speech against its own old times.
  ok(await core.invoke('queue.setTimes', { speechId: other.id, intervals: [{ start: '14:55', end: '15:00' }] }));
  ok(await core.invoke('queue.setTimes', { speechId, intervals: [{ start: '14:49', end: '14:54' }] }));
});

it('a speech on the floor counts until now: a run over it is refused', async () => {
  const other = await addSpeech(1);
  ok(await core.invoke('queue.start', { id: speechId }));
  const since = new Date('2026-05-14T01:00:00Z');
  const at = (ms: number) => {
    const d = new Date(ms);
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  };
  expect(
    err(
      await core.call('queue.setTimes', {
        speechId: other.id,
        intervals: [{ start: at(since.getTime() - 60_000), end: at(since.getTime() + 60_000) }],
      }),
    ),
  ).toContain('时间重叠');
});

it("corrects the time of a speech's header in the minutes, and its statistics and 履职档案 follow", async () => {
  ok(await core.invoke('queue.start', { id: speechId }));
  ok(await core.invoke('queue.end', { id: speechId }));
  expect(await headers()).toHaveLength(1);
  // A window with the minutes open sees the header's new time, as one more change of the document.
  const window = inProcess(core, meetingId);
  await window.until(() => window.synced);
  const personId = ok(await core.invoke('queue.get', { meetingId })).entries[0].personId;
  ok(await core.invoke('meeting.setStatus', { id: meetingId, status: '已结束' }));
  const spokenHere = async () =>
    ok(await core.invoke('records.detail', { personId, year: 2026 })).meetings.find((m) => m.meetingId === meetingId)!
      .speakingSeconds;
  expect(await spokenHere()).toBe(0);
  const q = ok(
    await core.invoke('queue.setTimes', {
      speechId,
      intervals: TWO_RUNS,
    }),
  );
  expect(await headers()).toEqual([[speechId, '14:52']]);
  await window.until(() => window.text().includes(' 14:52'));
  window.leave();
  const stats = speechStats(q.entries, Date.now());
  expect(stats.bySpeaker[0]).toMatchObject({ count: 1, total: 7 * 60 });
  // The live run lasted no time on the test's frozen clock: the record now holds the seven minutes.
  expect(await spokenHere()).toBe(7 * 60);
});

it('a speech recorded afterwards gets a header among the others, in the order of their start', async () => {
  const b = await addSpeech(1);
  const c = await addSpeech(2);
  ok(await core.invoke('queue.setTimes', { speechId, intervals: [{ start: '14:00', end: '14:10' }] }));
  ok(await core.invoke('queue.setTimes', { speechId: c.id, intervals: [{ start: '14:30', end: '14:40' }] }));
  expect(await headers()).toEqual([
    [speechId, '14:00'],
    [c.id, '14:30'],
  ]);
  ok(await core.invoke('queue.setTimes', { speechId: b.id, intervals: [{ start: '14:15', end: '14:20' }] }));
  expect(await headers()).toEqual([
    [speechId, '14:00'],
    [b.id, '14:15'],
    [c.id, '14:30'],
  ]);
  // Each new header has its own empty line to type into.
  const doc = JSON.parse(ok(await core.invoke('minutes.get', { meetingId })).doc!) as {
    root: { children: { type: string; speechId?: number }[] };
  };
  const at = doc.root.children.findIndex((n) => n.speechId === b.id);
  expect(doc.root.children[at + 1].type).toBe('paragraph');
});

it('a speech recorded for a later hour is not a start made moments ago: 撤销 cannot erase it', async () => {
  ok(await core.invoke('queue.setTimes', { speechId, intervals: [{ start: '23:50', end: '23:55' }] }));
  const before = dumpDatabase(core);
  expect(err(await core.call('queue.undoStart', { id: speechId }))).toContain('秒内开始的发言');
  expect(dumpDatabase(core)).toBe(before);
});
