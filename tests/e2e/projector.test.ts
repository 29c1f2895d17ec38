import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../renderer/src/lib/dates';
import { apiValue, hidden, launchBrowser, openAppIn, screenPath, startServe, visible, WAIT, type Served } from './support/serve';

/**
 * The projector as the room sees it: real Chromium at 1920×1080 on the served app, every change
 * made through the API as the console would, the page following by change events alone.
 */

interface Speech {
  id: number;
  name: string;
  state: string;
}

let browser: Browser;
let served: Served;
let context: BrowserContext;
let page: Page;
let meetingId: number;
let speeches: Speech[];

const screen = (input: Record<string, unknown>) => apiValue(served, 'screen.set', input);
const countdown = () => page.getByTestId('projector-countdown');
const speaker = () => page.getByTestId('projector-speaker');

beforeAll(async () => {
  served = await startServe({ demo: true });
  browser = await launchBrowser();
  const people = await apiValue<{ id: number; name: string }[]>(served, 'person.list');
  const byName = (name: string) => people.find((p) => p.name === name)!.id;
  const meeting = await apiValue<{ id: number }>(served, 'meeting.create', {
    topicId: null,
    form: '冰城商量',
    title: '中央大街景区公厕布局与“厕所革命”',
    startsAt: `${todayIso()}T09:00`,
    place: '市政协三楼协商议事厅',
    useTemplate: true,
  });
  meetingId = meeting.id;
  await apiValue(served, 'queue.add', { meetingId, personId: byName('张伟'), kind: '预约发言' });
  await apiValue(served, 'queue.add', { meetingId, personId: byName('周雯'), kind: '即席发言' });
  speeches = (await apiValue<{ entries: Speech[] }>(served, 'queue.add', { meetingId, personId: byName('曾晓燕'), kind: '群众评议' })).entries;
  await screen({ meetingId, mode: 'agenda' });
  ({ context, page } = await openAppIn(browser, served, '/projector'));
  await page.setViewportSize({ width: 1920, height: 1080 });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await served?.stop();
});

describe('the projector at 1920×1080', () => {
  it('shows the agenda with the estimated times', async () => {
    await visible(page.locator('[data-mode="agenda"]'));
    const items = page.getByTestId('projector-agenda-item');
    await visible(items.first());
    expect(await items.count()).toBe(6);
    await visible(items.filter({ hasText: '委员、专家、群众代表发言' }));
    await visible(page.getByText(/第\d+期/));
    await expect.poll(() => page.getByTestId('projector-end').textContent()).toMatch(/^\d\d:\d\d$/);
    await page.screenshot({ path: screenPath('projector-agenda') });
  });

  it('follows the agenda: the running item is highlighted, finished ones ticked', async () => {
    const { agenda } = await apiValue<{ agenda: { id: number }[] }>(served, 'meeting.get', { id: meetingId });
    await apiValue(served, 'agenda.start', { id: agenda[0].id });
    await apiValue(served, 'agenda.start', { id: agenda[1].id });
    await apiValue(served, 'agenda.start', { id: agenda[3].id });
    const items = page.getByTestId('projector-agenda-item');
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['done', 'done', 'ahead', 'running', 'ahead', 'ahead']);
    await page.screenshot({ path: screenPath('projector-agenda-running') });
  });

  it('shows the speaker with the countdown, then 暂停 when paused', async () => {
    await screen({ mode: 'speaker' });
    await visible(page.locator('[data-mode="speaker"]'));
    await visible(page.getByText('请下一位发言人准备'));
    await visible(page.locator('.projector-prepare-name', { hasText: '张伟' }));
    await page.screenshot({ path: screenPath('projector-prepare') });
    await apiValue(served, 'queue.start', { id: speeches[0].id });
    await expect.poll(() => speaker().textContent()).toBe('张伟');
    await expect.poll(() => countdown().textContent()).toMatch(/^0(8:00|7:5\d)$/);
    expect(await countdown().getAttribute('data-tone')).toBe('normal');
    // The next speakers, in order, with their kind.
    await visible(page.getByTestId('projector-next').getByText('周雯'));
    await visible(page.getByTestId('projector-next').getByText('群众评议'));
    await visible(page.getByTestId('projector-current-item').getByText('委员、专家、群众代表发言'));
    await page.screenshot({ path: screenPath('projector-speaker') });

    await apiValue(served, 'queue.pause', { id: speeches[0].id });
    await visible(page.getByText('暂停', { exact: true }));
    const frozen = await countdown().textContent();
    await page.waitForTimeout(1_200);
    expect(await countdown().textContent()).toBe(frozen);
    await page.screenshot({ path: screenPath('projector-paused') });
  });

  it('turns amber, then red counting up once the time is over', async () => {
    // The shortest limit allowed is 30 s; a long warning makes it amber from the start.
    const settings = await apiValue<Record<string, unknown>>(served, 'settings.get');
    await apiValue(served, 'settings.save', { ...settings, warnSeconds: 600 });
    const people = await apiValue<{ id: number; name: string }[]>(served, 'person.list');
    const added = await apiValue<{ entries: Speech[] }>(served, 'queue.add', { meetingId, personId: people.find((p) => p.name === '单立新')!.id, kind: '即席发言', limitSeconds: 30 });
    await apiValue(served, 'queue.start', { id: added.entries.at(-1)!.id });
    await expect.poll(() => speaker().textContent()).toBe('单立新');
    await expect.poll(() => countdown().getAttribute('data-tone')).toBe('warn');
    await expect.poll(() => countdown().getAttribute('data-tone'), { timeout: 40_000 }).toBe('over');
    await expect.poll(() => countdown().textContent()).toMatch(/^\+00:0\d$/);
    await visible(page.getByText('已超时'));
    await page.screenshot({ path: screenPath('projector-over') });
    await apiValue(served, 'settings.save', settings);
  });

  it('shows a message, a blank screen, and the next speaker after 下一位', async () => {
    await screen({ mode: 'message', message: '请将手机调至静音' });
    await visible(page.getByTestId('projector-message').getByText('请将手机调至静音'));
    await page.screenshot({ path: screenPath('projector-message') });

    await screen({ mode: 'blank' });
    await visible(page.locator('[data-mode="blank"]'));
    expect((await page.locator('main').innerText()).trim()).toBe('');
    expect(await page.locator('main').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(0, 0, 0)');

    await screen({ mode: 'speaker' });
    await apiValue(served, 'queue.next', { meetingId });
    await expect.poll(() => speaker().textContent()).toBe('周雯');
    await hidden(page.getByTestId('projector-next').getByText('周雯'), WAIT);
  });
});
