import { beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail, Speech } from '../../shared/contract/meetings';
import { axeViolations } from './support/axe';
import { apiValue, screenPath, visible } from './support/serve';
import { withServedApp } from './support/servedApp';

/**
 * The screens the office uses most, checked by axe (contrast, names, labels, roles) on the
 * laptop size most meeting rooms have, and the console's layout measured there: a secretary
 * must see who speaks, steer the projector and type the minutes without scrolling.
 */
let meetingId = 0;

const LAPTOP = { width: 1366, height: 768 };
const app = withServedApp({
  demo: true,
  hash: async (served) => {
    const people = await apiValue<{ id: number; name: string; kind: string }[]>(served, 'person.list', {});
    const create = (title: string) =>
      apiValue<MeetingDetail>(served, 'meeting.create', {
        topicId: null,
        form: '冰城商量',
        title,
        startsAt: '2026-05-14T09:00',
        place: '市政协三楼协商议事厅',
        useTemplate: true,
      });
    // Meetings in every state, so the list shows every status tag.
    const ended = await create('松花江沿岸冬季步道照明协商');
    await apiValue(served, 'meeting.setStatus', { id: ended.id, status: '进行中' });
    await apiValue(served, 'meeting.setStatus', { id: ended.id, status: '已结束' });
    const archived = await create('老旧小区加装电梯协商');
    for (const status of ['进行中', '已结束', '已归档'] as const)
      await apiValue(served, 'meeting.setStatus', { id: archived.id, status });
    await create('冰雪大世界周边交通组织协商');
    meetingId = (await create('中央大街景区公厕布局、指引和冬季运行')).id;
    await apiValue(served, 'meeting.setStatus', { id: meetingId, status: '进行中' });
    const kinds = ['预约发言', '即席发言', '情况通报', '专家点评', '群众评议', '部门回应'] as const;
    for (const [i, person] of people.slice(0, 12).entries())
      await apiValue(served, 'queue.add', { meetingId, personId: person.id, kind: kinds[i % kinds.length] });

    return `/meetings/${meetingId}`;
  },
});

const editor = () => app.page.getByRole('textbox', { name: '会议记录' });
const queue = async () => (await apiValue<{ entries: Speech[] }>(app.served, 'queue.get', { meetingId })).entries;

/** Where an element lies in the viewport. */
async function box(selector: string) {
  return app.page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return {
        top: Math.round(r.top),
        bottom: Math.round(r.bottom),
        left: Math.round(r.left),
        width: Math.round(r.width),
      };
    });
}
/** The page's scroller (right of the sidebar) and the console's own left column. */
const scrollers = { page: '.content', column: '.console-main' };
const scrollTop = (selector: string, to = 0) =>
  app.page.locator(selector).evaluate((el, to) => (el.scrollTo(0, to), el.scrollTop), to);
const overflow = (selector: string) => app.page.locator(selector).evaluate((el) => el.scrollHeight - el.clientHeight);

beforeAll(async () => {
  await app.page.setViewportSize(LAPTOP);
  await app.page.getByRole('tab', { name: '会议控制台' }).click();
  await visible(editor());
  await app.page.getByRole('radiogroup', { name: '投屏模式' }).getByRole('radio', { name: '发言人' }).click();
  // Four speakers have spoken and the fifth has the floor; each header goes into the minutes.
  await editor().click();
  await app.page.keyboard.type('主持人介绍议题和与会人员。');
  await app.page.keyboard.press('Enter');
  const first = (await queue())[0];
  await apiValue(app.served, 'queue.start', { id: first.id });
  for (let i = 0; i < 4; i++) {
    await visible(app.page.locator('.speaker-header').nth(i));
    await editor().click();
    await app.page.keyboard.press('Control+End');
    await app.page.keyboard.type(`第${i + 1}位发言：建议在主街两侧每三百米设置一处公厕指引牌。`);
    await app.page.keyboard.press('Enter');
    await apiValue(app.served, 'queue.next', { meetingId });
  }
  await visible(app.page.locator('.speaker-header').nth(4));
  // A suggestion marked, so the marks panel lists one.
  await editor().focus();
  await app.page.evaluate(() => {
    const root = document.querySelector('.minutes-content')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf('每三百米设置一处公厕指引牌');
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + 13);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
  });
  await app.page.waitForTimeout(50);
  await app.page.keyboard.press('Alt+1');
  await visible(app.page.getByRole('complementary', { name: '标记' }).locator('li').first());
  await app.page.getByRole('heading', { level: 1 }).click(); // the caret out of the editor, as between speakers
  await app.page.locator('.toast').waitFor({ state: 'detached', timeout: 10_000 });
  // The short-lived offers to undo a start are gone too: the console as it stands mid-speech.
  await app.page.waitForFunction(() => !document.querySelector('[data-testid="undo-start"]'), null, {
    timeout: 15_000,
  });
});

