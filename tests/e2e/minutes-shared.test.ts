import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MinutesState } from '../../shared/contract/minutes';
import { paragraphsDoc, readMinutesDoc } from '../../shared/domain/minutesDoc';
import { allowed } from '../support/verdict';
import { allowCuttingSockets, cutSockets } from './support/cutSocket';
import {
  apiValue,
  launchBrowser,
  openAppIn,
  screenPath,
  startServe,
  visible,
  writeServedMinutes,
  type Served,
} from './support/serve';

/**
 * Three recorders in one paragraph at once: the secretary, a second recorder, and a third whose
 * cable is out for 30 seconds while they keep typing. Nobody is refused, nobody chooses, and in
 * the end every window and the data file hold the same text with every word of each.
 */
let served: Served;
let browser: Browser;
let meetingId = 0;
const windows: { context: BrowserContext; page: Page; name: string }[] = [];

const editorOf = (page: Page) => page.getByRole('textbox', { name: '会议记录' });
const textOf = (page: Page) => page.evaluate(() => document.querySelector('.minutes-content')?.textContent ?? '');
const stored = async () => {
  const s = await apiValue<MinutesState>(served, 'minutes.get', { meetingId });
  return s.doc ? allowed(readMinutesDoc(s.doc)).plain : '';
};

beforeAll(async () => {
  served = await startServe({ demo: true });
  browser = await launchBrowser();
  meetingId = (
    await apiValue<{ id: number }>(served, 'meeting.create', {
      topicId: null,
      form: '冰城商量',
      title: '三人同记',
      startsAt: '2026-05-14T09:00',
    })
  ).id;
  await writeServedMinutes(served, meetingId, paragraphsDoc(['共同段落：']));
  for (const name of ['甲', '乙', '丙']) {
    const { context, page } = await openAppIn(browser, served, `/meetings/${meetingId}`, allowCuttingSockets);
    await page.getByRole('tab', { name: '会议控制台' }).click();
    await visible(editorOf(page));
    await page.waitForFunction(() => document.querySelector('.minutes-content')?.textContent?.includes('共同段落'));
    windows.push({ context, page, name });
  }
});
afterAll(async () => {
  for (const w of windows) await w.context.close();
  await browser?.close();
  await served?.stop();
});

/** Types `count` tokens (甲01, 甲02, …) at the end of the paragraph, one insertion each, at a typist's pace. */
async function typeTokens(page: Page, name: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  await editorOf(page).click();
  await page.keyboard.press('Control+End');
  for (let i = 1; i <= count; i++) {
    const token = `${name}${String(i).padStart(2, '0')}`;
    await page.keyboard.insertText(token);
    tokens.push(token);
    await page.waitForTimeout(120 + Math.round(Math.random() * 120));
  }
  return tokens;
}

describe('three windows in the same paragraph', () => {
  it('merge everything each typed, the one away for 30 seconds included, with nobody refused', async () => {
    const [a, b, c] = windows;
    await cutSockets(c.page, true);
    const offlineSince = Date.now();
    const typed = await Promise.all([
      typeTokens(a.page, a.name, 30),
      typeTokens(b.page, b.name, 30),
      typeTokens(c.page, c.name, 30),
    ]);
    await expect.poll(() => c.page.getByTestId('save-status').getAttribute('data-phase')).toBe('offline');
    // The window that is away shows its own words at once, and none of the others'.
    expect(await textOf(c.page)).toContain('丙30');
    expect(await textOf(c.page)).not.toContain('甲01');
    await c.page.waitForTimeout(Math.max(0, 30_000 - (Date.now() - offlineSince)));
    await cutSockets(c.page, false);

    for (const w of windows)
      await visible(w.page.getByTestId('save-status').and(w.page.locator('[data-phase="saved"]')), 15_000);
    await expect
      .poll(async () => new Set(await Promise.all(windows.map((w) => textOf(w.page)))).size, { timeout: 15_000 })
      .toBe(1);
    const final = await textOf(a.page);
    for (const token of typed.flat()) expect(final).toContain(token);
    await expect.poll(stored, { timeout: 5_000 }).toBe(final);
    // Nobody was asked to choose or told to stop.
    for (const w of windows) expect(await w.page.getByTestId('sync-refused').count()).toBe(0);
    await a.page.screenshot({ path: screenPath('minutes-three-windows') });
  }, 120_000);
});
