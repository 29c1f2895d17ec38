import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILE_NAME } from '../../electron/core';
import type { MinutesState } from '../../shared/contract/minutes';
import { readMinutesDoc } from '../../shared/domain/minutesDoc';
import { allowed } from '../support/verdict';
import { apiValue, launchBrowser, openAppIn, startServe, visible, type Served } from './support/serve';

/**
 * A pinyin input method, driven as Chromium's own IME drives the page (CDP Input.imeSetComposition):
 * while a composition is open, another recorder types, a speaker takes the floor (the core writes
 * the header) and the core saves and projects; the composition stays whole, and nothing stored,
 * indexed or exported ever holds its pinyin.
 */
let served: Served;
let browser: Browser;
const tabs: { context: BrowserContext; page: Page }[] = [];
let cdp: CDPSession;
let meetingId = 0;
let speechId = 0;

const editorOf = (page: Page) => page.getByRole('textbox', { name: '会议记录' });
const textOf = (page: Page) => page.evaluate(() => document.querySelector('.minutes-content')?.textContent ?? '');
const storedPlain = async () => {
  const s = await apiValue<MinutesState>(served, 'minutes.get', { meetingId });
  return s.doc ? allowed(readMinutesDoc(s.doc)).plain : '';
};
/** Every stored row of the shared document, as bytes: pinyin would show in them as ASCII. */
function storedBytes(): string {
  const db = new Database(join(served.dataDir, DATA_FILE_NAME), { readonly: true });
  try {
    const rows = [
      ...(db.prepare('SELECT data FROM minutes_yjs_update').pluck().all() as Buffer[]),
      ...(db.prepare('SELECT state FROM minutes_yjs_snapshot').pluck().all() as Buffer[]),
      ...(db.prepare('SELECT doc FROM minutes').pluck().all() as string[]).map((d) => Buffer.from(d)),
      ...(db.prepare('SELECT doc FROM minutes_revision').pluck().all() as string[]).map((d) => Buffer.from(d)),
    ];
    return Buffer.concat(rows).toString('latin1');
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  served = await startServe({ demo: true });
  browser = await launchBrowser();
  meetingId = (
    await apiValue<{ id: number }>(served, 'meeting.create', {
      topicId: null,
      form: '冰城商量',
      title: '输入法测试',
      startsAt: '2026-05-14T09:00',
    })
  ).id;
  const people = await apiValue<{ id: number }[]>(served, 'person.list', {});
  const q = await apiValue<{ entries: { id: number }[] }>(served, 'queue.add', {
    meetingId,
    personId: people[0].id,
    kind: '预约发言',
  });
  speechId = q.entries[0].id;
  for (let i = 0; i < 2; i++) {
    const opened = await openAppIn(browser, served, `/meetings/${meetingId}`);
    await opened.page.getByRole('tab', { name: '会议控制台' }).click();
    await visible(editorOf(opened.page));
    await visible(opened.page.locator('[data-testid="save-status"][data-phase="saved"]'));
    tabs.push(opened);
  }
  cdp = await tabs[0].context.newCDPSession(tabs[0].page);
});
afterAll(async () => {
  for (const t of tabs) await t.context.close();
  await browser?.close();
  await served?.stop();
});

describe('an input method composing', () => {
  it('is not broken by a remote edit, a speaker header or a save, and its pinyin is never stored', async () => {
    const [a, b] = tabs;
    await editorOf(a.page).click();
    await a.page.keyboard.insertText('中央大街');
    await visible(a.page.locator('[data-testid="save-status"][data-phase="saved"]'));

    // The pinyin typed so far, not yet chosen.
    for (const [i, text] of ['j', 'ji', 'jin', 'jing'].entries()) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: i + 1, selectionEnd: i + 1 });
      await a.page.waitForTimeout(60);
    }
    // Meanwhile: the other recorder types, a speaker starts, the core projects and saves.
    await editorOf(b.page).click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.press('Enter');
    await b.page.keyboard.insertText('第二位记录员补记');
    await apiValue(served, 'queue.start', { id: speechId });
    await a.page.waitForTimeout(1500);

    // Still composing, still whole.
    expect(await textOf(a.page)).toContain('中央大街jing');
    expect(await a.page.evaluate(() => document.activeElement?.closest('.minutes-content') !== null)).toBe(true);
    // Nothing of it left the window.
    expect(await textOf(b.page)).not.toContain('jing');
    expect(await storedPlain()).not.toContain('jing');
    expect(storedBytes()).not.toContain('jing');

    // The secretary chooses 经: the composition commits.
    await cdp.send('Input.insertText', { text: '经' });
    await visible(a.page.locator('[data-testid="save-status"][data-phase="saved"]'));
    // What was held while composing arrived afterwards: the other recorder's words and the header.
    await expect.poll(() => textOf(a.page)).toContain('第二位记录员补记');
    await visible(a.page.locator('.speaker-header'));
    expect(await textOf(a.page)).toContain('中央大街经');
    await expect.poll(() => textOf(b.page)).toContain('中央大街经');
    await expect.poll(storedPlain, { timeout: 5000 }).toContain('中央大街经');
    expect(await storedPlain()).not.toContain('jing');
    expect(storedBytes()).not.toContain('jing');
    const hits = await apiValue<{ hits: unknown[] }>(served, 'archive.search', { q: 'jing' });
    expect(hits.hits).toEqual([]);
  });
});
