import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createCore, type Core } from '../../../electron/core';
import { launchBrowser, openAppIn, servedHost, startServe, type Served } from '../../e2e/support/serve';
import { heldMeeting } from '../../support/meetingScenario';
import { inProcess } from '../../support/minutesClient';
import { ok } from '../../support/tempCore';
import { type Area, type Figure, median, percentile, round } from '../figures';

const REFERENCE_CHARS = 60_000;
const SPEECHES = 40;
const MARKS = 30;
/** Keystrokes per side, measured in blocks that alternate between the two documents. */
const KEYSTROKES = 400;
const BLOCK = 50;

/** The reference meeting: 40 speeches that really happened (so marks link to them), 60,000 characters of minutes with 30 marks. */
const reference = { speeches: SPEECHES, minutesChars: REFERENCE_CHARS, marks: MARKS, resolutions: 0, confirm: false };

/**
 * The core's side of one keystroke on the reference minutes, in its own process: a window's
 * change decoded, stored in its own transaction, applied, acknowledged (`apply`); and the
 * projection of the whole document (text, marks) that follows within a second (`project`).
 */
async function coreSide(): Promise<{ apply: number; project: number; chars: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bcsl-bench-'));
  const core: Core = createCore({ dataDir: dir });
  try {
    ok(await core.invoke('app.loadDemo', {}));
    const { meetingId } = await heldMeeting(core, { ...reference, title: '记录保存基准' });
    const w = inProcess(core, meetingId);
    await w.until(() => w.synced);
    const apply: number[] = [];
    const project: number[] = [];
    for (let i = 0; i < 90; i++) {
      const t0 = performance.now();
      w.type('记');
      await w.until(() => w.durable);
      const t1 = performance.now();
      core.minutesDocs.flush(meetingId);
      const t2 = performance.now();
      if (i >= 10) {
        apply.push(t1 - t0);
        project.push(t2 - t1);
      }
    }
    w.leave();
    return {
      apply: median(apply),
      project: median(project),
      chars: ok(await core.invoke('minutes.get', { meetingId })).chars,
    };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Keystroke to the next painted frame, measured in the page on its own clock: from the input
 * event's timestamp to a task queued in the first animation frame after it (which runs once
 * that frame is painted). Half the keys are Latin letters pressed, half Chinese characters
 * inserted as an input method commits them. The shared document's binding, the local copy and the link to the core run as in use.
 */
export async function keystrokes(page: Page, count: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __keystrokes: number[]; __listening?: boolean };
    w.__keystrokes = [];
    if (w.__listening) return;
    w.__listening = true;
    // On the document: the editor element is a new one for each meeting opened.
    document.addEventListener(
      'beforeinput',
      (e) => {
        if (!(e.target as Element).closest?.('.minutes-content')) return;
        const t0 = e.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.__keystrokes.push(performance.now() - t0);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
  // Type at the end, in a fresh paragraph, as during a meeting.
  await page.locator('.minutes-content > *').last().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  const han = '委员建议加快推进公厕指引标识更新并纳入城管平台统一监测';
  for (let i = 0; i < count + 10; i++) {
    const before = await page.evaluate(() => (window as unknown as { __keystrokes: number[] }).__keystrokes.length);
    if (i % 2) await page.keyboard.insertText(han[i % han.length]);
    else await page.keyboard.press('abcdefghijklmnopqrstuvwxyz'[i % 26]);
    await page.waitForFunction(
      (n) => (window as unknown as { __keystrokes: number[] }).__keystrokes.length > n,
      before,
    );
    await page.waitForTimeout(40);
  }
  const all = await page.evaluate(() => (window as unknown as { __keystrokes: number[] }).__keystrokes);
  return all.slice(10); // the first keys warm up the page
}

export async function openMinutes(page: Page, served: Served, meetingId: number): Promise<void> {
  await page.goto(`${served.origin}/#/meetings/${meetingId}`);
  await page.getByRole('tab', { name: '会议控制台' }).click();
  await page.getByRole('textbox', { name: '会议记录' }).waitFor();
}

/** A fresh tab opening the reference minutes until all of it is on the page. */
async function openTimes(browser: Browser, served: Served, meetingId: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { page, context } = await openAppIn(browser, served, '/meetings');
    const t0 = Date.now();
    await openMinutes(page, served, meetingId);
    await page.waitForFunction(
      () => (document.querySelector('.minutes-content')?.textContent?.length ?? 0) > 50_000,
      undefined,
      { timeout: 60_000 },
    );
    times.push(Date.now() - t0);
    await context.close();
  }
  return times;
}

/**
 * A keystroke reaching the data file, on the page's clock: from the input event to the line under
 * the editor saying 已保存到数据文件, which it says once the core's acknowledgement, sent after the
 * commit, has arrived. An upper bound of keystroke → COMMIT.
 */
async function durableTimes(browser: Browser, served: Served, meetingId: number): Promise<number[]> {
  const { page, context } = await openAppIn(browser, served, '/meetings');
  await openMinutes(page, served, meetingId);
  await page.locator('[data-testid="save-status"][data-phase="saved"]').waitFor();
  await page.locator('.minutes-content').click();
  await page.keyboard.press('Control+End');
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    await page.evaluate(() => {
      const w = window as unknown as { __durable: Promise<number> };
      w.__durable = new Promise<number>((resolve) => {
        const status = document.querySelector('[data-testid="save-status"]')!;
        let t0 = 0;
        const seen = new MutationObserver(() => {
          if (t0 && status.getAttribute('data-phase') === 'saved') {
            seen.disconnect();
            resolve(performance.now() - t0);
          }
        });
        seen.observe(status, { attributes: true });
        document.addEventListener('beforeinput', (e) => (t0 = e.timeStamp), { once: true, capture: true });
      });
    });
    await page.keyboard.press('abcdefghijklmnopqrstuvwxyz'[i % 26]);
    times.push(await page.evaluate(() => (window as unknown as { __durable: Promise<number> }).__durable));
    await page.waitForTimeout(50);
  }
  await context.close();
  return times.slice(5);
}

