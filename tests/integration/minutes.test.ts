import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCore } from '../../electron/core';
import { inProcess, writeMinutesDoc } from '../support/minutesClient';
import { markId } from '../../shared/domain/minutesDoc';
import { dumpDatabase, err, ok, tempCore } from '../support/tempCore';

let core: ReturnType<typeof tempCore>;
let clock = 0;
let meetingId: number;
let speechIds: number[];

const t = (text: string, format = 0) => ({
  type: 'text',
  text,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
});
const p = (...children: unknown[]) => ({
  type: 'paragraph',
  children,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
});
const doc = (...children: unknown[]) =>
  JSON.stringify({ root: { type: 'root', children, version: 1, direction: null, format: '', indent: 0 } });
const speaker = (speechId: number, name: string) => ({
  type: 'speaker',
  speechId,
  name,
  affiliation: '',
  kind: '预约发言',
  time: '09:30',
  version: 1,
});
const mark = (id: string, text: string) => ({
  type: 'mark',
  ids: [id],
  children: [t(text)],
  version: 1,
  direction: null,
  format: '',
  indent: 0,
});
const tick = (minutes: number) => (clock += minutes * 60_000);

const SUGGESTION = markId('建议', 'aaaaaaaa-0001');
const COMMITMENT = markId('回应/承诺', 'bbbbbbbb-0002');

beforeEach(async () => {
  clock = Date.parse('2026-05-14T01:00:00Z');
  core = tempCore({ now: () => new Date(clock) });
  ok(await core.invoke('app.loadDemo', {}));
  meetingId = ok(
    await core.invoke('meeting.create', {
      topicId: null,
      form: '冰城商量',
      title: '记录测试',
      startsAt: '2026-05-14T09:00',
      useTemplate: true,
    }),
  ).id;
  const people = ok(await core.invoke('person.list', {}));
  speechIds = [];
  for (const [i, kind] of (['预约发言', '部门回应'] as const).entries()) {
    const q = ok(await core.invoke('queue.add', { meetingId, personId: people[i].id, kind }));
    speechIds.push(q.entries[q.entries.length - 1].id);
  }
});
afterEach(() => core.dispose());

const save = (d: string) => writeMinutesDoc(core, meetingId, d);
const rows = () => core.db.prepare('SELECT count(*) FROM minutes_yjs_update').pluck().get() as number;

describe('the minutes as a shared document', () => {
  it('projects what a window wrote into the minutes row, its plain text and length, within a second', async () => {
    const fresh = ok(await core.invoke('minutes.get', { meetingId }));
    expect(fresh).toMatchObject({ doc: null, readOnly: false });
    const w = inProcess(core, meetingId);
    await w.until(() => w.synced);
    w.type('会议开始。');
    await w.until(() => w.durable);
    // No flush: the projection follows on its own.
    await new Promise((r) => setTimeout(r, 1000));
    expect(core.db.prepare('SELECT plain, chars FROM minutes').get()).toEqual({ plain: '会议开始。', chars: 5 });
    w.leave();
    await save(doc(speaker(speechIds[0], '发言人'), p(t('建议增设指引牌。'))));
    expect(ok(await core.invoke('minutes.get', { meetingId }))).toMatchObject({ chars: 8 });
    expect(core.db.prepare('SELECT plain FROM minutes').pluck().get()).toBe(
      '【预约发言】发言人 09:30\n建议增设指引牌。',
    );
  });

  it('acknowledges a change only once it is in the data file, and a restarted core has it', async () => {
    const w = inProcess(core, meetingId);
    await w.until(() => w.synced);
    w.type('落盘之前不确认');
    expect(w.durable).toBe(false);
    await w.until(() => w.durable);
    const dir = core.dir;
    // Straight from the stored rows, as a restarted core reads them.
    core.close();
    const again = createCore({ dataDir: dir, validateOutput: true });
    const w2 = inProcess(again, meetingId);
    await w2.until(() => w2.synced);
    expect(w2.text()).toBe('落盘之前不确认');
    w2.leave();
    again.close();
    core = Object.assign(createCore({ dataDir: dir, validateOutput: true }), { dir, dispose: core.dispose });
  });

  it('merges three windows typing at once, one of them away for a while, into one text holding every word', async () => {
    const [a, b, c] = [inProcess(core, meetingId), inProcess(core, meetingId), inProcess(core, meetingId)];
    await Promise.all([a, b, c].map((w) => w.until(() => w.synced)));
    a.type('甲');
    c.leave(); // offline: keeps typing into its own copy
    for (let i = 0; i < 5; i++) {
      a.type(`甲${i}`);
      b.type(`乙${i}`);
      c.type(`丙${i}`);
    }
    await a.until(() => a.durable && b.durable);
    const back = inProcess(core, meetingId);
    // The offline window's copy rejoins: what it typed reaches everyone.
    Y.applyUpdate(back.doc, Y.encodeStateAsUpdate(c.doc));
    await back.until(() => back.synced && back.durable);
    await a.until(() => a.text() === back.text() && b.text() === back.text());
    for (let i = 0; i < 5; i++) for (const who of ['甲', '乙', '丙']) expect(a.text()).toContain(`${who}${i}`);
    for (const w of [a, b, back]) w.leave();
  });

  it('opening the minutes in three windows appends nothing to the store', async () => {
    await save(doc(p(t('已有的内容'))));
    const before = rows();
    const ws = [inProcess(core, meetingId), inProcess(core, meetingId), inProcess(core, meetingId)];
    await Promise.all(ws.map((w) => w.until(() => w.synced && w.durable)));
    // A window that comes back with everything the core has sends nothing new either.
    const again = inProcess(core, meetingId);
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(ws[0].doc));
    await again.until(() => again.synced && again.durable);
    expect(rows()).toBe(before);
    for (const w of [...ws, again]) w.leave();
  });

  it('refuses malformed messages in Chinese, and the document is unharmed', async () => {
    await save(doc(p(t('原文'))));
    const before = dumpDatabase(core);
    const replies: Uint8Array[] = [];
    const link = core.minutesDocs.join(
      meetingId,
      (b) => replies.push(b),
      () => undefined,
    );
    for (const bad of [[], [0], [0, 2, 200, 1, 2], [0, 1, 3, 9, 9, 9], [1, 5, 1, 2], [77, 1], [0, 7, 1, 0]])
      link.receive(new Uint8Array(bad));
    link.closed();
    const refusals = replies.filter((r) => r[0] === 101);
    expect(refusals.length).toBe(7);
    expect(new TextDecoder().decode(refusals[0])).toContain('无法识别的同步内容');
    expect(dumpDatabase(core)).toBe(before);
  });
});

