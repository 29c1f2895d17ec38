import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILE_NAME } from '../../electron/core';
import { updatesToJson } from '../../electron/core/minutesSync/convert';
import type { MinutesState } from '../../shared/contract/minutes';
import { readMinutesDoc } from '../../shared/domain/minutesDoc';
import { allowed } from '../support/verdict';
import { apiValue, launchBrowser, openAppIn, startServe, visible, type Served } from './support/serve';

/**
 * The core killed (SIGKILL: no handler runs, as in a power cut) 20 times at random moments while
 * the secretary types at a human pace. After each kill, the data file itself is read: it holds
 * everything the page showed half a second before, and it is intact. The same window, never
 * reloaded, reconnects each time; at the end it and the data file hold the same text.
 */
const KILLS = 20;
let served: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let meetingId = 0;
let dataDir = '';

const shown = () => page.evaluate(() => document.querySelector('.minutes-content')?.textContent ?? '');

/** What the data file holds of the minutes, read straight from its rows as a new start reads them. */
function onDisk(): { text: string; integrity: string } {
  const db = new Database(join(dataDir, DATA_FILE_NAME));
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const snap = db.prepare('SELECT state FROM minutes_yjs_snapshot WHERE meeting_id = ?').pluck().get(meetingId) as
      Buffer | undefined;
    const rows = db
      .prepare('SELECT data FROM minutes_yjs_update WHERE meeting_id = ? ORDER BY seq')
      .pluck()
      .all(meetingId) as Buffer[];
    const json = updatesToJson([...(snap ? [snap] : []), ...rows].map((b) => new Uint8Array(b)));
    return { text: allowed(readMinutesDoc(json)).plain.replace(/\n/g, ''), integrity };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  served = await startServe({ demo: true });
  dataDir = served.dataDir;
  browser = await launchBrowser();
  meetingId = (
    await apiValue<{ id: number }>(served, 'meeting.create', {
      topicId: null,
      form: '冰城商量',
      title: '断电测试',
      startsAt: '2026-05-14T09:00',
    })
  ).id;
  ({ context, page } = await openAppIn(browser, served, `/meetings/${meetingId}`));
  await page.getByRole('tab', { name: '会议控制台' }).click();
  await visible(page.getByRole('textbox', { name: '会议记录' }));
  await visible(page.locator('[data-testid="save-status"][data-phase="saved"]'));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await served?.stop();
});

describe('the core killed while the secretary types', () => {
  it('never loses what the page showed half a second before, and the window loses nothing at all', async () => {
    const phrase = '委员建议在中央大街沿线增设公厕指引牌并延长冬季开放时间';
    await page.getByRole('textbox', { name: '会议记录' }).click();
    // Typing in the background at a human pace, the whole time, kills included.
    let typing = true;
    let n = 0;
    const typist = (async () => {
      while (typing) {
        await page.keyboard.insertText(phrase[n++ % phrase.length]);
        await page.waitForTimeout(70 + Math.round(Math.random() * 110));
      }
    })();
    // What the page showed, every 100 ms.
    const samples: { at: number; text: string }[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        samples.push({ at: Date.now(), text: await shown() });
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const { port } = new URL(served.origin);
    const token = served.token;
    const lost: string[] = [];
    for (let k = 0; k < KILLS; k++) {
      // A random moment, at least a second after the core came back (the window has reconnected by then).
      await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2500));
      const killedAt = Date.now();
      await served.crash();
      const before = samples.filter((s) => s.at <= killedAt - 500).at(-1)?.text ?? '';
      const disk = onDisk();
      expect(disk.integrity).toBe('ok');
      if (!disk.text.startsWith(before))
        lost.push(`第 ${k + 1} 次：页面 ${before.length} 字，数据文件 ${disk.text.length} 字`);
      served = await startServe({ dataDir, port: Number(port), token });
    }
    typing = false;
    await typist;
    sampling = false;
    await sampler;
    expect(lost).toEqual([]);

    // The same window, reconnected after the last restart: it and the data file agree to the character.
    await visible(page.locator('[data-testid="save-status"][data-phase="saved"]'), 15_000);
    const final = await shown();
    expect(final.length).toBeGreaterThan(100);
    await expect
      .poll(
        async () => {
          const s = await apiValue<MinutesState>(served, 'minutes.get', { meetingId });
          return s.doc ? allowed(readMinutesDoc(s.doc)).plain : '';
        },
        { timeout: 5000 },
      )
      .toBe(final);
    expect(onDisk().text).toBe(final);
  }, 300_000);
});
