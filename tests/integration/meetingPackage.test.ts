import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName, Input, Output } from '../../shared/contract';
import { latestVersion } from '../../electron/core/db/migrations';
import { readMinutesDoc } from '../../shared/domain/minutesDoc';
import { updatesToJson } from '../../electron/core/minutesSync/convert';
import { readDocx } from '../support/docx';
import { heldMeeting } from '../support/meetingScenario';
import { writeMinutesDoc } from '../support/minutesClient';
import { chosen, dumpDatabase, err, ok, tempCore } from '../support/tempCore';

/**
 * Two data folders as two installations: the meeting-room laptop A, where a meeting is held, and
 * the office archive B, which has meetings of its own and a directory that overlaps A's (the demo
 * directory on both, with different identities; one of A's speakers spelled differently on B).
 */
type TestCore = ReturnType<typeof tempCore>;
let a: TestCore;
let b: TestCore;
let meetingA: number;
let ownB: number;
let renamed: string;
let firstPackage: string;

const callOn =
  (core: TestCore) =>
  async <K extends CallName>(name: K, input: Input<K>): Promise<Output<K>> =>
    ok(await core.invoke(name, input));

const exportFrom = async (core: TestCore, ids: number[]) => {
  const out = await callOn(core)('package.export', { meetingIds: ids });
  return join(core.dir, 'packages', out.name);
};

/** The secretary's choice for every name match: merge into the one found. */
const mergeAll = (preview: Output<'package.preview'>) =>
  preview.people
    .filter((p) => p.match === 'name')
    .map((p) => ({ uid: p.uid, action: 'merge' as const, intoId: p.candidates[0].id }));

const importInto = async (core: TestCore, path: string, extra: { acceptOtherOrganisation?: boolean } = {}) => {
  const preview = await callOn(core)('package.preview', chosen(core, path));
  return core.invoke('package.import', { ...chosen(core, path), people: mergeAll(preview), ...extra });
};

/** What a meeting looks like through the app's own calls, ids left out (they are local). */
async function meetingAsShown(core: TestCore, id: number) {
  const call = callOn(core);
  const meeting = await call('meeting.get', { id });
  const queue = await call('queue.get', { meetingId: id });
  const minutes = await call('minutes.get', { meetingId: id });
  const resolutions = await call('resolution.list', { meetingId: id });
  return {
    title: meeting.title,
    status: meeting.status,
    startsAt: meeting.startsAt,
    participants: meeting.participants.map((p) => [p.name, p.role, p.attendance]).sort(),
    agenda: meeting.agenda.map((i) => i.title),
    speeches: queue.entries.map((s) => [s.name, s.kind, s.state, s.intervals.map((i) => [i.from, i.to])]),
    minutes: plainOf(minutes.doc),
    resolutions: resolutions.items.map((r) => [
      r.position,
      r.text,
      r.deadline,
      r.leadDepartment,
      r.coDepartments,
      r.speakers,
    ]),
    confirmed: resolutions.confirmed,
    marks: (await call('mark.list', { meetingId: id })).map((m) => [m.kind, m.excerpt]),
  };
}

const plainOf = (doc: string | null) => {
  const read = readMinutesDoc(doc ?? '');
  return read.ok ? read.value.plain : '';
};

const documentText = async (core: TestCore, meetingId: number, kind: '会议纪要' | '会议记录' | '协商意见办理清单') =>
  (await readDocx((await callOn(core)('document.export', { meetingId, kind, date: '2026-06-01' })).dataBase64)).text;

const meetingOnB = async () =>
  (await callOn(b)('meeting.list', {})).find((m) => m.title === 'A 的会议：江畔步道照明')!.id;

beforeAll(async () => {
  a = tempCore();
  b = tempCore();
  ok(await a.invoke('app.loadDemo', {}));
  ok(await b.invoke('app.loadDemo', {}));
  // A has meetings of its own too; only one of them travels.
  await heldMeeting(a, { title: 'A 的预备会', speeches: 2, resolutions: 1, startsAt: '2026-05-07T09:00' });
  const held = await heldMeeting(a, { title: 'A 的会议：江畔步道照明', speeches: 6, resolutions: 3 });
  meetingA = held.meetingId;
  ownB = (await heldMeeting(b, { title: 'B 自己的会议：冰雪季公交', speeches: 4, resolutions: 2 })).meetingId;
  // One of A's speakers is spelled differently on B: not the same person as far as B can tell.
  const speaker = (await callOn(a)('queue.get', { meetingId: meetingA })).entries[0].name;
  renamed = speaker;
  b.db.prepare("UPDATE person SET name = name || '（曾用名）' WHERE name = ?").run(speaker);
  firstPackage = await exportFrom(a, [meetingA]);
}, 120_000);
afterAll(() => {
  a?.dispose();
  b?.dispose();
});

