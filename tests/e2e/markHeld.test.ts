import { describe, expect, it } from 'vitest';
import { apiValue, screenPath, visible } from './support/serve';
import { withServedApp } from './support/servedApp';

/** 补记为已召开 from the meeting console: past times typed, confirmed, shown in the status log. */

let meetingId = 0;
const app = withServedApp({
  hash: async (served) => {
    const settings = await apiValue<Record<string, unknown>>(served, 'settings.get');
    await apiValue(served, 'settings.save', { ...settings, welcomeDismissed: true });
    const m = await apiValue<{ id: number }>(served, 'meeting.create', {
      topicId: null,
      form: '冰城商量',
      title: '社区养老服务站建设',
      startsAt: '2026-05-14T09:00',
    });
    meetingId = m.id;
    return `/meetings/${meetingId}`;
  },
});

describe('补记为已召开', () => {
  it('marks a meeting in preparation held at past times, after a confirmation', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: '补记为已召开' }).click();
    const panel = page.getByRole('group', { name: '补记为已召开' });
    await page.getByLabel('实际开始').fill('2026-05-14T09:10');
    await page.getByLabel('实际结束').fill('2026-05-14T08:00');
    await panel.getByRole('button', { name: '补记', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '补记为已召开' }).click();
    await visible(page.getByRole('alert').filter({ hasText: '实际结束时间必须晚于开始时间' }));

    await page.getByLabel('实际结束').fill('2026-05-14T11:35');
    await page.screenshot({ path: screenPath('meeting-mark-held-panel-1366x768') });
    await panel.getByRole('button', { name: '补记', exact: true }).click();
    await visible(page.getByRole('alertdialog').getByText('2026-05-14 09:10 开始、2026-05-14 11:35 结束'));
    await page.screenshot({ path: screenPath('meeting-mark-held-1366x768') });
    await page.keyboard.press('Enter');
    await visible(page.getByRole('button', { name: '归档' }));
    const m = await apiValue<{ status: string; statusLog: { to: string; at: string }[] }>(app.served, 'meeting.get', {
      id: meetingId,
    });
    expect(m.status).toBe('已结束');
    expect(m.statusLog.map((l) => [l.to, l.at])).toEqual([
      ['进行中', new Date('2026-05-14T09:10:00').toISOString()],
      ['已结束', new Date('2026-05-14T11:35:00').toISOString()],
    ]);
  });
});
