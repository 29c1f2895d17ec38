import { devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanStatus } from '../../shared/contract/lan';
import type { MinutesState } from '../../shared/contract/minutes';
import type { ResolutionList } from '../../shared/contract/resolutions';
import { readMinutesDoc } from '../../shared/domain/minutesDoc';
import { heldMeeting } from '../support/meetingScenario';
import { allowed } from '../support/verdict';
import { axeViolations } from './support/axe';
import {
  apiValue,
  launchBrowser,
  openAppIn,
  screenPath,
  servedHost,
  startServe,
  visible,
  type Served,
} from './support/serve';

/**
 * The meeting room on five devices at once, over 会场互联 on a loopback stand-in (127.0.0.2) for
 * the laptop's network: the secretary's console, the chair's tablet, a second recorder, two
 * members' phones. Each pairs by its QR code's address, as a camera would open it.
 */
let served: Served;
let browser: Browser;
let meetingId = 0;
let secretary: Page;
const contexts: BrowserContext[] = [];

const editorOf = (page: Page) => page.getByRole('textbox', { name: '会议记录' });
const storedMinutes = async () => {
  const s = await apiValue<MinutesState>(served, 'minutes.get', { meetingId });
  return s.doc ? allowed(readMinutesDoc(s.doc)).plain : '';
};

const scanned = new Set<string>();
/**
 * The address in the console's QR code for a role (what a camera would open). A spent code is
 * replaced once the console hears of the pairing, so a second phone waits for the fresh one.
 */
async function joinUrl(role: string): Promise<string> {
  await secretary.getByRole('radio', { name: role }).click();
  const qr = secretary.locator('.lan-qr [data-qr]');
  await expect.poll(async () => scanned.has((await qr.getAttribute('data-qr')) ?? '')).toBe(false);
  const url = (await qr.getAttribute('data-qr'))!;
  scanned.add(url);
  return url;
}

/** A device opening its QR code's address and joining. */
async function join(url: string, options: Parameters<Browser['newContext']>[0], name?: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  if (name) await page.getByLabel('本设备的名称（可不填）').fill(name);
  await page.getByRole('button', { name: '加入' }).click();
  // Paired: the join form gives way to the role's page (a refused code would leave it, with its alert).
  await page.getByRole('button', { name: '加入' }).waitFor({ state: 'detached' });
  return page;
}