describe('marks', () => {
  it('are recorded from the document with kind, excerpt and speech, and removed with their text', async () => {
    const [member, department] = speechIds;
    await save(doc(speaker(member, '委员'), p(t('建议'), mark(SUGGESTION, '每三百米设一处指引牌'), t('。'))));
    let marks = ok(await core.invoke('mark.list', { meetingId }));
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({
      id: SUGGESTION,
      kind: '建议',
      excerpt: '每三百米设一处指引牌',
      speechId: member,
      order: 1,
    });
    const createdAt = marks[0].createdAt;
    tick(1);
    await save(
      doc(
        speaker(member, '委员'),
        p(mark(SUGGESTION, '每三百米设一处公厕指引牌')),
        speaker(department, '部门'),
        p(mark(COMMITMENT, '三季度前完成更新')),
      ),
    );
    marks = ok(await core.invoke('mark.list', { meetingId }));
    expect(marks.map((m) => [m.kind, m.excerpt, m.speechId])).toEqual([
      ['建议', '每三百米设一处公厕指引牌', member],
      ['回应/承诺', '三季度前完成更新', department],
    ]);
    expect(marks[0].createdAt).toBe(createdAt);
    await save(doc(speaker(member, '委员'), p(t('每三百米设一处公厕指引牌')), p(mark(COMMITMENT, '三季度前完成更新'))));
    marks = ok(await core.invoke('mark.list', { meetingId }));
    expect(marks.map((m) => [m.id, m.speechId])).toEqual([[COMMITMENT, member]]);
  });

  it('keeps text pasted with another meeting’s marks without moving those marks', async () => {
    await save(doc(p(mark(SUGGESTION, '甲会议的建议'))));
    const other = ok(
      await core.invoke('meeting.create', {
        topicId: null,
        form: '冰城商量',
        title: '另一次会',
        startsAt: '2026-06-01T09:00',
      }),
    ).id;
    await writeMinutesDoc(core, other, doc(p(mark(SUGGESTION, '甲会议的建议')), p(mark(COMMITMENT, '乙会议的承诺'))));
    expect(ok(await core.invoke('minutes.get', { meetingId: other })).doc).toContain('甲会议的建议');
    expect(ok(await core.invoke('mark.list', { meetingId: other })).map((m) => m.excerpt)).toEqual(['乙会议的承诺']);
    expect(ok(await core.invoke('mark.list', { meetingId })).map((m) => m.excerpt)).toEqual(['甲会议的建议']);
  });
});

