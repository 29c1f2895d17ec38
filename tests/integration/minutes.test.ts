import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
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

const save = (d: string, baseVersion: number, extra: { closing?: boolean; overwrite?: boolean } = {}) =>
  core.invoke('minutes.save', { meetingId, doc: d, baseVersion, ...extra });

describe('saving the minutes', () => {
  it('stores the document with its plain text, one version per save', async () => {
    expect(ok(await core.invoke('minutes.get', { meetingId }))).toMatchObject({
      doc: null,
      version: 0,
      recoveredFrom: null,
      readOnly: false,
    });
    const d1 = doc(p(t('会议开始。')));
    expect(ok(await save(d1, 0))).toMatchObject({ version: 1, chars: 5, marks: 0 });
    const d2 = doc(speaker(speechIds[0], '发言人'), p(t('建议增设指引牌。')));
    expect(ok(await save(d2, 1))).toMatchObject({ version: 2, chars: 8 });
    expect(ok(await core.invoke('minutes.get', { meetingId }))).toMatchObject({ doc: d2, version: 2, chars: 8 });
    expect(ok(await core.invoke('minutes.status', { meetingId }))).toMatchObject({ version: 2, chars: 8 });
    expect(core.db.prepare('SELECT plain FROM minutes').pluck().get()).toBe(
      '【预约发言】发言人 09:30\n建议增设指引牌。',
    );
  });

  it('refuses a save that started from an older version, keeps both texts, and can overwrite keeping the other as a revision', async () => {
    ok(await save(doc(p(t('窗口一'))), 0));
    ok(await save(doc(p(t('窗口一又改'))), 1));
    const before = dumpDatabase(core);
    const stale = await save(doc(p(t('窗口二'))), 1);
    expect(stale.ok ? '' : stale.error.code).toBe('conflict');
    expect(err(stale)).toContain('其他窗口保存了更新的内容');
    expect(dumpDatabase(core)).toBe(before);

    ok(await save(doc(p(t('窗口二'))), 1, { overwrite: true }));
    const revisions = ok(await core.invoke('minutes.revisions', { meetingId }));
    expect(revisions[0]).toMatchObject({ reason: '覆盖前', version: 2, preview: '窗口一又改' });
    expect(ok(await core.invoke('minutes.get', { meetingId })).doc).toContain('窗口二');
  });

  it('refuses a document it cannot read, in Chinese, and changes nothing', async () => {
    ok(await save(doc(p(t('原文'))), 0));
    const before = dumpDatabase(core);
    for (const bad of [
      '{x',
      '{"root":{"type":"root","children":[{"type":"image"}]}}',
      doc(p(mark('xx-1', '坏标记'))),
    ]) {
      const r = await save(bad, 1);
      expect(r.ok).toBe(false);
      expect(err(r)).toMatch(/未保存$/);
    }
    expect(dumpDatabase(core)).toBe(before);
  });
});

describe('marks', () => {
  it('are recorded from the document at each save with kind, excerpt and speech, and removed with their text', async () => {
    const [member, department] = speechIds;
    let v = ok(
      await save(doc(speaker(member, '委员'), p(t('建议'), mark(SUGGESTION, '每三百米设一处指引牌'), t('。'))), 0),
    ).version;
    let marks = ok(await core.invoke('mark.list', { meetingId }));
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({
      id: SUGGESTION,
      kind: '建议',
      excerpt: '每三百米设一处指引牌',
      speechId: member,
      order: 1,
    });
    expect(marks[0].speaker).toBeTruthy();
    const createdAt = marks[0].createdAt;

    tick(1);
    v = ok(
      await save(
        doc(
          speaker(member, '委员'),
          p(mark(SUGGESTION, '每三百米设一处公厕指引牌')),
          speaker(department, '部门'),
          p(mark(COMMITMENT, '三季度前完成更新')),
        ),
        v,
      ),
    ).version;
    marks = ok(await core.invoke('mark.list', { meetingId }));
    expect(marks.map((m) => [m.kind, m.excerpt, m.speechId])).toEqual([
      ['建议', '每三百米设一处公厕指引牌', member],
      ['回应/承诺', '三季度前完成更新', department],
    ]);
    expect(marks[0].createdAt).toBe(createdAt);

    ok(
      await save(
        doc(speaker(member, '委员'), p(t('每三百米设一处公厕指引牌')), p(mark(COMMITMENT, '三季度前完成更新'))),
        v,
      ),
    );
    marks = ok(await core.invoke('mark.list', { meetingId }));
    expect(marks.map((m) => [m.id, m.speechId])).toEqual([[COMMITMENT, member]]);
  });

  it('saves text pasted with another meeting’s marks without moving those marks', async () => {
    ok(await save(doc(p(mark(SUGGESTION, '甲会议的建议'))), 0));
    const other = ok(
      await core.invoke('meeting.create', {
        topicId: null,
        form: '冰城商量',
        title: '另一次会',
        startsAt: '2026-06-01T09:00',
      }),
    ).id;
    ok(
      await core.invoke('minutes.save', {
        meetingId: other,
        doc: doc(p(mark(SUGGESTION, '甲会议的建议')), p(mark(COMMITMENT, '乙会议的承诺'))),
        baseVersion: 0,
      }),
    );
    expect(ok(await core.invoke('minutes.get', { meetingId: other })).doc).toContain('甲会议的建议');
    expect(ok(await core.invoke('mark.list', { meetingId: other })).map((m) => m.excerpt)).toEqual(['乙会议的承诺']);
    expect(ok(await core.invoke('mark.list', { meetingId })).map((m) => m.excerpt)).toEqual(['甲会议的建议']);
  });
});