/**
 * A keystroke in one window painted in another: two tabs of one browser on the same meeting. The
 * typing tab notes the input event's time, the reading tab the first frame painted after the new
 * character arrived, both as `performance.timeOrigin + …`: the same system clock.
 */
async function coeditTimes(browser: Browser, served: Served, meetingId: number): Promise<number[]> {
  const a = await openAppIn(browser, served, '/meetings');
  const b = await openAppIn(browser, served, '/meetings');
  await openMinutes(a.page, served, meetingId);
  await openMinutes(b.page, served, meetingId);
  for (const p of [a.page, b.page]) await p.locator('[data-testid="save-status"][data-phase="saved"]').waitFor();
  await a.page.locator('.minutes-content').click();
  await a.page.keyboard.press('Control+End');
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    await b.page.evaluate(() => {
      const w = window as unknown as { __painted: Promise<number> };
      const content = document.querySelector('.minutes-content')!;
      const before = content.textContent?.length ?? 0;
      w.__painted = new Promise<number>((resolve) => {
        const seen = new MutationObserver(() => {
          if ((content.textContent?.length ?? 0) <= before) return;
          seen.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
            channel.port2.postMessage(null);
          });
        });
        seen.observe(content, { subtree: true, childList: true, characterData: true });
      });
    });
    await a.page.evaluate(() => {
      const w = window as unknown as { __typed: Promise<number> };
      w.__typed = new Promise<number>((resolve) =>
        document.addEventListener('beforeinput', (e) => resolve(performance.timeOrigin + e.timeStamp), {
          once: true,
          capture: true,
        }),
      );
    });
    await a.page.keyboard.press('abcdefghijklmnopqrstuvwxyz'[i % 26]);
    const typed = await a.page.evaluate(() => (window as unknown as { __typed: Promise<number> }).__typed);
    const painted = await b.page.evaluate(() => (window as unknown as { __painted: Promise<number> }).__painted);
    times.push(painted - typed);
    await a.page.waitForTimeout(50);
  }
  await a.context.close();
  await b.context.close();
  return times.slice(5);
}

