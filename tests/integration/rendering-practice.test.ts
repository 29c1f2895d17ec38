import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writtenMinutesDoc, type Section } from '../../electron/core/generate/minutesText';
import type { CallName, Input, Output } from '../../shared/contract';
import type { Person } from '../../shared/contract/directory';
import { renderDocx, type Word } from '../support/render';
import { writeMinutesDoc } from '../support/minutesClient';
import { ok, tempCore } from '../support/tempCore';

/**
 * The "done means": a street-lighting 冰城商量 written up the day after, the chair's
 * summary stating the consensus, a department answering three members, two resolutions; its
 * 纪要 and both versions of its 记录 as LibreOffice lays them out, read back from the PDF.
 */
const core = tempCore({ now: () => new Date(2026, 4, 15, 20, 0) });
const call = async <K extends CallName>(name: K, input: Input<K>): Promise<Output<K>> =>
  ok(await core.invoke(name, input));
let meetingId = 0;
let people: Person[] = [];
const named = (name: string) => people.find((p) => p.name === name)!;

beforeAll(async () => {
  await call('app.loadDemo', {});
  people = await call('person.list', {});
  const members = people.filter((p) => p.kind === '委员');
  const lighting = named('赵宏伟'); // 市城市管理和行政执法局副局长
  const chair = members[0];
  meetingId = (
    await call('meeting.create', {
      topicId: null,
      form: '冰城商量',
      title: '点亮“无灯街路” 照亮居民夜归路',
      startsAt: '2026-05-14T14:30',
      place: '道里区政协委员工作站',
      chairId: chair.id,
      recorderId: members[1].id,
      useTemplate: false,
    })
  ).id;
  const invited = [chair, ...members.slice(2, 5), lighting];
  await call('participant.add', { meetingId, personIds: invited.map((p) => p.id) });
  const detail = await call('meeting.get', { id: meetingId });
  for (const p of detail.participants) {
    const role = p.personId === chair.id ? '主持人' : p.personId === lighting.id ? '部门代表' : undefined;
    await call('participant.update', { id: p.id, attendance: '出席', ...(role ? { role } : {}) });
  }
  const add = async (person: Person, kind: string) => {
    const q = await call('queue.add', { meetingId, personId: person.id, kind: kind as never });
    return q.entries[q.entries.length - 1];
  };
  const asked = [
    await add(members[2], '预约发言'),
    await add(members[3], '预约发言'),
    await add(members[4], '即席发言'),
  ];
  const answer = await add(lighting, '部门回应');
  const summary = await add(chair, '主持人总结');
  await call('queue.setAnswers', { responseId: answer.id, speechIds: asked.map((s) => s.id) });
  const section = (s: typeof answer, time: string): Section => ({ ...s, speechId: s.id, time });
  const doc = writtenMinutesDoc(
    [
      section(asked[0], '14:40'),
      ['背街小巷路灯缺失，居民夜归不便。', { kind: '建议', text: '建议年内补齐新阳路等十条街路的路灯。' }],
      section(asked[1], '14:48'),
      ['老旧小区周边照明薄弱。', { kind: '建议', text: '建议建立路灯报修快速响应机制。' }],
      section(asked[2], '14:55'),
      ['希望公布报修电话，接受群众监督。'],
      section(answer, '15:02'),
      [{ kind: '回应/承诺', text: '市城市管理和行政执法局将于九月底前完成补建，并公布报修电话。' }],
      section(summary, '15:20'),
      [
        '大家讲得很实在。',
        { kind: '共识', text: '补齐背街小巷照明短板是群众的共同期盼' },
        '，要把好事办实、实事办好。',
      ],
    ],
    meetingId,
  );
  await writeMinutesDoc(core, meetingId, doc);
  const marks = (await call('mark.list', { meetingId })).filter((m) => m.kind === '建议');
  for (const m of marks) await call('resolution.fromMark', { markId: m.id });
  const list = await call('resolution.list', { meetingId });
  for (const r of list.items)
    await call('resolution.update', {
      id: r.id,
      text: r.text,
      leadDepartmentId: lighting.departmentId,
      coDepartmentIds: [],
      deadline: '2026-09-30',
      markIds: r.markIds,
      speechIds: r.directSpeechIds,
    });
  await call('meeting.setStatus', { id: meetingId, status: '进行中' });
  await call('resolution.confirm', { meetingId, by: chair.name });
}, 60_000);
afterAll(() => core.dispose());