describe('a meeting held on A, exported and imported on B', () => {
  let ownBefore: Awaited<ReturnType<typeof meetingAsShown>>;

  it('previews as new, with the directory matched by name and unit, and the respelled person new', async () => {
    ownBefore = await meetingAsShown(b, ownB);
    const preview = await callOn(b)('package.preview', chosen(b, firstPackage));
    expect(preview.problem).toBe('');
    expect(preview.otherOrganisation).toBe('');
    expect(preview.meetings).toMatchObject([{ title: 'A 的会议：江畔步道照明', status: 'new', localId: null }]);
    expect(preview.people.filter((p) => p.match === 'uid')).toEqual([]);
    expect(preview.people.filter((p) => p.match === 'new').map((p) => p.name)).toEqual([renamed]);
    expect(preview.people.filter((p) => p.match === 'name').length).toBeGreaterThan(3);
    expect(preview.added.meeting).toBe(1);
  });

  it('refuses to import while a name match has no choice, and changes nothing', async () => {
    const before = dumpDatabase(b);
    const r = await b.invoke('package.import', { ...chosen(b, firstPackage), people: [] });
    expect(err(r)).toMatch(/同名同单位/);
    expect(dumpDatabase(b)).toBe(before);
  });

  it('imports the meeting complete: speeches, timings, minutes, resolutions, confirmation, follow-up', async () => {
    const result = ok(await importInto(b, firstPackage));
    expect(result.meetings[0].status).toBe('new');
    const id = await meetingOnB();
    expect(await meetingAsShown(b, id)).toEqual(await meetingAsShown(a, meetingA));
    const board = (b2: TestCore, title: string) =>
      callOn(b2)('followup.list', {}).then((f) =>
        f.items.filter((i) => i.meetingTitle === title).map((i) => [i.text, i.state]),
      );
    expect(await board(b, 'A 的会议：江畔步道照明')).toEqual(await board(a, 'A 的会议：江畔步道照明'));
    // The speaker headers name B's speeches, in the minutes row and in the shared document itself.
    const speechIds = new Set((await callOn(b)('queue.get', { meetingId: id })).entries.map((s) => s.id));
    const headers = (doc: string) => {
      const read = readMinutesDoc(doc);
      return read.ok ? read.value.speechIds : ['unreadable'];
    };
    const row = (await callOn(b)('minutes.get', { meetingId: id })).doc!;
    const state = b.db.prepare('SELECT state FROM minutes_yjs_snapshot WHERE meeting_id = ?').pluck().get(id) as Buffer;
    for (const doc of [row, updatesToJson([new Uint8Array(state)])]) {
      expect(headers(doc).length).toBeGreaterThan(0);
      for (const s of headers(doc)) expect(speechIds).toContain(s);
    }
    // 来自：A, the day it was exported; B's own meeting has no origin.
    expect(await callOn(b)('package.origin', { meetingId: id })).toMatchObject({ organisation: '政协哈尔滨市委员会' });
    expect(await callOn(b)('package.origin', { meetingId: ownB })).toBeNull();
    // The respelled speaker was added; the others merged into B's own entries.
    const people = await callOn(b)('person.list', {});
    expect(people.filter((p) => p.name === renamed)).toHaveLength(1);
  });

  it("leaves B's own meeting as it was", async () => {
    expect(await meetingAsShown(b, ownB)).toEqual(ownBefore);
  });

  it("exports documents on B with the same text as A's", async () => {
    const id = await meetingOnB();
    for (const kind of ['会议纪要', '会议记录', '协商意见办理清单'] as const)
      expect(await documentText(b, id, kind), kind).toBe(await documentText(a, meetingA, kind));
  });

  it('changes nothing when the same package is imported again', async () => {
    const before = dumpDatabase(b);
    const preview = await callOn(b)('package.preview', chosen(b, firstPackage));
    expect([preview.meetings[0], preview.added, preview.updated]).toEqual([
      expect.objectContaining({ status: 'identical' }),
      {},
      {},
    ]);
    const r = ok(await importInto(b, firstPackage));
    expect(r.added).toEqual({});
    expect(r.updated).toEqual({});
    expect(dumpDatabase(b)).toBe(before);
  });
});

