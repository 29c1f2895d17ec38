import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILE_NAME } from '../../electron/core';
import type { Mark, MinutesState } from '../../shared/contract/minutes';
import { readMinutesDoc } from '../../shared/domain/minutesDoc';
import { allowed } from '../support/verdict';
import { generateMinutesDoc } from '../../electron/core/generate/minutesText';
import {
  apiValue,
  hidden,
  launchBrowser,
  openAppIn,
  screenPath,
  startServe,
  visible,
  writeServedMinutes,
  type Served,
} from './support/serve';

/**
 * The secretary's minutes during a meeting: typing while speakers take the floor, marking a
 * suggestion and a commitment, reloading without losing a word, a data file that refuses the
 * write, the core killed mid-sentence, the revisions, and the read-only archive.
 */
let browser: Browser;
let served: Served;
let context: BrowserContext;
let page: Page;
let meetingId = 0;
let dataDir = '';
const speakers: { id: number; name: string }[] = [];

const editor = () => page.getByRole('textbox', { name: '会议记录' });
const stored = () => apiValue<MinutesState>(served, 'minutes.get', { meetingId });
const storedPlain = async () => {
  const s = await stored();
  return s.doc ? allowed(readMinutesDoc(s.doc)).plain : '';
};
const marks = () => apiValue<Mark[]>(served, 'mark.list', { meetingId });
const saved = () => visible(page.getByTestId('save-status').and(page.locator('[data-phase="saved"]')), 15_000);

/** Types at the end of the minutes, as the secretary does between speakers. */
async function typeAtEnd(text: string) {
  // In the text, not on a speaker's header (a block the caret cannot enter).
  await editor().locator('p').last().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Selects a phrase in the editor the way a mouse drag would. */
async function select(phrase: string) {
  await editor().focus();
  await page.evaluate((phrase) => {
    const root = document.querySelector('.minutes-content')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(phrase);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + phrase.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`编辑器中没有“${phrase}”`);
  }, phrase);
  await page.waitForTimeout(50); // Lexical takes the selection on selectionchange
}

async function openConsole(id = meetingId) {
  await page.goto(`${served.origin}/#/meetings/${id}`);
  await page.getByRole('tab', { name: '会议控制台' }).click();
  await visible(editor());
}

