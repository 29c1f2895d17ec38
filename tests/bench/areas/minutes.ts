import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createCore, type Core } from '../../../electron/core';
import { api, launchBrowser, openAppIn, startServe, type Served } from '../../e2e/support/serve';
import { heldMeeting } from '../../support/meetingScenario';
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

/** The main side of a save: validate, write, plain-text projection and marks, as the router runs it. */
async function saveMedian(): Promise<{ median: number; chars: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bcsl-bench-'));
  const core: Core = createCore({ dataDir: dir });
  try {
    ok(await core.invoke('app.loadDemo', {}));
    const { meetingId } = await heldMeeting(core, { ...reference, title: '记录保存基准' });
    const stored = ok(await core.invoke('minutes.get', { meetingId }));
    const doc = stored.doc!;
    let version = stored.version;
    const times: number[] = [];
    for (let i = 0; i < 80; i++) {
      // Each save differs from the last by what was typed in between.
      const edited = doc.replace('"text":"会议记录"', `"text":"会议记录${'记'.repeat(i)}"`);
      const t0 = performance.now();
      version = ok(await core.invoke('minutes.save', { meetingId, doc: edited, baseVersion: version })).version;
      if (i >= 10) times.push(performance.now() - t0);
    }
    return { median: median(times), chars: stored.chars };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Keystroke to the next painted frame, measured in the page on its own clock: from the input
 * event's timestamp to a task queued in the first animation frame after it (which runs once
 * that frame is painted). Half the keys are Latin letters pressed, half Chinese characters
 * inserted as an input method commits them. The autosave runs as in use (typing never pauses).
 */
async function keystrokes(page: Page, count: number): Promise<number[]> {
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

async function openMinutes(page: Page, served: Served, meetingId: number): Promise<void> {
  await page.goto(`${served.origin}/#/meetings/${meetingId}`);
  await page.getByRole('tab', { name: '会议控制台' }).click();
  await page.getByRole('textbox', { name: '会议记录' }).waitFor();
}

/** The minutes editor with the reference minutes and with an empty document; the core's save. */
export const minutesArea: Area = {
  name: 'minutes',
  async run(): Promise<Figure[]> {
    const save = await saveMedian();
    const served = await startServe({ demo: true });
    const browser = await launchBrowser().catch(async (e) => {
      await served.stop();
      throw e;
    });
    try {
      // The same calls the app makes, over HTTP.
      const invoke = ((name: string, input: unknown) => api(served, name, input)) as Core['invoke'];
      const full = await heldMeeting(invoke, { ...reference, title: '参考会议记录' });
      const empty = await heldMeeting(invoke, { ...reference, minutesChars: 0, title: '空白会议记录' });

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
          label: `按键到下一帧，p95（${(save.chars / 10_000).toFixed(1)} 万字记录，${fullSamples.length} 次）`,
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
        },
        {
          key: 'minutes.save_median_ms',
          label: `保存 ${(save.chars / 10_000).toFixed(1)} 万字记录（主进程：校验、写入、纯文本、标记），中位数`,
          value: round(save.median),
          unit: 'ms',
          bar: { max: 15 },
        },
      ];
    } finally {
      await browser.close();
      await served.stop();
    }
  },
};
