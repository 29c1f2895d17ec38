import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldMeeting } from '../support/meetingScenario';
import { generateMinutesDoc } from '../../electron/core/generate/minutesText';
import {
  callNames,
  contract,
  topics as allTopics,
  type CallName,
  type Input,
  type Output,
} from '../../shared/contract';
import {
  changedTables,
  logStatements,
  tableFingerprints,
  tablesTouched,
  type LoggedStatement,
} from '../support/statementLog';
import { TABLE_TOPICS } from '../support/tableTopics';
import { pairedDevice } from '../support/lanDevice';
import type { Caller } from '../../electron/core/router';
import type { DeviceCaller } from '../../electron/core/lan/host';
import { deviceCalls } from '../../shared/contract/roles';
import { writeMinutesDoc } from '../support/minutesClient';
import { ok, tempCore } from '../support/tempCore';

/**
 * Every call's declared topics against what it really touches. A window re-fetches the queries
 * whose topics a change event names, so a mutation that writes a table without naming its topic,
 * or a query that reads a table without naming its topic, leaves a stale screen that no other
 * test sees (the console kept a finished speaker after 结束会议 for exactly this reason).
 *
 * Method: the core runs on a real temp file; its connection's `prepare` is wrapped so each
 * statement a call runs is logged; each statement is then compiled again under EXPLAIN and the
 * tables it opens are read off SQLite's bytecode (statementLog.ts: cursors on root pages, trigger
 * and foreign-key sub-programs included), so no SQL is parsed here. In addition every table's
 * content is fingerprinted before and after the call, which catches any write however it
 * happened (a trigger, a cascade, the backup API). Tables map to topics in tableTopics.ts.
 *
 * - a query: every table it reads must have its topics declared (less the reads listed in
 *   READS_WITHOUT_TOPIC, each with its reason); it changes nothing but the derived search tables
 *   (archive.search indexes the minutes of a running meeting first);
 * - a mutation: every table it may write (OpenWrite/Clear/VUpdate in its program, whether or not
 *   a row was hit this time) or did change must have its topic declared; derived tables are
 *   skipped (the write of their source table is the change);
 * - a maintenance call (backups) works on the file itself, not through statements: the tables
 *   whose content it changed must be covered by the topics it announces when done, and a restore,
 *   which replaces every table, must announce every topic.
 *
 * Each example runs once, in contract order, on one core with the demo directory; `inputs`
 * points an example at records that let it succeed (a call refused by the domain rules would
 * not reach its writes), and every call is required to succeed.
 */

/**
 * Reads that cannot make the answer stale, so need no topic. Checked both ways: a listed read that
 * no longer happens fails the test, so the list cannot rot.
 */
const READS_WITHOUT_TOPIC: Partial<Record<CallName, Record<string, string>>> = {
  // meetingRow(): only that the meeting exists, and meetings are never deleted.
  'queue.get': { meeting: 'existence' },
  'minutes.revisions': { meeting: 'existence' },
  'mark.list': { meeting: 'existence' },
  'speakRequest.list': { meeting: 'existence' },
  'lan.record': { meeting: 'existence' },
  'opinion.list': { meeting: 'existence' },
  'resolution.list': { meeting: 'existence' },
  // The document's name reads the file's generation, which only a restore changes (every window reloads then).
  'minutes.get': { setting: 'generation' },
};

