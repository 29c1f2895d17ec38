import type { Page } from 'playwright-core';
import { apiValue, launchBrowser, openAppIn, startServe, type Served } from '../../e2e/support/serve';
import { type Area, type Figure, median, percentile, round } from '../figures';

export interface Change {
  call: string;
  input: unknown;
  /** The element that shows the change, and the text it must come to show. */
  selector: string;
  text: string;
}

/**
 * Sends one console action from inside the projector page and returns the ms until the page
 * shows it. Both ends are stamped with the page's own performance.now(), so there is one clock:
 * t0 just before fetch, t1 in the first animation frame after a DOM mutation made the expected
 * text appear (the frame that paints it). The path is the real one: HTTP call, change event on
 * the event stream, screen.get refetch, React render.
 */
export function latency(page: Page, served: Served, change: Change): Promise<number> {
  return page.evaluate(
    async ({ call, input, selector, text, token }) => {
      const shown = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`5 秒内投屏没有显示“${text}”`)), 5_000);
        const observer = new MutationObserver(() => {
          if (document.querySelector(selector)?.textContent !== text) return;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => resolve(performance.now()));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const t0 = performance.now();
      const res = await fetch(`/api/${call}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bcsl-token': token },
        body: JSON.stringify(input),
      });
      const answer = (await res.json()) as { ok: boolean; error?: { message: string } };
      if (!answer.ok) throw new Error(`${call} 失败：${answer.error?.message}`);
      return (await shown) - t0;
    },
    { ...change, token: served.token },
  );
}

/** The projector in Chromium following 40 console actions: 20 messages, then 20 × 下一位. */
export const projectorArea: Area = {
  name: 'projector',
  async run(): Promise<Figure[]> {
    const served = await startServe({ demo: true });
    const browser = await launchBrowser().catch(async (e) => {
      await served.stop();
      throw e;
    });
    try {
      const people = await apiValue<{ id: number; name: string }[]>(served, 'person.list');
      const { id: meetingId } = await apiValue<{ id: number }>(served, 'meeting.create', {
        topicId: null,
        form: '冰城商量',
        title: '投屏延迟测试',
        startsAt: '2026-05-14T09:00',
        useTemplate: true,
      });
      const speakers = people.slice(0, 24);
      for (const p of speakers) await apiValue(served, 'queue.add', { meetingId, personId: p.id, kind: '预约发言' });
      await apiValue(served, 'screen.set', { meetingId, mode: 'message', message: '准备' });

      const { page } = await openAppIn(browser, served, '/projector');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.waitForSelector('[data-mode="message"]');

      const message = (i: number): Change => ({
        call: 'screen.set',
        input: { mode: 'message', message: `第 ${i} 条提示语` },
        selector: '[data-testid="projector-message"]',
        text: `第 ${i} 条提示语`,
      });
      const next = (i: number): Change => ({
        call: 'queue.next',
        input: { meetingId },
        selector: '[data-testid="projector-speaker"]',
        text: speakers[i].name,
      });

      const samples: number[] = [];
      // Three untimed rounds warm up the page and the server.
      for (let i = 0; i < 23; i++) {
        const ms = await latency(page, served, message(i));
        if (i >= 3) samples.push(ms);
      }
      await apiValue(served, 'screen.set', { mode: 'speaker' });
      await page.waitForSelector('[data-mode="speaker"]');
      for (let i = 0; i < 20; i++) samples.push(await latency(page, served, next(i)));

      return [
        {
          key: 'projector.latency_median_ms',
          label: '控制台操作到投屏显示（40 次），中位数',
          value: round(median(samples)),
          unit: 'ms',
          bar: { max: 100 },
        },
        {
          key: 'projector.latency_p95_ms',
          label: '控制台操作到投屏显示（40 次），p95',
          value: round(percentile(samples, 95)),
          unit: 'ms',
          bar: { max: 100 },
        },
      ];
    } finally {
      await browser.close();
      await served.stop();
    }
  },
};
