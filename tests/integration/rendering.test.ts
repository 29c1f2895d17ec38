import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseDate } from '../../shared/domain/chineseText';
import { heldMeeting, type Scenario } from '../support/meetingScenario';
import { renderDocx, type Word } from '../support/render';
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