describe('follow-up on B, then a newer package of the same meeting from A', () => {
  it("merges A's later edits of the minutes without losing B's follow-up or B's own edits", async () => {
    const id = await meetingOnB();
    const resolution = (await callOn(b)('resolution.list', { meetingId: id })).items[0];
    await callOn(b)('followup.act', {
      resolutionId: resolution.id,
      action: '交办',
      date: '2026-06-02',
      by: '政协办公厅',
      note: '',
    });
    const bMinutes = await callOn(b)('minutes.get', { meetingId: id });
    await writeMinutesDoc(b, id, bMinutes.doc!.replace('"text":"会议记录"', '"text":"会议记录（档案室已核）"'));

    const aMinutes = await callOn(a)('minutes.get', { meetingId: meetingA });
    await writeMinutesDoc(
      a,
      meetingA,
      aMinutes.doc!.replace(/"text":"([^"]{8,})"/, '"text":"$1（会后补充：照明分三期实施）"'),
    );
    const newer = await exportFrom(a, [meetingA]);

    const preview = await callOn(b)('package.preview', chosen(b, newer));
    expect(preview.meetings[0]).toMatchObject({ status: 'differs' });
    expect(preview.meetings[0].differs).toContain('会议记录');
    ok(await importInto(b, newer));

    const minutes = plainOf((await callOn(b)('minutes.get', { meetingId: id })).doc);
    expect(minutes).toContain('会后补充：照明分三期实施');
    expect(minutes).toContain('会议记录（档案室已核）');
    const history = await callOn(b)('followup.history', { resolutionId: resolution.id });
    expect(history.map((s) => s.action)).toEqual(['交办']);
    const item = (await callOn(b)('followup.list', {})).items.find((i) => i.resolutionId === resolution.id);
    expect(item?.state).not.toBe('待交办');

    // And once more: nothing new.
    const before = dumpDatabase(b);
    ok(await importInto(b, newer));
    expect(dumpDatabase(b)).toBe(before);
  });
});

describe('a package taken back, and several meetings in one', () => {
  it("carries B's follow-up and B's edits of the minutes back to A, A's speeches named by A's ids", async () => {
    const id = await meetingOnB();
    const back = await exportFrom(b, [id]);
    const before = dumpDatabase(a);
    const preview = await callOn(a)('package.preview', chosen(a, back));
    expect(preview.meetings[0]).toMatchObject({ status: 'differs', localId: meetingA });
    expect(dumpDatabase(a)).toBe(before); // a preview writes nothing
    ok(await importInto(a, back));
    const resolution = (await callOn(a)('resolution.list', { meetingId: meetingA })).items[0];
    expect((await callOn(a)('followup.history', { resolutionId: resolution.id })).map((s) => s.action)).toEqual([
      '交办',
    ]);
    const doc = (await callOn(a)('minutes.get', { meetingId: meetingA })).doc!;
    expect(plainOf(doc)).toContain('会议记录（档案室已核）');
    const speeches = new Set((await callOn(a)('queue.get', { meetingId: meetingA })).entries.map((s) => s.id));
    const read = readMinutesDoc(doc);
    for (const s of read.ok ? read.value.speechIds : []) expect(speeches).toContain(s);
    // Both sides now hold the same meeting.
    expect(await meetingAsShown(a, meetingA)).toEqual(await meetingAsShown(b, id));
  });

  it('exports several meetings in one package: each previewed on its own', async () => {
    const first = (await callOn(a)('meeting.list', {})).find((m) => m.title === 'A 的预备会')!.id;
    const both = await exportFrom(a, [first, meetingA]);
    const preview = await callOn(b)('package.preview', chosen(b, both));
    expect(preview.meetings.map((m) => [m.title, m.status])).toEqual([
      ['A 的预备会', 'new'],
      ['A 的会议：江畔步道照明', 'identical'],
    ]);
  });
});

describe('packages that are refused, with nothing changed', () => {
  const refusedOnB = async (path: string, pattern: RegExp) => {
    const before = dumpDatabase(b);
    const preview = await callOn(b)('package.preview', chosen(b, path));
    expect(preview.problem).toMatch(pattern);
    const r = await b.invoke('package.import', { ...chosen(b, path), people: [] });
    expect(err(r)).toMatch(pattern);
    expect(dumpDatabase(b)).toBe(before);
  };

  it('refuses a package whose bytes were changed after export (checksum)', async () => {
    const path = join(a.dir, 'packages', 'tampered.db');
    const bytes = readFileSync(firstPackage);
    const text = Buffer.from('江畔步道照明');
    const at = bytes.indexOf(text, bytes.indexOf(text) + 1);
    Buffer.from('江畔步道灯光').copy(bytes, at);
    writeFileSync(path, bytes);
    await refusedOnB(path, /校验值/);
  });

  it('refuses a package written by a newer version of the app', async () => {
    const path = join(a.dir, 'packages', 'newer.db');
    copyFileSync(firstPackage, path);
    const db = new Database(path);
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    await refusedOnB(path, /更新版本/);
  });

  it('refuses a package of another organisation unless confirmed', async () => {
    const settings = await callOn(a)('settings.get', {});
    await callOn(a)('settings.save', { orgName: '政协道里区委员会' });
    const foreign = await exportFrom(a, [meetingA]);
    await callOn(a)('settings.save', { orgName: settings.orgName });
    const before = dumpDatabase(b);
    const preview = await callOn(b)('package.preview', chosen(b, foreign));
    expect(preview.otherOrganisation).toBe('政协道里区委员会');
    expect(err(await importInto(b, foreign))).toMatch(/政协道里区委员会.*确认/);
    expect(dumpDatabase(b)).toBe(before);
    ok(await importInto(b, foreign, { acceptOtherOrganisation: true }));
  });
});
