import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../renderer/src/lib/dates';
import { axeViolations } from './support/axe';
import {
  apiValue,
  hidden,
  launchBrowser,
  openAppIn,
  screenPath,
  startServe,
  visible,
  WAIT,
  type Served,
} from './support/serve';

/**
 * The projector as the room sees it: real Chromium on the served app, every change made through
 * the API as the console would, the page following by change events alone. The flow runs at
 * 1920×1080; each state is also read at the three screens a room has (laptop beamer, full HD,
 * 4K), for what the back row needs: the whole title, large digits, rows that keep their size,
 * enough contrast.
 */

interface Speech {
  id: number;
  name: string;
  state: string;
}

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;
type Size = (typeof SIZES)[number];
const FULL_HD = SIZES[1];

/** The longest title a meeting notice commonly has: 40 characters. */
const LONG_TITLE = '关于进一步优化哈尔滨市中央大街步行街区夜间经济新业态布局与公共服务设施配置的协商';
/** Before the redesign an agenda row at 1920×1080 with six items was 61vh / 6 − 0.8vh tall (101 px), its type 2.6vw (50 px). */
const ROW_HEIGHT_SHARE = (61 / 6 - 0.8) / 100;
const ROW_TYPE_SHARE = 0.026;
/** The countdown's digits, drawn, at least this share of the screen's height. */
const DIGITS_SHARE = 0.15;

let browser: Browser;
let served: Served;
let context: BrowserContext;
let page: Page;
let meetingId: number;
let speeches: Speech[];

const screen = (input: Record<string, unknown>) => apiValue(served, 'screen.set', input);
const countdown = (p = page) => p.getByTestId('projector-countdown');
const speaker = () => page.getByTestId('projector-speaker');
const nextNames = () => page.getByTestId('projector-next').locator('.projector-next-name').allTextContents();

/** Runs `check` at each screen size in turn, then puts the page back to 1920×1080. */
async function atEachSize(p: Page, check: (size: Size, tag: string) => Promise<void>) {
  for (const size of SIZES) {
    await p.setViewportSize(size);
    await check(size, `${size.width}x${size.height}`);
  }
  await p.setViewportSize(FULL_HD);
}

/** Layout is read straight after a resize (reading a box forces it); a screenshot waits for the frame itself. */
const shoot = (p: Page, name: string) => p.screenshot({ path: screenPath(name) });

/**
 * The title as drawn: its text's boxes (a Range over it, one per line), whether they lie inside
 * the header, the viewport and every ancestor that clips, and whether anything covers them.
 */
function titleView(p: Page) {
  return p.getByTestId('projector-title').evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const box = range.getBoundingClientRect();
    const within = (r: DOMRect, o: { left: number; top: number; right: number; bottom: number }) =>
      r.left >= o.left - 0.5 && r.top >= o.top - 0.5 && r.right <= o.right + 0.5 && r.bottom <= o.bottom + 0.5;
    const cutBy: string[] = [];
    for (let a = el.parentElement; a; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if ((cs.overflowX !== 'visible' || cs.overflowY !== 'visible') && !within(box, a.getBoundingClientRect()))
        cutBy.push(a.className || a.tagName);
    }
    const lines = [...range.getClientRects()];
    const covered = lines.filter((r) => {
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !hit || !el.contains(hit);
    }).length;
    const cs = getComputedStyle(el);
    return {
      text: el.textContent,
      lines: new Set(lines.map((r) => Math.round(r.top))).size,
      fontPx: parseFloat(cs.fontSize),
      ellipsis: cs.textOverflow === 'ellipsis',
      // Sideways only: the font's content area (1.45em) always pokes out of a 1.18 line vertically.
      overflows: el.scrollWidth > el.clientWidth,
      inHeader: within(box, el.closest('header')!.getBoundingClientRect()),
      inViewport: within(box, { left: 0, top: 0, right: innerWidth, bottom: innerHeight }),
      cutBy,
      covered,
    };
  });
}