const render = async (kind: '会议纪要' | '会议记录', version?: '工作版' | '存档版') => {
  const file = ok(await core.invoke('document.export', { meetingId, kind, ...(version ? { version } : {}) }));
  const docx = Buffer.from(file.dataBase64, 'base64');
  // KEEP_DOCS=<folder> keeps the files, to look at the pages by eye.
  if (process.env.KEEP_DOCS) writeFileSync(join(process.env.KEEP_DOCS, file.fileName), docx);
  return renderDocx(docx);
};

/** The laid-out lines of each page, top to bottom, each line's words left to right. */
function lines(words: Word[]): { page: number; y: number; x: number; text: string }[] {
  const byLine = new Map<string, Word[]>();
  for (const w of words) {
    const key = `${w.page}:${Math.round(w.y / 3)}`;
    byLine.set(key, [...(byLine.get(key) ?? []), w]);
  }
  return [...byLine.values()]
    .map((ws) => ws.sort((a, b) => a.x - b.x))
    .map((ws) => ({ page: ws[0].page, y: ws[0].y, x: ws[0].x, text: ws.map((w) => w.text).join('') }))
    .sort((a, b) => a.page - b.page || a.y - b.y);
}
const joined = (words: Word[]) =>
  lines(words)
    .map((l) => l.text)
    .join('');
const MM = 72 / 25.4;

describe('a meeting written up after the fact, as LibreOffice renders its documents', () => {
  it('会议纪要: the overview, the narrative, the items in order, attendance with units, the 版记 on the last page', async () => {
    const { pages, words } = await render('会议纪要');
    const text = joined(words);
    // Every page carries text: no empty trailing page.
    for (let p = 1; p <= pages; p++)
      expect(
        words.some((w) => w.page === p && w.text !== '—'),
        `第${p}页`,
      ).toBe(true);
    expect(text).toContain('围绕“点亮‘无灯街路’照亮居民夜归路”进行协商');
    expect(text).toContain('市城市管理和行政执法局负责同志对3位发言人提出的问题逐一作了回应');
    // The narrative drafted from the consensus and the chair's summary, before the items; 会议要求 after them.
    const thinks = text.indexOf('会议认为，补齐背街小巷照明短板是群众的共同期盼');
    const items = text.indexOf('现将会议议定事项纪要如下');
    const first = text.indexOf('一、建议年内补齐新阳路等十条街路的路灯');
    const second = text.indexOf('二、建议建立路灯报修快速响应机制');
    const requires = text.indexOf('会议要求，市城市管理和行政执法局按照议定事项抓好落实');
    expect(thinks).toBeGreaterThan(0);
    // The chair's words around the consensus, without it and without doubled punctuation.
    expect(text).toContain('会议指出，大家讲得很实在。要把好事办实、实事办好。');
    expect([thinks, items, first, second, requires]).toEqual(
      [thinks, items, first, second, requires].sort((a, b) => a - b),
    );
    expect(text).toContain('出席：');
    expect(text).toContain('市城市管理和行政执法局副局长赵宏伟');
    // The 版记 on the last page, below everything else there.
    const last = lines(words).filter((l) => l.page === pages);
    expect(last.some((l) => l.text.startsWith('抄送：'))).toBe(true);
    // The text block: 28 mm from the left edge; a full body line holds 28 characters.
    const body = lines(words).filter((l) => l.page === 1 && l.y > 200);
    expect(Math.min(...body.map((l) => l.x))).toBeCloseTo(28 * MM, -1);
    const widest = Math.max(...lines(words).map((l) => [...l.text].length));
    expect(widest).toBe(28);
  }, 120_000);

  it('会议记录: the answered speeches named; 工作版 labelled, 存档版 clean with lines to sign', async () => {
    const work = await render('会议记录', '工作版');
    const archive = await render('会议记录', '存档版');
    const asked = people.filter((p) => p.kind === '委员').slice(2, 5);
    const answered = `（回应${asked.map((p) => p.name).join('、')}的发言）`;
    for (const doc of [work, archive]) {
      expect(joined(doc.words)).toContain(answered);
      for (let p = 1; p <= doc.pages; p++) expect(doc.words.some((w) => w.page === p)).toBe(true);
    }
    expect(joined(work.words)).toContain('〔建议〕');
    expect(joined(archive.words)).not.toContain('〔');
    const lastPage = lines(archive.words).filter((l) => l.page === archive.pages);
    // Each signature line whole on one line, on the last page.
    for (const who of ['记录人', '审核人'])
      expect(lastPage.some((l) => l.text.startsWith(`${who}（签名）：`) && l.text.includes('日期：'))).toBe(true);
  }, 120_000);
});