describe('contract topics cover what each call touches', () => {
  const core = tempCore();
  const call = async <K extends CallName>(name: K, input: Input<K>): Promise<Output<K>> =>
    ok(await core.invoke(name, input));
  /** The backup describe reads and restore takes back. */
  let backupName = '';
  /** Minutes with marks of every kind, on the speeches of the queue, written as a window does. */
  const writeMarkedMinutes = async () => {
    const { entries } = await call('queue.get', { meetingId: 1 });
    const sections = entries.map((s, i) => ({ ...s, speechId: s.id, time: `09:${String(10 + i).padStart(2, '0')}` }));
    await writeMinutesDoc(core, 1, generateMinutesDoc({ sections, chars: 600, marks: 3 }));
  };
  let log: LoggedStatement[] | undefined;

  interface Observed {
    error?: string;
    reads: Set<string>;
    writes: Set<string>;
    changed: Set<string>;
  }
  const observed = new Map<CallName, Observed>();

  const firstAgendaItem = async () => (await call('meeting.get', { id: 1 })).agenda[0].id;
  const newestResolution = async () =>
    Math.max(...(await call('resolution.list', { meetingId: 1 })).items.map((r) => r.id));

  /** Inputs other than the example, where the example's record 1 would be refused at this point. */
  const inputs: Partial<Record<CallName, () => Promise<unknown>>> = {
    // Topic 1 of the demo is decided already: decide the one topic.create made, and a demo topic at step 4.
    'topic.decide': async () => ({
      ...contract['topic.decide'].example,
      topicId: (await call('topic.list', { year: 2026 })).find((t) => t.step === 1 && t.status === '进行中')!.id,
    }),
    'topic.decideBatch': async () => ({
      ...contract['topic.decideBatch'].example,
      topicIds: [(await call('topic.list', { year: 2026 })).find((t) => t.step === 4 && t.status === '进行中')!.id],
    }),
    // Meeting 1 is running by then: mark a meeting still in preparation as held.
    'meeting.markHeld': async () => ({
      ...contract['meeting.markHeld'].example,
      id: (await call('meeting.create', { ...contract['meeting.create'].example, issueNo: 78 })).id,
    }),
    // person.setRetired's example retired person 1; bring them back for the meeting.
    'participant.add': async () => {
      await call('person.setRetired', { id: 1, retired: false });
      return { meetingId: 1, personIds: [1, 3], role: '委员' };
    },
    // Person 1 is in the queue and cannot leave the meeting; person 3 can.
    'participant.remove': async () => ({
      id: (await call('meeting.get', { id: 1 })).participants.find((p) => p.personId === 3)!.id,
    }),
    // agenda.save replaced the template's items.
    'agenda.start': async () => ({ id: await firstAgendaItem() }),
    'agenda.end': async () => ({ id: await firstAgendaItem() }),
    'queue.move': async () => ({ id: 1, toIndex: 1 }),
    'queue.moveToTop': async () => ({ id: 1 }),
    // Speeches 1 and 2 have been on the floor by then; the one queue.add made waits.
    'queue.withdraw': async () => ({ id: (await call('queue.get', { meetingId: 1 })).entries.at(-1)!.id }),
    'queue.restore': async () => ({ id: (await call('queue.get', { meetingId: 1 })).entries.at(-1)!.id }),
    // Minutes with marks of every kind, on the speeches of the queue.
    'minutes.get': async () => {
      await writeMarkedMinutes();
      return { meetingId: 1 };
    },
    'minutes.restore': async () => ({ revisionId: (await call('minutes.revisions', { meetingId: 1 }))[0].id }),
    // The restore before took the minutes back to an earlier revision: write them again.
    // The restore before took the minutes back to an earlier revision: they are written again.
    'resolution.fromMark': async () => {
      await writeMarkedMinutes();
      return { markId: (await call('mark.list', { meetingId: 1 })).find((m) => m.kind === '建议')!.id };
    },
    'resolution.move': async () => ({ id: 1, toIndex: 1 }),
    // Keep resolution 1 for the confirmation and the follow-up that come next.
    'resolution.remove': async () => ({ id: await newestResolution() }),
    'backup.describe': async () => {
      backupName = (await call('backup.create', {})).name;
      return { name: backupName };
    },
    'backup.create': async () => ({}),
    'backup.restore': async () => ({ name: backupName }),
    // 会场互联 on a meeting still running, with a phone that signs in, asks to speak and writes.
    'lan.start': async () => ({ meetingId: await runningMeeting() }),
    'lan.removeDevice': async () => {
      await call('lan.start', { meetingId: await runningMeeting() });
      return { id: (await pairedDevice(core, 'projector')).caller.deviceId };
    },
    'speakRequest.list': async () => {
      phone = await pairedDevice(core, 'participant', '张三的手机');
      const participantId = (await call('meeting.get', { id: phone.caller.meetingId })).participants[0].id;
      await call('participant.update', { id: participantId, attendance: '未签到' });
      ok(await core.call('device.checkIn', { participantId }, phone.caller));
      ok(await core.call('device.requestSpeech', { kind: '即席发言' }, phone.caller));
      return { meetingId: phone.caller.meetingId };
    },
    'speakRequest.decide': async () => ({
      id: (await call('speakRequest.list', { meetingId: phone!.caller.meetingId }))[0].id,
      accept: true,
    }),
    'opinion.list': async () => ({ meetingId: phone!.caller.meetingId }),
    // A package from another installation (its own demo directory: every name matches, merged), new here.
    'package.preview': async () => ({ handle: await otherPackage() }),
    'package.import': async () => {
      const handle = await otherPackage();
      const preview = await call('package.preview', { handle });
      const people = preview.people
        .filter((p) => p.match === 'name')
        .map((p) => ({ uid: p.uid, action: 'merge' as const, intoId: p.candidates[0].id }));
      // settings.save's example renamed this organisation: the package is another's, confirmed.
      return { handle, people, acceptOtherOrganisation: true };
    },
    // A second phone signs in with the example's participant.
    'device.checkIn': async () => {
      phone = await pairedDevice(core, 'participant', '李四的手机');
      const p = (await call('meeting.get', { id: phone.caller.meetingId })).participants[1];
      await call('participant.update', { id: p.id, attendance: '未签到' });
      return { participantId: p.id };
    },
  };
  let phone: { caller: DeviceCaller } | undefined;
  /** A meeting held on another installation, exported: the file the package calls name by handle. */
  let packageFile: string | undefined;
  const otherPackage = async () => {
    if (!packageFile) {
      const other = tempCore();
      try {
        ok(await other.invoke('app.loadDemo', {}));
        const { meetingId } = await heldMeeting(other, { speeches: 2, minutesChars: 400, resolutions: 1, marks: 2 });
        const { name } = ok(await other.invoke('package.export', { meetingIds: [meetingId] }));
        packageFile = join(core.dir, name);
        copyFileSync(join(other.dir, 'packages', name), packageFile);
      } finally {
        other.dispose();
      }
    }
    return core.files.choose(packageFile).handle;
  };
  /** A meeting the room can open: one still in preparation or running. */
  let roomMeeting: number | undefined;
  const runningMeeting = async () => {
    if (roomMeeting) return roomMeeting;
    const m = await call('meeting.create', { ...contract['meeting.create'].example, issueNo: 77 });
    await call('participant.add', { meetingId: m.id, personIds: [2, 3], role: '委员' });
    return (roomMeeting = m.id);
  };

  /**
   * More paths of calls whose example takes only one, observed after the examples and added to
   * their call's record: 结束会议 with a speaker on the floor (the stale console of issue 14),
   * archiving and unarchiving, and a later follow-up step.
   */
  const variants: [CallName, () => Promise<unknown>][] = [
    [
      'meeting.setStatus',
      async () => {
        const waiting = (await call('queue.get', { meetingId: 1 })).entries.find((s) => s.state === '等待')!;
        await call('queue.start', { id: waiting.id });
        return { id: 1, status: '已结束' };
      },
    ],
    ['meeting.setStatus', async () => ({ id: 1, status: '已归档' })],
    ['meeting.setStatus', async () => ({ id: 1, status: '已结束', reason: '补充会议记录' })],
    ['followup.act', async () => ({ resolutionId: 1, action: '受理', date: '2026-06-05', by: '市城管局', note: '' })],
  ];

  async function observe(name: CallName, input: unknown, caller?: Caller): Promise<void> {
    const db = core.db;
    const fingerprints = tableFingerprints(db);
    log = [];
    const result = await core.call(name, input, caller);
    // The projection the call set off (a speaker's header, a restore) is its own doing.
    core.minutesDocs.flush();
    const statements = log;
    log = undefined;
    const seen: Observed = { reads: new Set(), writes: new Set(), changed: new Set() };
    if (!result.ok) seen.error = result.error.message;
    for (const s of statements) {
      // EXPLAIN on the connection the statement ran on (a restore swaps it mid-call).
      const t = tablesTouched(core.db, s);
      t.reads.forEach((x) => seen.reads.add(x));
      t.writes.forEach((x) => seen.writes.add(x));
    }
    seen.changed = changedTables(fingerprints, tableFingerprints(core.db));
    const earlier = observed.get(name);
    if (earlier) {
      // A variant adds to the call's record; any failure fails the call.
      earlier.error ??= seen.error;
      for (const k of ['reads', 'writes', 'changed'] as const) seen[k].forEach((x) => earlier[k].add(x));
    } else observed.set(name, seen);
  }

  const unlog = logStatements(() => log, { db: () => core.db });
  beforeAll(async () => {
    // The demo goes into the empty file first, observed like any call; then the examples' records.
    await observe('app.loadDemo', {});
    await call('topic.create', contract['topic.create'].example);
    await call('meeting.create', contract['meeting.create'].example);
    await call('queue.add', contract['queue.add'].example);
    await call('queue.add', { meetingId: 1, personId: 2, kind: '部门回应' });
    for (const name of callNames) {
      if (name === 'app.loadDemo') continue;
      const input = inputs[name] ? await inputs[name]() : contract[name].example;
      await observe(name, input, deviceCalls.includes(name) ? phone?.caller : undefined);
    }
    for (const [name, input] of variants) await observe(name, await input());
  });
  afterAll(() => {
    unlog();
    core.dispose();
  });

  const missing = (tables: Iterable<string>, declared: readonly string[], skipDerived: boolean) => {
    const out: string[] = [];
    for (const table of tables) {
      const entry = TABLE_TOPICS[table];
      if (!entry) out.push(`${table} (表不在 TABLE_TOPICS 中)`);
      else if (skipDerived && entry.derived) continue;
      else for (const t of entry.topics) if (!declared.includes(t)) out.push(`${table} → ${t}`);
    }
    return [...new Set(out)].sort();
  };

  it('maps every table of the schema to its topics', () => {
    const tables = core.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    const unmapped = tables.filter((t) => !(t in TABLE_TOPICS));
    expect(unmapped, '新表须在 tests/support/tableTopics.ts 中写明其主题').toEqual([]);
    expect(
      Object.keys(TABLE_TOPICS).filter((t) => !tables.includes(t)),
      '映射中有已不存在的表',
    ).toEqual([]);
  });

  for (const name of callNames) {
    const def = contract[name];
    it(`${name} (${def.kind}) declares the topics of what it touches`, () => {
      const seen = observed.get(name)!;
      expect(seen.error, `${name} 的示例调用失败`).toBeUndefined();
      const declared = def.topics as readonly string[];
      if (def.kind === 'query') {
        const allowed = READS_WITHOUT_TOPIC[name] ?? {};
        for (const table of Object.keys(allowed)) expect(seen.reads, `${name} 不再读 ${table}`).toContain(table);
        const reads = [...seen.reads].filter((t) => !(t in allowed));
        expect(missing(reads, declared, false), `${name} 读取的表缺少主题`).toEqual([]);
        const writes = [...seen.writes, ...seen.changed].filter((t) => !TABLE_TOPICS[t]?.derived);
        expect(writes, `${name} 是查询，却写了表`).toEqual([]);
      } else if (def.kind === 'mutation') {
        expect(seen.writes.size + seen.changed.size, `${name} 的示例什么也没写`).toBeGreaterThan(0);
        expect(missing([...seen.writes, ...seen.changed], declared, true), `${name} 写入的表缺少主题`).toEqual([]);
      } else {
        expect(missing(seen.changed, declared, true), `${name} 改动的表缺少主题`).toEqual([]);
        if (name === 'backup.restore') expect([...declared].sort()).toEqual([...allTopics].sort());
      }
    });
  }
});