async function expectTitleWhole(p: Page, title: string) {
  const v = await titleView(p);
  expect(v.text).toBe(title);
  expect(v, JSON.stringify(v)).toMatchObject({
    ellipsis: false,
    overflows: false,
    inHeader: true,
    inViewport: true,
    cutBy: [],
    covered: 0,
  });
  expect(v.lines).toBeLessThanOrEqual(2);
  return v;
}

/**
 * What the back row reads of the countdown: the height of its digits as drawn, i.e. the ink box
 * (actualBoundingBox ascent + descent) of the digits in the element's computed font and size,
 * measured on a canvas, over the viewport's height. The text's box (a Range: the font's full
 * ascent to descent) must lie inside the timer panel and the panel inside the viewport, so no
 * digit is cut.
 */
function countdownView(p: Page) {
  return countdown(p).evaluate((el) => {
    const cs = getComputedStyle(el);
    const pen = document.createElement('canvas').getContext('2d')!;
    pen.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const text = el.textContent ?? '';
    const ink = pen.measureText(text.replace(/\D/g, ''));
    const range = document.createRange();
    range.selectNodeContents(el);
    const box = range.getBoundingClientRect();
    const panel = el.closest('.projector-timer')!.getBoundingClientRect();
    const within = (r: DOMRect, o: { left: number; top: number; right: number; bottom: number }) =>
      r.left >= o.left - 0.5 && r.top >= o.top - 0.5 && r.right <= o.right + 0.5 && r.bottom <= o.bottom + 0.5;
    const digitsPx = ink.actualBoundingBoxAscent + ink.actualBoundingBoxDescent;
    return {
      text,
      fontPx: parseFloat(cs.fontSize),
      digitsPx,
      share: digitsPx / innerHeight,
      inPanel: within(box, panel),
      inViewport: within(panel, { left: 0, top: 0, right: innerWidth, bottom: innerHeight }),
      overflows: el.scrollWidth > el.clientWidth,
    };
  });
}

/** Per size and state, for the report: digits' height as % of the screen's. */
const measured: string[] = [];

async function expectBigDigits(p: Page, state: string, tag: string) {
  const v = await countdownView(p);
  measured.push(
    `${state} ${tag}: “${v.text}” digits ${v.digitsPx.toFixed(0)} px = ${(v.share * 100).toFixed(1)} % of height (font ${v.fontPx.toFixed(0)} px)`,
  );
  expect(v.share, `${state} at ${tag}: “${v.text}”`).toBeGreaterThanOrEqual(DIGITS_SHARE);
  expect(v, `${state} at ${tag}`).toMatchObject({ inPanel: true, inViewport: true, overflows: false });
}

/** Nothing pushed off the screen: the projector's own box (overflow hidden) holds all its content. */
async function expectAllOnScreen(p: Page) {
  const m = await p
    .locator('main.projector')
    .evaluate((el) => ({ h: el.scrollHeight - el.clientHeight, w: el.scrollWidth - el.clientWidth }));
  expect(m).toEqual({ h: 0, w: 0 });
}

/** Every name after 下一位 whole on its line. */
async function expectNextWhole() {
  const cut = await page
    .getByTestId('projector-next')
    .locator('.projector-next-name')
    .evaluateAll((els) =>
      els
        .filter((e) => e.scrollWidth > e.clientWidth || e.getBoundingClientRect().right > innerWidth)
        .map((e) => e.textContent),
    );
  expect(cut).toEqual([]);
}

async function expectAxeClean(p: Page, where: string) {
  expect(await axeViolations(p), where).toEqual([]);
}

