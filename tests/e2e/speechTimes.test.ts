import { beforeAll, describe, expect, it } from 'vitest';
import type { Speech } from '../../shared/contract/meetings';
import { todayIso } from '../../renderer/src/lib/dates';
import { axeViolations } from './support/axe';
import { apiValue, hidden, visible } from './support/serve';
import { withServedApp } from './support/servedApp';

/**
 * 更正时间 under the secretary's keyboard at 1366×768: a speech's real times entered afterwards
 * (a pause makes two runs), the row showing them at once; a refusal is shown in the dialog and
 * changes nothing.
 */

let meetingId = 0;

const app = withServedApp({
  demo: true,
  hash: async (served) => {
    const ids: Record<string, number> = {};
    for (const p of await apiValue<{ id: number; name: string }[]>(served, 'person.list')) ids[p.name] = p.id;
    meetingId = (
      await apiValue<{ id: number }>(served, 'meeting.create', {
        topicId: null,
        form: '冰城商量',
        title: '老旧小区加装电梯协商',
        startsAt: `${todayIso()}T14:30`,
        useTemplate: true,
      })
    ).id;
    for (const name of ['林静', '谢婷'])
      await apiValue(served, 'queue.add', { meetingId, personId: ids[name], kind: '预约发言' });
    // 林静 spoke on the floor (for no time at all): the secretary corrects it afterwards.
    const { entries } = await apiValue<{ entries: Speech[] }>(served, 'queue.get', { meetingId });
    await apiValue(served, 'queue.start', { id: entries[0].id });
    await apiValue(served, 'queue.end', { id: entries[0].id });
    return `/meetings/${meetingId}`;
  },
});

const entry = async (name: string) =>
  (await apiValue<{ entries: Speech[] }>(app.served, 'queue.get', { meetingId })).entries.find((e) => e.name === name)!;
const dialog = () => app.page.getByRole('dialog', { name: /^更正时间/ });
const finishedRow = (name: string) =>
  app.page.getByRole('list', { name: '已发言和撤回' }).locator('li', { hasText: name });
const header = (speechId: number) =>
  app.page.locator(`.minutes-content .speaker-header-text[data-speech="${speechId}"]`);
const seconds = (e: Speech) => e.intervals.reduce((t, i) => t + (Date.parse(i.to!) - Date.parse(i.from)) / 1000, 0);
/** Replaces what an input holds by typing, as a keyboard user does. */
const typeOver = async (text: string) => {
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.type(text);
};

beforeAll(async () => {
  await app.page.setViewportSize({ width: 1366, height: 768 });
  await app.page.getByRole('tab', { name: '会议控制台' }).click();
  await visible(app.page.getByRole('list', { name: '发言顺序' }));
});