describe('revisions', () => {
  it('are kept every five minutes of saving and at meeting end, and a restore keeps the current text first', async () => {
    let v = ok(await save(doc(p(t('第一稿'))), 0)).version;
    tick(4);
    v = ok(await save(doc(p(t('第二稿'))), v)).version;
    expect(ok(await core.invoke('minutes.revisions', { meetingId })).map((r) => r.preview)).toEqual(['第一稿']);
    tick(1);
    v = ok(await save(doc(p(t('第三稿'))), v)).version;
    tick(1);
    v = ok(await save(doc(p(mark(SUGGESTION, '第四稿的建议'))), v)).version;
    ok(await core.invoke('meeting.setStatus', { id: meetingId, status: '进行中' }));
    ok(await core.invoke('meeting.setStatus', { id: meetingId, status: '已结束' }));
    const revisions = ok(await core.invoke('minutes.revisions', { meetingId }));
    expect(revisions.map((r) => [r.reason, r.preview])).toEqual([
      ['会议结束', '第四稿的建议'],
      ['定时', '第三稿'],
      ['定时', '第一稿'],
    ]);

    const first = revisions[2];
    const restored = ok(await core.invoke('minutes.restore', { revisionId: first.id, baseVersion: v }));
    expect(restored.doc).toContain('第一稿');
    expect(restored.version).toBe(v + 1);
    expect(ok(await core.invoke('minutes.revisions', { meetingId }))[0]).toMatchObject({
      reason: '恢复前',
      preview: '第四稿的建议',
    });
    // The marks follow the restored text.
    expect(ok(await core.invoke('mark.list', { meetingId }))).toEqual([]);
    expect(err(await core.invoke('minutes.restore', { revisionId: first.id, baseVersion: v }))).toContain('其他窗口');
  });
});

describe('an archived meeting', () => {
  it('refuses every write to its minutes and changes nothing', async () => {
    const v = ok(await save(doc(p(t('定稿'))), 0)).version;
    const rev = ok(await core.invoke('minutes.revisions', { meetingId }))[0].id;
    for (const status of ['进行中', '已结束', '已归档'] as const)
      ok(await core.invoke('meeting.setStatus', { id: meetingId, status }));
    expect(ok(await core.invoke('minutes.get', { meetingId }))).toMatchObject({ readOnly: true, recoveredFrom: null });
    const before = dumpDatabase(core);
    for (const r of [
      await save(doc(p(t('改动'))), v),
      await core.invoke('minutes.close', { meetingId, version: v }),
      await core.invoke('minutes.restore', { revisionId: rev, baseVersion: v }),
    ]) {
      expect(err(r)).toContain('已归档');
    }
    expect(dumpDatabase(core)).toBe(before);
  });
});

describe('after a crash', () => {
  it('a new start finds the last save and says the editor was not closed; a clean close says nothing', async () => {
    const saved = ok(await save(doc(p(t('崩溃前的最后一句'))), 0));
    const dir = core.dir;
    core.close();
    const again = createCore({ dataDir: dir, validateOutput: true });
    const state = ok(await again.invoke('minutes.get', { meetingId }));
    expect(state.recoveredFrom).toBe(saved.savedAt);
    expect(state.doc).toContain('崩溃前的最后一句');
    // This session has not saved yet: still reported until the editor closes cleanly.
    ok(await again.invoke('minutes.close', { meetingId, version: state.version }));
    again.close();
    const third = createCore({ dataDir: dir, validateOutput: true });
    expect(ok(await third.invoke('minutes.get', { meetingId })).recoveredFrom).toBeNull();
    ok(
      await third.invoke('minutes.save', {
        meetingId,
        doc: doc(p(t('再写一句'))),
        baseVersion: state.version,
        closing: true,
      }),
    );
    third.close();
    const fourth = createCore({ dataDir: dir, validateOutput: true });
    expect(ok(await fourth.invoke('minutes.get', { meetingId })).recoveredFrom).toBeNull();
    fourth.close();
  });
});

describe('a disk that refuses the write', () => {
  it('answers in Chinese, keeps the last save intact, and the next attempt succeeds once there is room', async () => {
    const v = ok(await save(doc(p(t('已保存的内容'))), 0)).version;
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages}`);
    const big = doc(p(t('新写的内容'.repeat(40_000))));
    const refused = await save(big, v);
    expect(err(refused)).toContain('磁盘已满');
    expect(ok(await core.invoke('minutes.get', { meetingId }))).toMatchObject({ version: v });
    expect(ok(await core.invoke('minutes.get', { meetingId })).doc).toContain('已保存的内容');
    core.db.pragma('max_page_count = 1073741823');
    expect(ok(await save(big, v)).version).toBe(v + 1);
  });
});