beforeAll(async () => {
  expect([...LONG_TITLE]).toHaveLength(40);
  served = await startServe({ demo: true });
  browser = await launchBrowser();
  const people = await apiValue<{ id: number; name: string }[]>(served, 'person.list');
  const byName = (name: string) => people.find((p) => p.name === name)!.id;
  const meeting = await apiValue<{ id: number }>(served, 'meeting.create', {
    topicId: null,
    form: '冰城商量',
    title: LONG_TITLE,
    startsAt: `${todayIso()}T09:00`,
    place: '市政协三楼协商议事厅',
    useTemplate: true,
  });
  meetingId = meeting.id;
  // A long name among those waiting: the 下一位 columns must hold it too.
  const longName = await apiValue<{ id: number }>(served, 'person.save', {
    name: '阿卜杜热合曼·买买提',
    kind: '群众代表',
    unit: '道里区中央大街街道',
  });
  await apiValue(served, 'queue.add', { meetingId, personId: byName('张伟'), kind: '预约发言' });
  await apiValue(served, 'queue.add', { meetingId, personId: byName('周雯'), kind: '即席发言' });
  await apiValue(served, 'queue.add', { meetingId, personId: byName('曾晓燕'), kind: '群众评议' });
  await apiValue(served, 'queue.add', { meetingId, personId: byName('解海峰'), kind: '即席发言' });
  await apiValue(served, 'queue.add', { meetingId, personId: longName.id, kind: '群众评议' });
  speeches = (
    await apiValue<{ entries: Speech[] }>(served, 'queue.add', {
      meetingId,
      personId: byName('刘春梅'),
      kind: '即席发言',
    })
  ).entries;
  await screen({ meetingId, mode: 'agenda' });
  ({ context, page } = await openAppIn(browser, served, '/projector'));
  await page.setViewportSize(FULL_HD);
});
afterAll(async () => {
  if (measured.length) console.log(measured.join('\n'));
  await context?.close();
  await browser?.close();
  await served?.stop();
});