describe('更正时间', () => {
  it('on a spoken speech: 14:52–15:00 from the keyboard, Enter saves, the row shows the time and the duration', async () => {
    // The finished speakers are folded away: open them from the keyboard.
    await app.page.locator('.queue-finished summary').focus();
    await app.page.keyboard.press('Enter');
    const row = finishedRow('林静');
    await visible(row);
    await row.getByRole('button', { name: '更正时间' }).focus();
    await app.page.keyboard.press('Enter');
    await visible(dialog());
    // The dialog opens on the first start, filled with the times recorded on the floor.
    const first = dialog().getByRole('group', { name: '第 1 段' });
    expect(await first.getByLabel('开始').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await first.getByLabel('开始').inputValue()).toMatch(/^\d{2}:\d{2}$/);
    await typeOver('14:52');
    await app.page.keyboard.press('Tab');
    expect(await first.getByLabel('结束').evaluate((el) => el === document.activeElement)).toBe(true);
    await typeOver('15:00');
    await app.page.screenshot({ path: '/tmp/times-dialog.png' });
    await app.page.keyboard.press('Enter');
    await hidden(dialog());
    await visible(row.getByText('14:52–15:00'));
    await visible(row.getByText('08:00'));
    const lin = await entry('林静');
    expect([lin.state, lin.intervals.length, seconds(lin)]).toEqual(['已发言', 1, 480]);
    // The minutes beside the queue follow: her header shows the corrected start.
    await visible(header(lin.id).locator('time', { hasText: '14:52' }));
    // The focus is back on the row's button: the secretary goes on where they were.
    expect(await row.getByRole('button', { name: '更正时间' }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
  });

  it('an end before its start shows the core’s Chinese refusal in the dialog, and Esc leaves the speech unchanged', async () => {
    const before = await entry('林静');
    const row = finishedRow('林静');
    await row.getByRole('button', { name: '更正时间' }).focus();
    await app.page.keyboard.press(' ');
    await visible(dialog());
    await typeOver('15:10');
    await app.page.keyboard.press('Tab');
    await typeOver('15:00');
    await app.page.keyboard.press('Enter');
    await visible(dialog().getByRole('alert').filter({ hasText: '第 1 段的结束时间必须晚于开始时间' }));
    await app.page.keyboard.press('Escape');
    await hidden(dialog());
    expect(await entry('林静')).toEqual(before);
    await visible(row.getByText('14:52–15:00'));
  });

  it('a waiting speech recorded afterwards in two runs (添加一段), and a run over another speaker refused by name', async () => {
    const row = app.page.getByRole('list', { name: '发言顺序' }).locator('li', { hasText: '谢婷' });
    await row.getByRole('button', { name: '更正时间' }).focus();
    await app.page.keyboard.press('Enter');
    await visible(dialog());
    // Over 林静's 14:52–15:00: refused, naming her.
    await app.page.keyboard.type('1455');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.type('15：05');
    await app.page.keyboard.press('Enter');
    await visible(dialog().getByRole('alert').filter({ hasText: '与林静的发言（14:52–15:00）时间重叠' }));
    expect((await entry('谢婷')).state).toBe('等待');
    await app.page.keyboard.press('Shift+Tab');
    await typeOver('15:02');
    // The refusal answered the times as they were: it goes once they change.
    await hidden(dialog().getByRole('alert'));
    await app.page.keyboard.press('Tab');
    await typeOver('15:05');
    // Tab on to 添加一段; Space adds a run and puts the caret in its start.
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press(' ');
    const second = dialog().getByRole('group', { name: '第 2 段' });
    await visible(second);
    expect(await second.getByLabel('开始').evaluate((el) => el === document.activeElement)).toBe(true);
    await app.page.keyboard.type('15:06');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.type('15:09');
    // A third run added by mistake goes again from the keyboard: 删除第 3 段, the caret back in the second.
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press(' ');
    await visible(dialog().getByRole('group', { name: '第 3 段' }));
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Tab');
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('删除第 3 段');
    await app.page.keyboard.press(' ');
    await hidden(dialog().getByRole('group', { name: '第 3 段' }));
    expect(await second.getByLabel('开始').evaluate((el) => el === document.activeElement)).toBe(true);
    await app.page.screenshot({ path: '/tmp/times-dialog-two.png' });
    expect(await axeViolations(app.page)).toEqual([]);
    await app.page.keyboard.press('Enter');
    await hidden(dialog());
    const xie = await entry('谢婷');
    expect([xie.state, xie.intervals.length, seconds(xie)]).toEqual(['已发言', 2, 360]);
    const done = finishedRow('谢婷');
    await visible(done.getByText('15:02–15:09'));
    await visible(done.getByText('06:00'));
    // Recorded afterwards, she gets a header of her own, after 林静's (who spoke first).
    await visible(header(xie.id).locator('time', { hasText: '15:02' }));
    const order = await app.page
      .locator('.minutes-content .speaker-header-text')
      .evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.speech)));
    expect(order).toEqual([(await entry('林静')).id, xie.id]);
  });
});