describe('accessibility and the console layout', () => {
  it('lays out the live console at 1366×768 with the speaker, the projector and wide minutes in view, and axe finds nothing', async () => {
    const entries = await queue();
    expect(entries.filter((e) => e.state === '已发言')).toHaveLength(4);
    expect(entries.filter((e) => e.state === '发言中')).toHaveLength(1);
    await scrollTop(scrollers.page);
    await scrollTop(scrollers.column);

    const minutes = await box('.minutes-card');
    const speaker = await box('.speaker-card');
    const screen = await box('.screen-card');
    expect.soft(minutes.width, 'the minutes column').toBeGreaterThanOrEqual(560);
    expect.soft(speaker.bottom, 'the current speaker card').toBeLessThanOrEqual(LAPTOP.height);
    expect.soft(screen.bottom, 'the projector controls').toBeLessThanOrEqual(LAPTOP.height);
    // The console fills the window: the page itself does not scroll, the minutes reach its foot.
    expect.soft(await overflow(scrollers.page), 'the page scrolls').toBeLessThanOrEqual(1);
    expect.soft(minutes.bottom).toBeGreaterThan(LAPTOP.height - 40);
    await app.page.screenshot({ path: screenPath('console-1366x768') });

    // The finished speakers, folded below the waiting ones, are checked unfolded too.
    await app.page
      .locator('details.queue-finished')
      .evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await app.page.locator('.queue-row.st-已发言').filter({ visible: true }).count()).toBe(4);
    expect(await axeViolations(app.page)).toEqual([]);

    // Down the queue: the column scrolls on its own, the timer and the projector controls stay put.
    expect(await scrollTop(scrollers.column, 600)).toBeGreaterThan(0);
    expect(await box('.speaker-card')).toEqual(speaker);
    expect(await box('.screen-card')).toEqual(screen);
    expect(await box('.minutes-card')).toEqual(minutes);
    await app.page.screenshot({ path: screenPath('console-1366x768-scrolled') });
    await scrollTop(scrollers.column);
  });

  it('keeps the console sound at 1920×1080', async () => {
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    const minutes = await box('.minutes-card');
    const screen = await box('.screen-card');
    expect(minutes.width).toBeGreaterThanOrEqual(560);
    expect(screen.bottom).toBeLessThanOrEqual(1080);
    expect(await overflow(scrollers.page)).toBeLessThanOrEqual(1);
    await app.page.screenshot({ path: screenPath('console-1920x1080') });
    await app.page.setViewportSize(LAPTOP);
  });

  it('stacks the console below 1100 px without cutting the minutes', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    const minutes = await box('.minutes-card');
    const speaker = await box('.speaker-card');
    const queueCard = await box('.queue-card');
    expect(minutes.width).toBeGreaterThanOrEqual(560);
    expect(minutes.left + minutes.width).toBeLessThanOrEqual(1024);
    expect(queueCard.width).toBe(minutes.width);
    // One column: the minutes right after the speaker and the projector, before the long queue.
    expect(minutes.top).toBeGreaterThan(speaker.bottom);
    expect(minutes.top).toBeLessThan(queueCard.top);
    await app.page.screenshot({ path: screenPath('console-1024x768') });
    await app.page.setViewportSize(LAPTOP);
  });

  it('finds nothing on the topic wizard', async () => {
    const topics = await apiValue<{ id: number; status: string; step: number }[]>(app.served, 'topic.list', {});
    const topic = topics.find((x) => x.status === '进行中' && x.step > 1) ?? topics.find((x) => x.status === '进行中')!;
    await app.page.goto(`${app.served.origin}/#/topics/${topic.id}`);
    await visible(app.page.locator('.stepper'));
    await visible(app.page.getByRole('radiogroup', { name: '作出决定' }));
    await app.page.screenshot({ path: screenPath('wizard-1366x768') });
    expect(await axeViolations(app.page)).toEqual([]);
  });

  it('finds nothing on the people list', async () => {
    await app.page.goto(`${app.served.origin}/#/directory/people`);
    await visible(app.page.getByRole('table').locator('tbody tr').first());
    await app.page.screenshot({ path: screenPath('people-1366x768') });
    expect(await axeViolations(app.page)).toEqual([]);
  });

  it('finds nothing on the meetings list', async () => {
    await app.page.goto(`${app.served.origin}/#/meetings`);
    await visible(app.page.getByRole('table', { name: '会议列表' }).getByText('老旧小区加装电梯协商'));
    await app.page.screenshot({ path: screenPath('meetings-1366x768') });
    expect(await axeViolations(app.page)).toEqual([]);
  });
});