beforeAll(async () => {
  served = await startServe({ demo: true });
  browser = await launchBrowser();
  meetingId = (
    await heldMeeting(servedHost(served), { speeches: 2, minutesChars: 300, resolutions: 0, confirm: false })
  ).meetingId;
  await apiValue(served, 'meeting.setStatus', { id: meetingId, status: '进行中' });
  ({ page: secretary } = await openAppIn(browser, served, `/meetings/${meetingId}`));
  await secretary.setViewportSize({ width: 1366, height: 768 });
  await secretary.getByRole('tab', { name: '会议控制台' }).click();
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('会场互联: five devices in one meeting', () => {
  it('pairs, signs in, asks, accepts, co-edits, hands in an opinion, and ends every token', async () => {
    // Off until the secretary turns it on: nothing listens on the room's address.
    expect((await apiValue<LanStatus>(served, 'lan.status', {})).on).toBe(false);
    await secretary.getByRole('button', { name: '开启会场互联' }).click();
    await visible(secretary.getByTestId('lan-address'));
    const status = await apiValue<LanStatus>(served, 'lan.status', {});
    expect(status.addresses).toEqual(['127.0.0.2']);
    // No secretary token in any QR code.
    for (const j of status.joins) expect(j.url).not.toContain(served.token);

    const phone = { ...devices['Pixel 5'] };
    const chair = await join(
      await joinUrl('主持人'),
      { viewport: { width: 1024, height: 768 }, hasTouch: true },
      '主持人的平板',
    );
    const recorder = await join(await joinUrl('记录员'), { viewport: { width: 1280, height: 800 } }, '记录员的电脑');
    const phoneA = await join(await joinUrl('参会者'), phone, '甲的手机');
    const phoneB = await join(await joinUrl('参会者'), phone);

    // Two members sign in under their own names.
    const participants = (
      await apiValue<{ participants: { id: number; name: string }[] }>(served, 'meeting.get', { id: meetingId })
    ).participants;
    const [a, b] = participants;
    for (const [page, who] of [
      [phoneA, a],
      [phoneB, b],
    ] as const) {
      await page.getByRole('textbox', { name: '输入姓名查找' }).fill(who.name);
      await page.getByRole('button', { name: new RegExp(`我是${who.name}，签到`) }).click();
      await visible(page.getByText(new RegExp(`${who.name}，您已于`)));
    }
    await phoneA.screenshot({ path: screenPath('room-phone'), fullPage: true });
    expect(await axeViolations(phoneA)).toEqual([]);

    // One asks to speak; the chair accepts; the queue shows it everywhere.
    await phoneA.getByLabel('一句话主题（可不填）').fill('路灯维修');
    await phoneA.getByRole('button', { name: '提交申请' }).click();
    await visible(phoneA.getByText(/等待主持人处理/));
    await visible(secretary.getByTestId('console-request').filter({ hasText: a.name }));
    const request = chair.getByTestId('speak-request').filter({ hasText: a.name });
    await visible(request);
    await chair.screenshot({ path: screenPath('room-chair') });
    await request.getByRole('button', { name: '安排发言' }).click();
    await visible(phoneA.getByText(/已安排进发言队列/));
    await visible(secretary.locator('.queue-row', { hasText: a.name }).filter({ hasText: '即席发言' }));
    await visible(chair.locator('.room-waiting', { hasText: a.name }));
    await expect.poll(() => phoneA.getByTestId('my-place').textContent()).toMatch(/您前面还有 \d+ 位/);

    // The second recorder and the secretary type in the same minutes; each sees both.
    await editorOf(recorder).click();
    await recorder.keyboard.press('Control+End');
    await recorder.keyboard.press('Enter');
    await recorder.keyboard.insertText('记录员补记：群众关心报修电话。');
    await editorOf(secretary).click();
    await secretary.keyboard.press('Control+End');
    await secretary.keyboard.press('Enter');
    await secretary.keyboard.insertText('秘书记录：街道负责汇总。');
    for (const page of [secretary, recorder]) {
      await expect.poll(() => editorOf(page).textContent()).toContain('记录员补记：群众关心报修电话。');
      await expect.poll(() => editorOf(page).textContent()).toContain('秘书记录：街道负责汇总。');
    }
    // The chair reads the minutes and cannot change them.
    await expect.poll(() => editorOf(chair).textContent()).toContain('记录员补记');
    expect(await editorOf(chair).getAttribute('contenteditable')).toBe('false');

    // A phone hands in a written opinion: it lands beside the marks, and the secretary takes it into a resolution.
    const opinion = '建议在无灯街路增设太阳能路灯，并公布报修电话。';
    await phoneB.getByRole('textbox', { name: '书面意见' }).fill(opinion);
    await phoneB.getByRole('button', { name: '提交书面意见' }).click();
    await visible(phoneB.getByText('书面意见已提交，谢谢'));
    await visible(secretary.locator('.marks-panel', { hasText: opinion }));
    await expect.poll(storedMinutes).toContain(opinion);
    await secretary.getByRole('tab', { name: '协商意见与文件' }).click();
    const untaken = secretary.locator('.untaken-list li', { hasText: opinion });
    await visible(untaken);
    await expect(untaken.textContent()).resolves.toContain(b.name);
    await untaken.getByRole('button', { name: '转为协商意见' }).click();
    await expect
      .poll(async () =>
        (await apiValue<ResolutionList>(served, 'resolution.list', { meetingId })).items.map((r) => r.text),
      )
      .toContainEqual(expect.stringContaining('太阳能路灯'));

    // 扫码加入 on the projector: the room PC's screen shows the members' code, and a third phone joins with it.
    await secretary.getByRole('tab', { name: '会议控制台' }).click();
    const projector = await join(await joinUrl('投屏'), { viewport: { width: 1920, height: 1080 } }, '会场投影电脑');
    await secretary.getByRole('radio', { name: /扫码加入/ }).click();
    const shown = projector.getByTestId('projector-join').locator('[data-qr]');
    await visible(shown);
    await projector.screenshot({ path: screenPath('room-projector-join') });
    const projected = (await shown.getAttribute('data-qr'))!;
    const phoneC = await join(projected, phone);
    await visible(phoneC.getByText('请选择您的名字签到'));
    // Spent: the projector shows a new code.
    await expect.poll(() => shown.getAttribute('data-qr')).not.toBe(projected);

    // The secretary removes a phone: its next call is refused and it says so.
    const devicesList = secretary.getByTestId('lan-device');
    await expect.poll(() => devicesList.count()).toBe(6);
    await secretary.locator('.lan-card').scrollIntoViewIfNeeded();
    await secretary.screenshot({ path: screenPath('room-console-devices') });
    await devicesList.filter({ hasText: '甲的手机' }).getByRole('button', { name: '移除' }).click();
    await expect.poll(() => devicesList.count()).toBe(5);
    await phoneA.reload();
    await visible(phoneA.getByText(/本设备已被移出会场互联/));

    // 会场互联 off: every device's token is refused.
    await secretary.locator('.lan-card').getByRole('button', { name: '关闭' }).click();
    await secretary.getByRole('alertdialog').getByRole('button', { name: '关闭' }).click();
    await visible(secretary.getByRole('button', { name: '开启会场互联' }));
    for (const page of [chair, recorder, phoneB]) {
      const answer = await page.evaluate(async () => {
        const token = localStorage.getItem('bcsl.device') ?? '';
        try {
          const res = await fetch('/api/device.me', {
            method: 'POST',
            headers: { 'x-bcsl-device': token },
            body: '{}',
          });
          return res.status;
        } catch {
          return 'unreachable';
        }
      });
      expect(answer).toBe('unreachable');
    }
  });
});