describe('the projector, at 1920×1080 and each state at all three sizes', () => {
  it('shows the agenda with the estimated times, and the whole 40-character title', async () => {
    await visible(page.locator('[data-mode="agenda"]'));
    const items = page.getByTestId('projector-agenda-item');
    await visible(items.first());
    expect(await items.count()).toBe(6);
    await visible(items.filter({ hasText: '委员、专家、群众代表发言' }));
    await visible(page.getByText(/第\d+期/));
    await expect.poll(() => page.getByTestId('projector-end').textContent()).toMatch(/^\d\d:\d\d$/);
    await page.screenshot({ path: screenPath('projector-agenda') });
    await atEachSize(page, async (size, tag) => {
      const title = await expectTitleWhole(page, LONG_TITLE);
      measured.push(`title ${tag}: ${title.lines} lines at ${title.fontPx.toFixed(0)} px`);
      await expectAllOnScreen(page);
    });
  });

  it('follows the agenda: the running item is highlighted, finished ones ticked', async () => {
    const { agenda } = await apiValue<{ agenda: { id: number }[] }>(served, 'meeting.get', { id: meetingId });
    await apiValue(served, 'agenda.start', { id: agenda[0].id });
    await apiValue(served, 'agenda.start', { id: agenda[1].id });
    await apiValue(served, 'agenda.start', { id: agenda[3].id });
    const items = page.getByTestId('projector-agenda-item');
    await expect
      .poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))))
      .toEqual(['done', 'done', 'ahead', 'running', 'ahead', 'ahead']);
    await page.screenshot({ path: screenPath('projector-agenda-running') });
    await expectAxeClean(page, 'agenda, six items');
  });

  it('shows the speaker with the countdown, then 暂停 when paused', async () => {
    await screen({ mode: 'speaker' });
    await visible(page.locator('[data-mode="speaker"]'));
    await visible(page.getByText('请下一位发言人准备'));
    await visible(page.locator('.projector-prepare-name', { hasText: '张伟' }));
    // The first in line is named above; the next four follow 下一位.
    await expect.poll(nextNames).toEqual(['周雯', '曾晓燕', '解海峰', '阿卜杜热合曼·买买提']);
    await page.screenshot({ path: screenPath('projector-prepare') });
    await atEachSize(page, async (size, tag) => {
      await expectAllOnScreen(page);
      await expectAxeClean(page, `prepare ${tag}`);
      await shoot(page, `projector-prepare-${tag}`);
    });

    await apiValue(served, 'queue.start', { id: speeches[0].id });
    await expect.poll(() => speaker().textContent()).toBe('张伟');
    await expect.poll(() => countdown().textContent()).toMatch(/^0(8:00|7:5\d)$/);
    expect(await countdown().getAttribute('data-tone')).toBe('normal');
    // The next speakers, in order, with their kind: four of the five waiting.
    await expect.poll(nextNames).toEqual(['周雯', '曾晓燕', '解海峰', '阿卜杜热合曼·买买提']);
    await visible(page.getByTestId('projector-next').getByText('群众评议').first());
    await visible(page.getByTestId('projector-current-item').getByText('委员、专家、群众代表发言'));
    await page.screenshot({ path: screenPath('projector-speaker') });
    await atEachSize(page, async (size, tag) => {
      await expectTitleWhole(page, LONG_TITLE);
      await expectBigDigits(page, 'normal', tag);
      await expectNextWhole();
      await expectAllOnScreen(page);
      await expectAxeClean(page, `speaker ${tag}`);
      await shoot(page, `projector-speaker-${tag}`);
    });

    await apiValue(served, 'queue.pause', { id: speeches[0].id });
    await visible(page.getByText('暂停', { exact: true }));
    const frozen = await countdown().textContent();
    await page.waitForTimeout(1_200);
    expect(await countdown().textContent()).toBe(frozen);
    await page.screenshot({ path: screenPath('projector-paused') });
    await atEachSize(page, async (size, tag) => {
      await expectBigDigits(page, 'paused', tag);
      await expectAxeClean(page, `paused ${tag}`);
      await shoot(page, `projector-paused-${tag}`);
    });
  });

  it('turns amber, then red counting up once the time is over', async () => {
    // The shortest limit allowed is 30 s; a long warning makes it amber from the start.
    const settings = await apiValue<Record<string, unknown>>(served, 'settings.get');
    await apiValue(served, 'settings.save', { ...settings, warnSeconds: 600 });
    const people = await apiValue<{ id: number; name: string }[]>(served, 'person.list');
    const added = await apiValue<{ entries: Speech[] }>(served, 'queue.add', {
      meetingId,
      personId: people.find((p) => p.name === '单立新')!.id,
      kind: '即席发言',
      limitSeconds: 30,
    });
    await apiValue(served, 'queue.start', { id: added.entries.at(-1)!.id });
    await expect.poll(() => speaker().textContent()).toBe('单立新');
    await expect.poll(() => countdown().getAttribute('data-tone')).toBe('warn');
    await atEachSize(page, async (size, tag) => {
      expect(await countdown().getAttribute('data-tone')).toBe('warn');
      await expectBigDigits(page, 'warn', tag);
      await expectAxeClean(page, `warn ${tag}`);
      await shoot(page, `projector-warn-${tag}`);
    });
    await expect.poll(() => countdown().getAttribute('data-tone'), { timeout: 40_000 }).toBe('over');
    await expect.poll(() => countdown().textContent()).toMatch(/^\+00:0\d$/);
    await visible(page.getByText('已超时'));
    await page.screenshot({ path: screenPath('projector-over') });
    await atEachSize(page, async (size, tag) => {
      await expectBigDigits(page, 'over', tag);
      await expectAllOnScreen(page);
      await expectAxeClean(page, `over ${tag}`);
      await shoot(page, `projector-over-${tag}`);
    });
    await apiValue(served, 'settings.save', settings);
  });

  it('keeps the digits as large after two hours over', async () => {
    // Two hours on. The server's clock cannot be moved through the API, so a second projector
    // window gets a browser clock two hours ahead: its countdown reads the real start of the
    // speech against that clock, which is what the room sees after two hours.
    const later = await browser.newContext({ viewport: FULL_HD, locale: 'zh-CN' });
    try {
      await later.clock.install();
      const room = await later.newPage();
      await room.goto(`${served.url}#/projector`);
      await expect.poll(() => countdown(room).getAttribute('data-tone')).toBe('over');
      await room.clock.fastForward('02:00:00');
      await expect.poll(() => countdown(room).textContent()).toMatch(/^\+2:00:\d\d$/);
      await atEachSize(room, async (size, tag) => {
        await expectBigDigits(room, 'over by hours', tag);
        await expectTitleWhole(room, LONG_TITLE);
        await expectAllOnScreen(room);
        // The speaker's name keeps its line beside the wider timer.
        const name = await room.getByTestId('projector-speaker').evaluate((e) => {
          const text = document.createRange();
          text.selectNodeContents(e);
          return {
            lines: new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size,
            cut: e.scrollWidth > e.clientWidth,
          };
        });
        expect(name).toEqual({ lines: 1, cut: false });
        await expectAxeClean(room, `over by hours ${tag}`);
        await shoot(room, `projector-overhours-${tag}`);
      });
    } finally {
      await later.close();
    }
  });

  it('shows a message, a blank screen, and the next speaker after 下一位', async () => {
    await screen({ mode: 'message', message: '请将手机调至静音' });
    await visible(page.getByTestId('projector-message').getByText('请将手机调至静音'));
    await page.screenshot({ path: screenPath('projector-message') });
    await atEachSize(page, async (size, tag) => {
      await expectAllOnScreen(page);
      await expectAxeClean(page, `message ${tag}`);
      await shoot(page, `projector-message-${tag}`);
    });

    await screen({ mode: 'blank' });
    await visible(page.locator('[data-mode="blank"]'));
    expect((await page.locator('main').innerText()).trim()).toBe('');
    expect(await page.locator('main').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(0, 0, 0)');
    await atEachSize(page, async (size, tag) => {
      await expectAxeClean(page, `blank ${tag}`);
      await shoot(page, `projector-blank-${tag}`);
    });

    await screen({ mode: 'speaker' });
    await apiValue(served, 'queue.next', { meetingId });
    await expect.poll(() => speaker().textContent()).toBe('周雯');
    await hidden(page.getByTestId('projector-next').getByText('周雯'), WAIT);
  });
});

