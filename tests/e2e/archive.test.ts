import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { MinutesState } from '../../shared/contract/minutes';
import { heldMeeting, type Scenario } from '../support/meetingScenario';
import { api, apiValue, launchBrowser, openAppIn, screenPath, startServe, visible, type Served } from './support/serve';

/** Looking something up a year later: a phrase from the minutes, or a single character. */
let browser: Browser;
let served: Served;
let context: BrowserContext;
let page: Page;
let s: Scenario;

beforeAll(async () => {
  served = await startServe({ demo: true });
  browser = await launchBrowser();
  const invoke = ((name: string, input: unknown) => api(served, name, input)) as Core['invoke'];
  s = await heldMeeting(invoke, { title: '松花江冰雪大世界交通疏导', resolutions: 1 });
  const m = await apiValue<MinutesState>(served, 'minutes.get', { meetingId: s.meetingId });
  await apiValue(served, 'minutes.save', {
    meetingId: s.meetingId,
    doc: m.doc!.replace('"text":"会议记录"', '"text":"会议记录：摆渡车发车间隔缩短到五分钟"'),
    baseVersion: m.version,
  });
  await apiValue(served, 'meeting.setStatus', { id: s.meetingId, status: '进行中' });
  await apiValue(served, 'meeting.setStatus', { id: s.meetingId, status: '已结束' });
  ({ context, page } = await openAppIn(browser, served, '/archive'));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await served?.stop();
});

describe('archive search', () => {
  it('finds a meeting by a phrase from its minutes, the match highlighted, and opens it', async () => {
    await page.getByRole('searchbox', { name: '检索词' }).fill('摆渡车发车间隔');
    const hit = page.getByRole('list', { name: '检索结果' }).locator('li', { hasText: '会议记录' }).first();
    await visible(hit);
    expect(await hit.locator('mark').first().innerText()).toBe('摆渡车发车间隔');
    await page.screenshot({ path: screenPath('archive') });
    await hit.getByRole('link').click();
    await visible(page.getByRole('heading', { name: '松花江冰雪大世界交通疏导' }));
  });

  it('finds it by a single character too, and narrows by kind', async () => {
    await page.goto(`${served.origin}/#/archive`);
    await page.getByRole('searchbox', { name: '检索词' }).fill('冰');
    await page.getByRole('group', { name: '类别' }).getByRole('button', { name: '会议', exact: true }).click();
    const hits = page.getByRole('list', { name: '检索结果' }).locator('li');
    await visible(hits.first());
    expect(await hits.allInnerTexts()).toEqual([expect.stringContaining('松花江冰雪大世界交通疏导')]);
    expect(await hits.first().locator('mark').first().innerText()).toBe('冰');
  });
});
