import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { chineseDate, chineseNumeral } from '../../shared/domain/chineseText';
import { heldMeeting, type Scenario } from '../support/meetingScenario';
import { renderDocx, renderDocxs, type Word } from '../support/render';
import { ok, tempCore } from '../support/tempCore';

/**
 * The documents as LibreOffice lays them out, read back from the PDF: what a filing clerk would
 * otherwise fix by hand.
 */
const core = tempCore({ now: () => new Date(2026, 4, 15, 10, 0) });
let s: Scenario;

beforeAll(async () => {
  ok(await core.invoke('app.loadDemo', {}));
  s = await heldMeeting(core, { speeches: 6, minutesChars: 1200, resolutions: 3 });
});
afterAll(() => core.dispose());

const render = async (kind: '会议纪要' | '会议记录' | '协商意见办理清单') =>
  renderDocx(
    Buffer.from(ok(await core.invoke('document.export', { meetingId: s.meetingId, kind })).dataBase64, 'base64'),
  );

/** The text of each laid-out line, its words in order (the cells of a table row side by side). */
function lines(words: Word[]): string[] {
  const byLine = new Map<string, Word[]>();
  for (const w of words) {
    const key = `${w.page}:${Math.round(w.y / 3)}`;
    byLine.set(key, [...(byLine.get(key) ?? []), w]);
  }
  return [...byLine.values()].map((ws) =>
    ws
      .sort((a, b) => a.x - b.x)
      .map((w) => w.text)
      .join(''),
  );
}

/** Whether `text` was laid out whole on one line (a wrapped cell leaves it split over two). */
const oneLine = (words: Word[], text: string) => lines(words).some((l) => l.includes(text));

describe('协商意见办理清单, as LibreOffice renders it', () => {
  it('keeps every header and every date on one line, and ends on a page with text', async () => {
    const { pages, words } = await render('协商意见办理清单');
    expect(words.filter((w) => w.page === pages).map((w) => w.text)).toContain('政协哈尔滨市委员会办公厅');
    for (const header of ['序号', '协商意见', '主办单位', '协办单位', '办理时限', '办理状态', '答复类别'])
      expect(oneLine(words, header), header).toBe(true);
    for (const r of s.list.items) expect(oneLine(words, chineseDate(r.deadline!)), r.deadline!).toBe(true);
  }, 120_000);
});

describe('会议纪要, as LibreOffice renders it', () => {
  it('wraps the 抄送 line after its colon, not under 抄送', async () => {
    const { words } = await render('会议纪要');
    const at = words.findIndex((w) => w.text.startsWith('抄送：'));
    expect(at).toBeGreaterThanOrEqual(0);
    const [first, next] = [words[at], words[at + 1]];
    // The 抄送 list of three resolutions' departments is longer than a line.
    expect(next.page === first.page && next.y > first.y && next.y - first.y < 40).toBe(true);
    // Three characters of 4号 (14 pt each) in from the 抄送 line's start.
    expect(next.x - first.x).toBeCloseTo(42, -0.5);
  }, 120_000);
});

describe('the 版记 at every length of text', () => {
  it('stays on the last page with the last lines, and no page is left with only its number', async () => {
    // One line more of 纪要正文 each time, over a whole page of 22 lines: the 版记 meets the foot at one of them.
    const docs: Buffer[] = [];
    for (let n = 0; n < 22; n++) {
      const lines = Array.from({ length: n }, (_, i) =>
        `会议认为，第${chineseNumeral(i + 1)}条意见已经充分讨论并形成一致看法。`.slice(0, 26),
      );
      ok(await core.invoke('summary.save', { meetingId: s.meetingId, body: lines.join('\n') || null }));
      docs.push(
        Buffer.from(
          ok(await core.invoke('document.export', { meetingId: s.meetingId, kind: '会议纪要' })).dataBase64,
          'base64',
        ),
      );
    }
    ok(await core.invoke('summary.save', { meetingId: s.meetingId, body: null }));
    const rendered = renderDocxs(docs);
    rendered.forEach(({ pages, words }, n) => {
      const onPage = (p: number) => words.filter((w) => w.page === p && !/^[—\d]+$/.test(w.text));
      for (let p = 1; p <= pages; p++) expect(onPage(p).length, `${n} 行正文：第 ${p} 页只有页码`).toBeGreaterThan(0);
      const issued = words.find((w) => w.text.endsWith('印发'));
      expect(issued?.page, `${n} 行正文：版记不在最后一页`).toBe(pages);
      const attendance = words.find((w) => /^(出席|列席)：/.test(w.text));
      expect(attendance?.page, `${n} 行正文：出席名单与版记不在同一页`).toBe(pages);
    });
  }, 300_000);
});