beforeAll(async () => {
  served = await startServe({ demo: true });
  browser = await launchBrowser();
  const people = await apiValue<{ id: number; name: string; kind: string }[]>(served, 'person.list', {});
  meetingId = (
    await apiValue<{ id: number }>(served, 'meeting.create', {
      topicId: null,
      form: '冰城商量',
      title: '中央大街景区公厕协商',
      startsAt: '2026-05-14T09:00',
      useTemplate: true,
    })
  ).id;
  const member = people.filter((p) => p.kind === '委员');
  const department = people.find((p) => p.kind === '部门代表')!;
  for (const [person, kind] of [
    [member[0], '预约发言'],
    [member[1], '即席发言'],
    [department, '部门回应'],
  ] as const) {
    await apiValue(served, 'queue.add', { meetingId, personId: person.id, kind });
    speakers.push({ id: person.id, name: person.name });
  }
  ({ context, page } = await openAppIn(browser, served, `/meetings/${meetingId}`));
  await openConsole();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await served?.stop();
  // The folder outlived the crashed server: the restarted one only borrowed it.
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('live minutes', () => {
  it('inserts each speaker’s header as they take the floor while the secretary types', async () => {
    await visible(page.getByText('还没有标记'));
    await typeAtEnd('主持人介绍议题和与会人员。');
    await page.keyboard.press('Enter');
    await page
      .getByRole('list', { name: '发言顺序' })
      .locator('li', { hasText: speakers[0].name })
      .getByRole('button', { name: '开始' })
      .click();
    await visible(page.locator('.speaker-header', { hasText: speakers[0].name }));
    // The header went above the empty line: typing continues in the new speaker's section.
    await editor().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('建议在主街两侧每三百米设置一处公厕指引牌。');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /下一位/ }).click();
    await visible(page.locator('.speaker-header', { hasText: speakers[1].name }));
    await typeAtEnd('节假日高峰在重点节点增设移动公厕。');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /下一位/ }).click();
    await visible(page.locator('.speaker-header', { hasText: speakers[2].name }));
    // The header did not take the focus from the console: its keys still run the queue.
    expect(await page.evaluate(() => !document.activeElement?.closest('.minutes-content'))).toBe(true);
    // The header comes over the minutes' socket, the queue over the calls: Space pauses who the console shows.
    await visible(page.getByTestId('console-speaker').getByText(speakers[2].name));
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press(' ');
    await visible(page.locator('.paused-badge'));
    await page.keyboard.press(' ');
    await hidden(page.locator('.paused-badge'));
    await typeAtEnd('市城管局将于三季度前完成主街指引牌更新。');
    await expect.poll(storedPlain, { timeout: 10_000 }).toContain('三季度前完成主街指引牌更新');
    await saved();

    const lines = (await storedPlain()).split('\n');
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    const order = [
      '主持人介绍议题',
      `【预约发言】${speakers[0].name}`,
      '每三百米设置一处公厕指引牌',
      `【即席发言】${speakers[1].name}`,
      '增设移动公厕',
      `【部门回应】${speakers[2].name}`,
      '三季度前完成',
    ].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    await page.screenshot({ path: screenPath('minutes-console') });
  });

  it('marks a suggestion and a commitment, lists them with their speakers, jumps to and removes them', async () => {
    await select('每三百米设置一处公厕指引牌');
    await page.keyboard.press('Alt+1');
    await select('三季度前完成主街指引牌更新');
    await page.getByRole('toolbar', { name: '会议记录' }).getByRole('button', { name: '回应/承诺' }).click();

    const panel = page.getByRole('complementary', { name: '标记' });
    await visible(panel.locator('li', { hasText: '每三百米设置一处公厕指引牌' }));
    await visible(panel.locator('li', { hasText: '三季度前完成主街指引牌更新' }));
    await expect
      .poll(async () => (await marks()).map((m) => [m.kind, m.excerpt, m.speaker]))
      .toEqual([
        ['建议', '每三百米设置一处公厕指引牌', speakers[0].name],
        ['回应/承诺', '三季度前完成主街指引牌更新', speakers[2].name],
      ]);
    expect(await page.locator('.m-mark[data-kind="建议"]').innerText()).toBe('每三百米设置一处公厕指引牌');
    expect(await page.locator('.m-mark[data-kind="回应/承诺"]').innerText()).toBe('三季度前完成主街指引牌更新');

    // Jump: the passage is selected in the text.
    await editor().click();
    await page.keyboard.press('Control+Home');
    await panel.locator('li', { hasText: '每三百米' }).locator('.mark-item').click();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('每三百米设置一处公厕指引牌');
    await page.screenshot({ path: screenPath('minutes-marks') });

    // Remove the commitment: the text stays, the record goes.
    await panel
      .locator('li', { hasText: '三季度前' })
      .getByRole('button', { name: /取消标记/ })
      .click();
    await expect.poll(async () => (await marks()).map((m) => m.kind)).toEqual(['建议']);
    expect(await page.locator('.m-mark').count()).toBe(1);
    expect(await storedPlain()).toContain('三季度前完成主街指引牌更新');
  });

  it('finds every word after a reload made right after typing', async () => {
    const words = '会后请市城管局书面答复委员提出的三项建议，并抄送社会和法制委员会。';
    await typeAtEnd(words);
    await page.reload(); // no waiting for the autosave
    await visible(editor());
    await expect.poll(() => editor().innerText(), { timeout: 10_000 }).toContain(words);
    await expect.poll(storedPlain, { timeout: 10_000 }).toContain(words);
    await saved();
  });

  it('says so when the data file refuses the write, keeps every word in the window through a reload, and stores it once the file is free', async () => {
    // Another program holds the write lock on the data file (a backup tool, a sync client).
    const db = new Database(join(served.dataDir, DATA_FILE_NAME));
    db.exec('BEGIN IMMEDIATE');
    try {
      await typeAtEnd('锁定期间写下的第一句。');
      // While the file stays locked each reconnection tries the write again, and the banner returns with the refusal.
      await visible(page.getByTestId('sync-refused').filter({ hasText: '未能写入数据文件' }), 20_000);
      expect(await page.getByTestId('save-status').getAttribute('data-phase')).not.toBe('saved');
      await typeAtEnd('第二句也还没有存进去。');
      // The window's own copy: a reload loses nothing even though the core has none of it.
      await page.reload();
      await visible(editor());
      await expect
        .poll(() => editor().innerText(), { timeout: 10_000 })
        .toContain('锁定期间写下的第一句。第二句也还没有存进去。');
    } finally {
      db.exec('COMMIT');
      db.close();
    }
    // 已保存 means the data file has it, the words the reload brought back from the window's own copy included.
    await saved();
    expect(await storedPlain()).toContain('锁定期间写下的第一句。第二句也还没有存进去。');
  });

  it('keeps typing while the core is killed, and the same window, reconnected, loses nothing', async () => {
    await typeAtEnd('核心停止前写下的一句。');
    await expect.poll(storedPlain, { timeout: 10_000 }).toContain('核心停止前写下的一句。');
    dataDir = served.dataDir;
    const { port } = new URL(served.origin);
    const token = served.token;
    await served.crash();
    await typeAtEnd('核心停止期间写下的一句。');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-phase')).toBe('offline');
    served = await startServe({ dataDir, port: Number(port), token });
    // No reload: the window reconnects by itself and sends what the core lacks.
    await saved();
    await expect.poll(storedPlain, { timeout: 10_000 }).toContain('核心停止前写下的一句。核心停止期间写下的一句。');
  });

  it('keeps revisions at meeting end and restores one, keeping the current text too', async () => {
    await apiValue(served, 'meeting.setStatus', { id: meetingId, status: '已结束' });
    await page.reload();
    await visible(editor());
    await page.getByRole('button', { name: '历史版本' }).click();
    const drawer = page.getByRole('dialog', { name: '会议记录历史版本' });
    await visible(drawer.getByText('会议结束'));
    const oldest = drawer.locator('li').last();
    expect(await oldest.innerText()).not.toContain('崩溃前最后一句');
    page.once('dialog', (d) => void d.accept());
    await oldest.getByRole('button', { name: '恢复此版本' }).click();
    await hidden(drawer);
    await expect.poll(() => editor().innerText()).not.toContain('崩溃前最后一句');
    expect(await storedPlain()).not.toContain('崩溃前最后一句');
    await page.getByRole('button', { name: '历史版本' }).click();
    await visible(drawer.locator('li').first().getByText('恢复前'));
    expect(await drawer.locator('li').first().innerText()).toMatch(/恢复前/);
    await page.keyboard.press('Escape');
  });

  it('opens long minutes with the earlier speakers folded, and unfolds them for the caret and for a mark', async () => {
    const people = await apiValue<{ id: number }[]>(served, 'person.list', {});
    const long = (
      await apiValue<{ id: number }>(served, 'meeting.create', {
        topicId: null,
        form: '冰城商量',
        title: '长记录',
        startsAt: '2026-05-15T09:00',
      })
    ).id;
    const sections = [];
    for (let i = 0; i < 12; i++) {
      const q = await apiValue<{ entries: { id: number; name: string; affiliation: string }[] }>(served, 'queue.add', {
        meetingId: long,
        personId: people[i].id,
        kind: '预约发言',
      });
      const s = q.entries[q.entries.length - 1];
      sections.push({ speechId: s.id, name: s.name, affiliation: s.affiliation, kind: '预约发言', time: '09:30' });
    }
    await writeServedMinutes(served, long, generateMinutesDoc({ sections, chars: 20_000, marks: 6 }));
    const first = (await apiValue<Mark[]>(served, 'mark.list', { meetingId: long }))[0];

    await openConsole(long);
    const bar = page.getByRole('status').filter({ hasText: '已折叠' });
    await visible(bar);
    expect(await bar.innerText()).toMatch(/前面 \d+ 段记录/);
    await expect.poll(() => page.locator('.speaker-header:visible').count()).toBe(3);
    await page.screenshot({ path: screenPath('minutes-folded') });

    // Typing at the end stays folded; the whole text is still saved.
    await typeAtEnd('折叠时输入的一句。');
    await expect
      .poll(async () => (await apiValue<MinutesState>(served, 'minutes.get', { meetingId: long })).doc, {
        timeout: 10_000,
      })
      .toContain('折叠时输入的一句。');
    const state = await apiValue<MinutesState>(served, 'minutes.get', { meetingId: long });
    expect(allowed(readMinutesDoc(state.doc!)).speechIds).toHaveLength(12);
    expect(allowed(readMinutesDoc(state.doc!)).plain).toContain('折叠时输入的一句。');
    await visible(bar);

    // A mark in the folded part: the panel's jump unfolds and selects it.
    await page.getByRole('complementary', { name: '标记' }).locator('li').first().locator('.mark-item').click();
    await hidden(bar);
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(first.excerpt);

    // Fold again, then Ctrl+Home takes the caret into folded text: everything shows.
    await page.getByRole('button', { name: '折叠前文' }).click();
    await visible(bar);
    await editor().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+Home');
    await hidden(bar);
    expect(await page.locator('.speaker-header:visible').count()).toBe(12);
  });

  it('is read-only once the meeting is archived', async () => {
    await apiValue(served, 'meeting.setStatus', { id: meetingId, status: '已归档' });
    await openConsole();
    await visible(page.getByText('会议已归档，会议记录只能查看。'));
    expect(await editor().getAttribute('contenteditable')).toBe('false');
    expect(await page.getByRole('toolbar', { name: '会议记录' }).getByRole('button', { name: '建议' }).count()).toBe(0);
    expect(
      await page
        .getByRole('complementary', { name: '标记' })
        .getByRole('button', { name: /取消标记/ })
        .count(),
    ).toBe(0);
  });
});