describe('a long agenda, mid-meeting', () => {
  const titles = [
    '主持人介绍议题和与会人员',
    '承办专委会通报调研情况',
    '市商务局通报夜间经济工作情况',
    '道里区政府通报街区管理情况',
    '市文旅局通报业态引导情况',
    '观看调研专题片',
    '委员代表发言',
    '专家学者发言',
    '听取中央大街沿街商户和周边居民代表关于夜间噪声与停车问题的意见',
    '群众代表评议',
    '相关部门现场回应',
    '委员与部门互动交流',
    '市政府领导讲话',
    '主持人总结',
  ];

  it('shows a window of full-size rows around the running item, saying how many are left out', async () => {
    const long = await apiValue<{ id: number }>(served, 'meeting.create', {
      topicId: null,
      form: '冰城商量',
      title: LONG_TITLE,
      startsAt: `${todayIso()}T09:00`,
      place: '市政协三楼协商议事厅',
      useTemplate: false,
    });
    const { agenda } = await apiValue<{ agenda: { id: number }[] }>(served, 'agenda.save', {
      meetingId: long.id,
      items: titles.map((title) => ({ title, plannedMinutes: 10 })),
    });
    expect(agenda).toHaveLength(14);
    // Seven finished, the eighth running: each start ends the one before.
    for (const item of agenda.slice(0, 8)) await apiValue(served, 'agenda.start', { id: item.id });
    await screen({ meetingId: long.id, mode: 'agenda' });
    const items = page.getByTestId('projector-agenda-item');
    await expect
      .poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))))
      .toEqual(['done', 'running', 'ahead', 'ahead', 'ahead']);
    await visible(items.filter({ hasText: '专家学者发言' }));
    expect(await page.getByTestId('projector-agenda-earlier').textContent()).toBe('前 6 项已完成');
    expect(await page.getByTestId('projector-agenda-later').textContent()).toBe('后面还有 3 项');

    await atEachSize(page, async (size, tag) => {
      await expectTitleWhole(page, LONG_TITLE);
      const rows = await items.evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          const title = el.querySelector('.projector-agenda-title')!;
          // Its line boxes (one line, or two for a long title) inside the row, nothing cut sideways.
          const t = title.getBoundingClientRect();
          return {
            height: r.height,
            typePx: parseFloat(getComputedStyle(el).fontSize),
            titleWhole: title.scrollWidth <= title.clientWidth && t.top >= r.top && t.bottom <= r.bottom,
          };
        }),
      );
      measured.push(
        `agenda ${tag}: ${rows.length} rows ${rows.map((r) => r.height.toFixed(0)).join('/')} px tall (${((rows[0].height / size.height) * 100).toFixed(2)} % of height), type ${rows[0].typePx.toFixed(0)} px`,
      );
      for (const r of rows) {
        expect(r.height).toBeGreaterThanOrEqual(ROW_HEIGHT_SHARE * size.height - 0.5);
        expect(r.typePx).toBeGreaterThanOrEqual(ROW_TYPE_SHARE * size.width - 0.5);
        expect(r.titleWhole, JSON.stringify(r)).toBe(true);
      }
      await expectAllOnScreen(page);
      await expectAxeClean(page, `agenda ${tag}`);
      await shoot(page, `projector-agenda-${tag}`);
    });

    // The longest title a meeting may have, 80 characters, still on two lines (in smaller type).
    const longest = `${LONG_TITLE}暨推进松花江沿岸历史文化街区保护利用与冰雪旅游季交通组织工作的专题调研协商座谈会`;
    expect([...longest]).toHaveLength(80);
    await apiValue(served, 'meeting.update', { id: long.id, title: longest });
    await expect.poll(() => page.getByTestId('projector-title').textContent()).toBe(longest);
    await atEachSize(page, async (size, tag) => {
      const title = await expectTitleWhole(page, longest);
      measured.push(`80-character title ${tag}: ${title.lines} lines at ${title.fontPx.toFixed(0)} px`);
      await expectAllOnScreen(page);
      await shoot(page, `projector-agenda-title80-${tag}`);
    });

    // Skipping to the last item: the window stops at the end and says what lies above, not all done.
    await apiValue(served, 'agenda.start', { id: agenda[13].id });
    await expect
      .poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))))
      .toEqual(['ahead', 'ahead', 'ahead', 'ahead', 'running']);
    expect(await page.getByTestId('projector-agenda-earlier').textContent()).toBe('前面还有 9 项（已完成 8 项）');
    expect(await page.getByTestId('projector-agenda-later').textContent()).toBe('');
  });

  it('shows the idle screen when no meeting is on', async () => {
    const meetings = await apiValue<{ id: number; status: string }[]>(served, 'meeting.list');
    for (const m of meetings.filter((m) => m.status === '进行中'))
      await apiValue(served, 'meeting.setStatus', { id: m.id, status: '已结束' });
    await screen({ meetingId: null, mode: 'agenda' });
    await visible(page.locator('[data-mode="idle"]'));
    await visible(page.getByText('暂无进行中的会议'));
    await atEachSize(page, async (size, tag) => {
      await expectAllOnScreen(page);
      await expectAxeClean(page, `idle ${tag}`);
      await shoot(page, `projector-idle-${tag}`);
    });
  });
});
