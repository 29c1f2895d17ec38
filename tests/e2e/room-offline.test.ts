import { devices, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanStatus } from '../../shared/contract/lan';
import type { Queue } from '../../shared/contract/meetings';
import { heldMeeting } from '../support/meetingScenario';
import { apiValue, hidden, launchBrowser, servedHost, startServe, visible, type Served } from './support/serve';

/**
 * A member's phone on the room's flaky Wi-Fi: it says when the laptop cannot be reached, keeps
 * what it showed, and catches up by itself when the link is back.
 */
let served: Served;
let browser: Browser;
let meetingId = 0;

beforeAll(async () => {
  served = await startServe({ demo: true });
  browser = await launchBrowser();
  meetingId = (await heldMeeting(servedHost(served), { speeches: 3, minutesChars: 0, resolutions: 0, confirm: false }))
    .meetingId;
  await apiValue(served, 'meeting.setStatus', { id: meetingId, status: '进行中' });
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('a phone on a flaky Wi-Fi', () => {
  it('says the link is lost, and shows the queue as it is once the link is back', async () => {
    const status = await apiValue<LanStatus>(served, 'lan.start', { meetingId });
    const context = await browser.newContext({ ...devices['Pixel 5'], locale: 'zh-CN' });
    const phone = await context.newPage();
    await phone.goto(status.joins.find((j) => j.role === 'participant')!.url);
    await phone.getByRole('button', { name: '加入' }).click();
    const me = (
      await apiValue<{ participants: { id: number; name: string }[] }>(served, 'meeting.get', { id: meetingId })
    ).participants[0];
    await phone.getByRole('button', { name: new RegExp(`我是${me.name}，签到`) }).click();
    await visible(phone.getByText(/您已于/));
    const place = await phone.getByTestId('my-place').textContent();

    await context.setOffline(true);
    await visible(phone.getByText('与会议秘书的电脑失去连接，正在重新连接…'), 15_000);
    // Meanwhile the console puts this member at the head of the line.
    const queue = await apiValue<Queue>(served, 'queue.add', {
      meetingId,
      personId: await personOf(me.id),
      kind: '即席发言',
    });
    await apiValue(served, 'queue.moveToTop', { id: queue.entries.at(-1)!.id });
    // What the phone showed stays on it.
    expect(await phone.getByTestId('my-place').textContent()).toBe(place);

    await context.setOffline(false);
    await hidden(phone.getByText('与会议秘书的电脑失去连接，正在重新连接…'), 15_000);
    await expect
      .poll(() => phone.getByTestId('my-place').textContent(), { timeout: 15_000 })
      .toBe('下一位就是您，请准备');
  });
});

async function personOf(participantId: number): Promise<number> {
  const m = await apiValue<{ participants: { id: number; personId: number }[] }>(served, 'meeting.get', {
    id: meetingId,
  });
  return m.participants.find((p) => p.id === participantId)!.personId;
}