describe('characters outside GB2312, as LibreOffice renders them', () => {
  it('prints 镕, 䶮 and 𠀀 in faces that have them, in runs of their own', async () => {
    const m = await heldMeeting(core, {
      title: '朱镕基路刘䶮祠𠀀字路牌的保护',
      speeches: 1,
      minutesChars: 100,
      resolutions: 1,
    });
    const out = ok(await core.invoke('document.export', { meetingId: m.meetingId, kind: '会议纪要' }));
    const docx = Buffer.from(out.dataBase64, 'base64');
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const faceOf = (ch: string) =>
      [...xml.matchAll(/<w:r><w:rPr>((?:(?!<\/w:rPr>).)*)<\/w:rPr><w:t[^>]*>([^<]*)<\/w:t><\/w:r>/gs)]
        .filter(([, , t]) => t.includes(ch))
        .map(([, rPr, t]) => ({ face: /w:eastAsia="([^"]*)"/.exec(rPr)?.[1], text: t }));
    // In the body's 仿宋_GB2312 run of the overview: each wide character alone in its face.
    expect(faceOf('镕')).toContainEqual({ face: '仿宋', text: '镕' });
    expect(faceOf('䶮')).toContainEqual({ face: '宋体', text: '䶮' });
    expect(faceOf('𠀀')).toContainEqual({ face: 'SimSun-ExtB', text: '𠀀' });
    expect(faceOf('祠')).toContainEqual({ face: '仿宋_GB2312', text: '祠' });
    const { words } = renderDocx(docx);
    const text = words.map((w) => w.text).join('');
    expect(text).toContain('朱镕基路刘䶮祠');
  }, 120_000);
});

describe('年度协商计划, as LibreOffice renders it', () => {
  it('keeps headers and months on one line, each topic whole, and the office and date under the table', async () => {
    const plan = ok(await core.invoke('plan.get', { year: 2026 }));
    expect(plan.items.length).toBeGreaterThan(0);
    const out = ok(await core.invoke('plan.exportDocx', { year: 2026 }));
    const { pages, words } = renderDocx(Buffer.from(out.dataBase64, 'base64'));
    for (const header of ['序号', '协商议题', '协商形式', '牵头单位', '计划时间'])
      expect(oneLine(words, header), header).toBe(true);
    // A long title wraps inside its cell: the cell's words in reading order.
    const text = words.map((w) => w.text).join('');
    for (const item of plan.items) {
      expect(oneLine(words, `${item.month}月`), `${item.month}月`).toBe(true);
      expect(text).toContain(item.title);
    }
    const last = words.filter((w) => w.page === pages).map((w) => w.text);
    expect(last.some((t) => t.endsWith('日'))).toBe(true);
    // Inside the text block: 28 mm from the left edge, 26 mm from the right (A4 is 595 pt wide).
    for (const w of words.filter((w) => !/^[—\d]+$/.test(w.text))) {
      expect(w.x, w.text).toBeGreaterThan(79);
      expect(w.right, w.text).toBeLessThan(595 - 73);
    }
  }, 120_000);
});