describe('revisions', () => {
  it('are kept every five minutes and at meeting end; a restore reaches every open window, the current text kept first', async () => {
    await save(doc(p(t('第一稿'))));
    tick(4);
    await save(doc(p(t('第二稿'))));
    expect(ok(await core.invoke('minutes.revisions', { meetingId })).map((r) => r.preview)).toEqual(['第一稿']);
    tick(1);
    await save(doc(p(t('第三稿'))));
    tick(1);
    await save(doc(p(mark(SUGGESTION, '第四稿的建议'))));
    ok(await core.invoke('meeting.setStatus', { id: meetingId, status: '进行中' }));
    ok(await core.invoke('meeting.setStatus', { id: meetingId, status: '已结束' }));
    const revisions = ok(await core.invoke('minutes.revisions', { meetingId }));
    expect(revisions.map((r) => [r.reason, r.preview])).toEqual([
      ['会议结束', '第四稿的建议'],
      ['定时', '第三稿'],
      ['定时', '第一稿'],
    ]);
    // Meeting end folds the changes into one state.
    expect(rows()).toBe(0);

    const open = inProcess(core, meetingId);
    await open.until(() => open.synced);
    const restored = ok(await core.invoke('minutes.restore', { revisionId: revisions[2].id }));
    expect(restored.doc).toContain('第一稿');
    await open.until(() => open.text() === '第一稿');
    expect(ok(await core.invoke('minutes.revisions', { meetingId }))[0]).toMatchObject({
      reason: '恢复前',
      preview: '第四稿的建议',
    });
    expect(ok(await core.invoke('mark.list', { meetingId }))).toEqual([]);
    // Typing goes on in the restored text.
    open.type('，续写');
    await open.until(() => open.durable);
    core.minutesDocs.flush(meetingId);
    expect(ok(await core.invoke('minutes.get', { meetingId })).doc).toContain('续写');
    open.leave();
  });
});

describe('an archived meeting', () => {
  it('refuses every change to its minutes, from a window or a restore, and changes nothing', async () => {
    await save(doc(p(t('定稿'))));
    const rev = ok(await core.invoke('minutes.revisions', { meetingId }))[0].id;
    for (const status of ['进行中', '已结束', '已归档'] as const)
      ok(await core.invoke('meeting.setStatus', { id: meetingId, status }));
    expect(ok(await core.invoke('minutes.get', { meetingId }))).toMatchObject({ readOnly: true });
    const before = dumpDatabase(core);
    const w = inProcess(core, meetingId);
    await w.until(() => w.synced);
    w.type('改动');
    await w.until(() => w.refusals.length > 0);
    expect(w.refusals[0]).toContain('已归档');
    expect(err(await core.invoke('minutes.restore', { revisionId: rev }))).toContain('已归档');
    w.leave();
    core.minutesDocs.flush();
    expect(dumpDatabase(core)).toBe(before);
  });
});

describe('a disk that refuses the write', () => {
  it('does not acknowledge the change, says so in Chinese, and the window’s change lands once there is room', async () => {
    await save(doc(p(t('已保存的内容'))));
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages}`);
    const w = inProcess(core, meetingId);
    await w.until(() => w.synced);
    w.type('新写的内容'.repeat(20_000));
    await w.until(() => w.refusals.length > 0);
    expect(w.refusals[0]).toContain('未能写入数据文件');
    expect(w.durable).toBe(false);
    core.db.pragma('max_page_count = 1073741823');
    // The window reconnects and sends what the core lacks.
    const back = inProcess(core, meetingId);
    Y.applyUpdate(back.doc, Y.encodeStateAsUpdate(w.doc));
    await back.until(() => back.synced && back.durable);
    core.minutesDocs.flush(meetingId);
    expect(ok(await core.invoke('minutes.get', { meetingId })).chars).toBe(6 + 100_000);
    back.leave();
  });
});

describe('speaker headers', () => {
  const headers = () =>
    ((core.db.prepare('SELECT doc FROM minutes').pluck().get() as string).match(/"type":"speaker"/g) ?? []).length;

  it('a speaker started with no window open gets a header; with three windows open, exactly one', async () => {
    ok(await core.invoke('queue.start', { id: speechIds[0] }));
    await new Promise((r) => setTimeout(r, 50));
    core.minutesDocs.flush(meetingId);
    expect(headers()).toBe(1);
    const ws = [inProcess(core, meetingId), inProcess(core, meetingId), inProcess(core, meetingId)];
    await Promise.all(ws.map((w) => w.until(() => w.synced)));
    ok(await core.invoke('queue.start', { id: speechIds[1] }));
    await ws[0].until(() => ws.every((w) => w.text().split('【').length === 3));
    core.minutesDocs.flush(meetingId);
    expect(headers()).toBe(2);
    // Taken back within seconds: the header goes from every window.
    ok(await core.invoke('queue.undoStart', { id: speechIds[1] }));
    await ws[0].until(() => ws.every((w) => w.text().split('【').length === 2));
    for (const w of ws) w.leave();
  });
});