/** The minutes editor with the reference minutes and with an empty document; the core's save. */
export const minutesArea: Area = {
  name: 'minutes',
  async run(): Promise<Figure[]> {
    const side = await coreSide();
    const served = await startServe({ demo: true });
    const browser = await launchBrowser().catch(async (e) => {
      await served.stop();
      throw e;
    });
    try {
      // The same calls the app makes, over HTTP, and the minutes written through its socket.
      const host = servedHost(served);
      const full = await heldMeeting(host, { ...reference, title: '参考会议记录' });
      const empty = await heldMeeting(host, { ...reference, minutesChars: 0, title: '空白会议记录' });
      const open = await openTimes(browser, served, full.meetingId);
      const durable = await durableTimes(browser, served, empty.meetingId);
      const coedit = await coeditTimes(browser, served, empty.meetingId);

      const { page } = await openAppIn(browser, served, '/meetings');
      await page.setViewportSize({ width: 1600, height: 900 });
      // Both documents in the same conditions: short blocks, taking turns, so a slow spell of the
      // machine falls on both sides alike.
      const emptySamples: number[] = [];
      const fullSamples: number[] = [];
      for (let block = 0; block < KEYSTROKES / BLOCK; block++) {
        await openMinutes(page, served, empty.meetingId);
        emptySamples.push(...(await keystrokes(page, BLOCK)));
        await openMinutes(page, served, full.meetingId);
        // Long minutes open with the earlier speakers folded: that is the editor as used.
        await page.getByRole('status').filter({ hasText: '已折叠' }).waitFor();
        fullSamples.push(...(await keystrokes(page, BLOCK)));
      }
      await page.getByRole('button', { name: '展开全部' }).first().click();
      const unfoldedSamples = await keystrokes(page, 100);
      if (process.env.BENCH_DEBUG) {
        const show = (xs: number[]) =>
          [...xs]
            .sort((a, b) => b - a)
            .slice(0, 15)
            .map((x) => x.toFixed(1))
            .join(' ');
        console.error(
          `空白 最慢：${show(emptySamples)} 中位 ${median(emptySamples).toFixed(1)}\n长记录 最慢：${show(fullSamples)} 中位 ${median(fullSamples).toFixed(1)}\n全部展开 最慢：${show(unfoldedSamples)}`,
        );
      }
      const p95Full = percentile(fullSamples, 95);
      const p95Empty = percentile(emptySamples, 95);
      return [
        {
          key: 'minutes.keystroke_p95_ms',
          label: `按键到下一帧，p95（${(side.chars / 10_000).toFixed(1)} 万字记录，${fullSamples.length} 次）`,
          value: round(p95Full),
          unit: 'ms',
          bar: { max: 16 },
        },
        {
          key: 'minutes.keystroke_empty_p95_ms',
          label: '按键到下一帧，p95（空白记录）',
          value: round(p95Empty),
          unit: 'ms',
        },
        {
          key: 'minutes.keystroke_ratio_vs_empty',
          label: '长记录与空白记录之比（p95）',
          value: round(p95Full / p95Empty),
          unit: 'x',
          bar: { max: 1.5 },
        },
        {
          key: 'minutes.keystroke_median_ms',
          label: '按键到下一帧，中位数（长记录）',
          value: round(median(fullSamples)),
          unit: 'ms',
        },
        {
          key: 'minutes.keystroke_unfolded_p95_ms',
          label: '按键到下一帧，p95（长记录全部展开）',
          value: round(percentile(unfoldedSamples, 95)),
          unit: 'ms',
          bar: { max: 20 },
        },
        {
          key: 'minutes.durable_p95_ms',
          label: `按键到写入数据文件并确认，p95（页面时钟，到核心的确认；${durable.length} 次）`,
          value: round(percentile(durable, 95)),
          unit: 'ms',
          bar: { max: 500 },
        },
        {
          key: 'minutes.coedit_p95_ms',
          label: `窗口甲按键到窗口乙画出，p95（同一浏览器的两个窗口，系统时钟；${coedit.length} 次）`,
          value: round(percentile(coedit, 95)),
          unit: 'ms',
          bar: { max: 100 },
        },
        {
          key: 'minutes.open_ms',
          label: `新窗口打开 ${(side.chars / 10_000).toFixed(1)} 万字记录到全部显示，中位数（${open.length} 次）`,
          value: round(median(open)),
          unit: 'ms',
        },
        {
          key: 'minutes.save_median_ms',
          label: `核心收下一次按键：解码、写入、应用、确认，中位数（${(side.chars / 10_000).toFixed(1)} 万字记录）`,
          value: round(side.apply),
          unit: 'ms',
          bar: { max: 15 },
        },
        {
          key: 'minutes.project_median_ms',
          label: '核心由共享文档导出纯文本、标记与记录行，中位数（每次修改后 0.4 秒内一次）',
          value: round(side.project),
          unit: 'ms',
        },
      ];
    } finally {
      await browser.close();
      await served.stop();
    }
  },
};
