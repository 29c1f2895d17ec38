import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { apiValue, screenPath, visible } from './support/serve';
import { withServedApp } from './support/servedApp';

/**
 * 补录已定题议题 in the browser, with the keyboard only: Tab to each control, type, Space/Enter,
 * Ctrl+Enter to save; the core's Chinese refusal shown in place; the history tagged 补录.
 */

interface Detail {
  id: number;
  step: number;
  status: string;
  events: { step: number; decision: string; body: string; backfilled: boolean }[];
}

const app = withServedApp({
  hash: async (served) => {
    const settings = await apiValue<Record<string, unknown>>(served, 'settings.get');
    await apiValue(served, 'settings.save', { ...settings, welcomeDismissed: true });
    await apiValue(served, 'unit.save', { kind: 'committee', name: '社会和法制委员会' });
    return '/topics';
  },
});

/** What the focused control is called: its field's label, else its own name or text. */
const focusedName = () =>
  app.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const field = el.closest('label')?.querySelector('.field-label')?.textContent;
    return (field ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  });

/** Presses Tab (Shift+Tab: backwards) until the focus reaches the control named so: it must be reachable by keyboard. */
async function tabTo(name: string, key = 'Tab', max = 80) {
  for (let i = 0; i < max; i++) {
    await app.page.keyboard.press(key);
    if ((await focusedName()).startsWith(name)) return;
  }
  throw new Error(`按 Tab 未能到达“${name}”（停在“${await focusedName()}”）`);
}

describe('补录已定题议题', () => {
  it('registers a topic with the steps decided on paper, keyboard only, and tags them 补录 in the history', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await visible(page.getByText('还没有议题'));
    await tabTo('补录已定题议题');
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: '补录已定题议题' });
    await visible(drawer);
    // The drawer puts the focus on its first field, the title.
    expect(await focusedName()).toMatch(/^议题标题/);
    await page.keyboard.type('松花江沿岸冬季步道照明');
    await tabTo('委员');
    await page.keyboard.press('Space');

    await tabTo('+ 添加下一步');
    await page.keyboard.press('Enter');
    // The new row takes the focus at its date.
    expect(await focusedName()).toMatch(/^决定日期/);
    await page.screenshot({ path: screenPath('topics-backfill-step2-1366x768') });
    await tabTo('承办专委会');
    await page.keyboard.press('ArrowDown');
    await tabTo('拟定题目');
    await page.keyboard.type('江畔步道夜间照明');

    await tabTo('+ 添加下一步');
    await page.keyboard.press('Enter');
    await tabTo('+ 添加下一步');
    await page.keyboard.press('Enter');
    await visible(drawer.locator('legend', { hasText: '第 4 步' }));
    // One step too many: the last row goes again.
    await tabTo('删除最后一步');
    await page.keyboard.press('Enter');
    expect(await drawer.locator('.backfill-step').count()).toBe(3);

    // Step 3 without its rank: the core refuses, naming the row and the step, and stores nothing.
    await page.keyboard.press('Control+Enter');
    await visible(drawer.getByRole('alert').filter({ hasText: '补录的第 3 条决定（第 3 步 办公室选题）' }));
    expect(await apiValue<unknown[]>(app.served, 'topic.list', {})).toEqual([]);

    // Back up from the buttons below the rows to the rank.
    await tabTo('排序', 'Shift+Tab');
    await page.keyboard.type('2');
    await page.screenshot({ path: screenPath('topics-backfill-1366x768') });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Control+Enter');

    // Saved: the wizard opens on the topic, at the step after the last one backfilled.
    await visible(page.locator('.stepper [aria-current="step"]', { hasText: '主席会议商题' }));
    expect(await page.locator('.timeline-item').count()).toBe(3);
    expect(await page.locator('.timeline-item .tag.backfilled', { hasText: '补录' }).count()).toBe(3);
    await page.screenshot({ path: screenPath('topics-backfill-history-1366x768') });
    const [listed] = await apiValue<{ id: number }[]>(app.served, 'topic.list', {});
    const stored = await apiValue<Detail>(app.served, 'topic.get', { id: listed.id });
    expect(stored).toMatchObject({ step: 4, status: '进行中' });
    expect(stored.events.map((e) => [e.step, e.decision, e.backfilled])).toEqual([
      [1, '通过', true],
      [2, '通过', true],
      [3, '通过', true],
    ]);
    // Step 2's body followed the committee chosen, as the wizard suggests it.
    expect(stored.events[1].body).toBe('社会和法制委员会');
  });
});
