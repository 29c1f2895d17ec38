import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMinutesDoc } from '../../shared/domain/minutesDoc';
import { heldMeeting } from '../support/meetingScenario';
import { axeViolations } from './support/axe';
import {
  apiValue,
  hidden,
  launchBrowser,
  openAppIn,
  screenPath,
  servedHost,
  startServe,
  visible,
  type Served,
} from './support/serve';

/**
 * 会议包 through the UI, between two served installations with their own data folders: the
 * meeting-room laptop A, where a meeting is held, and the office archive B, with a meeting of its
 * own and the same demo directory (the same names, other identities). Exported from A's meetings
 * list, downloaded by the browser; uploaded on B's 导入会议包 page, previewed, imported.
 */
let browser: Browser;
let a: Served;
let b: Served;
let stick: string;
let file: string;
let meetingA: number;
let ownB: number;
const TITLE = '会场笔记本上的会议：江畔步道照明';

interface Meeting {
  id: number;
  title: string;
}
interface QueueEntry {
  name: string;
  kind: string;
  state: string;
  intervals: { from: string; to: string | null }[];
}
interface Person {
  id: number;
  name: string;
}

/** A meeting as the app shows it, local ids left out. */
async function shown(on: Served, id: number) {
  const meeting = await apiValue<{
    title: string;
    status: string;
    startsAt: string;
    participants: { name: string; role: string; attendance: string }[];
    agenda: { title: string }[];
  }>(on, 'meeting.get', { id });
  const queue = await apiValue<{ entries: QueueEntry[] }>(on, 'queue.get', { meetingId: id });
  const minutes = await apiValue<{ doc: string | null }>(on, 'minutes.get', { meetingId: id });
  const read = readMinutesDoc(minutes.doc ?? '');
  const resolutions = await apiValue<{ items: { text: string; deadline: string | null }[]; confirmed: unknown }>(
    on,
    'resolution.list',
    { meetingId: id },
  );
  return {
    title: meeting.title,
    status: meeting.status,
    startsAt: meeting.startsAt,
    participants: meeting.participants.map((p) => [p.name, p.role, p.attendance]).sort(),
    agenda: meeting.agenda.map((i) => i.title),
    speeches: queue.entries.map((s) => [s.name, s.kind, s.state, s.intervals.map((i) => [i.from, i.to])]),
    minutes: read.ok ? read.value.plain : '',
    resolutions: resolutions.items.map((r) => [r.text, r.deadline]),
    confirmed: !!resolutions.confirmed,
  };
}

const followUp = async (on: Served) =>
  (await apiValue<{ items: { meetingTitle: string; text: string; state: string }[] }>(on, 'followup.list', {})).items
    .filter((i) => i.meetingTitle === TITLE)
    .map((i) => [i.text, i.state]);

const meetingOnB = async () => (await apiValue<Meeting[]>(b, 'meeting.list', {})).find((m) => m.title === TITLE);

/** Everything of B the tests compare before and after. */
const stateOfB = async () => ({
  meetings: (await apiValue<Meeting[]>(b, 'meeting.list', {})).map((m) => m.title).sort(),
  people: (await apiValue<Person[]>(b, 'person.list', {})).map((p) => `${p.id}:${p.name}`).sort(),
  own: await shown(b, ownB),
  imported: (await meetingOnB()) ? await shown(b, (await meetingOnB())!.id) : null,
});

/** The import page at the laptop's size, a package chosen through the browser's own file chooser. */
async function openImport(page: Page, path: string, button = '选择会议包文件…') {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(path);
}

beforeAll(async () => {
  browser = await launchBrowser();
  [a, b] = await Promise.all([startServe({ demo: true }), startServe({ demo: true })]);
  meetingA = (await heldMeeting(servedHost(a), { title: TITLE, speeches: 5, resolutions: 2, minutesChars: 3000 }))
    .meetingId;
  ownB = (
    await heldMeeting(servedHost(b), {
      title: '档案室自己的会议：冰雪季公交',
      speeches: 3,
      resolutions: 1,
      minutesChars: 2000,
      startsAt: '2026-04-09T09:00',
    })
  ).meetingId;
  stick = await mkdtemp(join(tmpdir(), 'bcsl-e2e-package-'));
  file = join(stick, '江畔步道照明.db');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  if (stick) await rm(stick, { recursive: true, force: true });
});

describe('会议包 from the meeting-room laptop to the office archive', () => {
  it('exports a meeting from the meetings list with the keyboard, the browser downloading the package', async () => {
    const { context, page } = await openAppIn(browser, a, '/meetings');
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      const open = page.getByRole('button', { name: '导出会议包…' });
      await open.focus();
      await page.keyboard.press('Enter');
      const drawer = page.getByRole('dialog', { name: '导出会议包' });
      await visible(drawer);
      // Esc closes it; Enter opens it again.
      await page.keyboard.press('Escape');
      await hidden(drawer);
      await open.focus();
      await page.keyboard.press('Enter');
      await visible(drawer);
      const go = drawer.getByRole('button', { name: /^导出/ });
      expect(await go.isDisabled()).toBe(true);
      await drawer.getByRole('checkbox', { name: new RegExp(TITLE) }).focus();
      await page.keyboard.press('Space');
      await visible(drawer.getByText('已选择 1 次会议'));
      expect(await axeViolations(page, { include: '.drawer' })).toEqual([]);
      await page.screenshot({ path: screenPath('package-export') });

      const downloading = page.waitForEvent('download');
      await drawer.getByRole('button', { name: '导出 1 次会议' }).focus();
      await page.keyboard.press('Enter');
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^会议包-.*-1场\.db$/);
      await download.saveAs(file);
      await visible(page.getByText(/已导出 1 次会议（\d+ KB）.*浏览器正在下载/));
      await hidden(drawer);
      const inFolder = join(a.dataDir, 'packages', download.suggestedFilename());
      expect(readFileSync(file).equals(readFileSync(inFolder))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('imports it on B: source, the meeting as new, a choice for a name match, then the meeting complete', async () => {
    const before = await stateOfB();
    const { context, page } = await openAppIn(browser, b, '/packages/import');
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await visible(page.getByRole('heading', { name: '还没有选择会议包' }));
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: screenPath('package-import-empty') });

      await openImport(page, file);
      const meetings = page.getByRole('table', { name: '包中的会议' });
      await visible(meetings.getByText(TITLE));
      expect(await meetings.innerText()).toContain('新会议');
      expect(await page.getByRole('region', { name: '来源' }).innerText()).toContain('政协哈尔滨市委员会');

      // Every name match defaults to the one found here; one of them the secretary adds as a new person.
      const choices = page.getByRole('table', { name: '人员对应' }).getByRole('combobox');
      expect(await choices.count()).toBeGreaterThan(3);
      const choice = choices.first();
      expect(await choice.locator('option:checked').innerText()).toMatch(/^合并到已有人员：.*（编号 \d+）$/);
      const added = (await choice.getAttribute('aria-label'))!.replace(/的处理$/, '');
      await choice.selectOption({ label: '作为新人员添加' });
      await visible(page.getByText(/^将新增：人员 1、会议 1、/));
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: screenPath('package-preview') });

      await page.getByRole('button', { name: '导入…' }).click();
      const confirm = page.getByRole('dialog', { name: '导入会议包' });
      await visible(confirm);
      expect(await confirm.innerText()).toContain('导入在一个事务中完成');
      expect(await confirm.innerText()).toContain('同一个会议包再导入一次不会改变任何内容');
      expect(await axeViolations(page, { include: '.drawer' })).toEqual([]);
      await page.screenshot({ path: screenPath('package-confirm') });
      await confirm.getByRole('button', { name: '确认导入' }).focus();
      await page.keyboard.press('Enter');
      const result = page.getByRole('status', { name: '导入完成' });
      await visible(result);
      expect(await result.innerText()).toMatch(/新增：.*会议 1/);
      expect(await result.innerText()).toContain('已新增');
      await page.screenshot({ path: screenPath('package-result') });

      // The meeting complete on B; B's own meeting and directory as they were, one person more.
      const imported = (await meetingOnB())!;
      expect(await shown(b, imported.id)).toEqual(await shown(a, meetingA));
      expect(await followUp(b)).toEqual(await followUp(a));
      const after = await stateOfB();
      expect(after.own).toEqual(before.own);
      expect(after.meetings).toEqual([...before.meetings, TITLE].sort());
      const people = await apiValue<Person[]>(b, 'person.list', {});
      expect(people.filter((p) => p.name === added)).toHaveLength(2);
      expect(before.people.every((p) => after.people.includes(p))).toBe(true);

      // From the result to the meeting: 来自 the laptop, on the day it was exported.
      await result.getByRole('link', { name: TITLE }).click();
      await visible(page.getByRole('heading', { name: TITLE }));
      await page.getByRole('tab', { name: '会议信息' }).click();
      const origin = await apiValue<{ installation: string }>(b, 'package.origin', { meetingId: imported.id });
      await visible(page.getByText(new RegExp(`来自：${origin.installation}，\\d{4}/`)));
      await page.screenshot({ path: screenPath('package-origin') });
      // And from its own page the meeting goes on in a package of its own (the archive's follow-up carried back).
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出会议包' }).click();
      expect((await downloading).suggestedFilename()).toMatch(/^会议包-.*-1场\.db$/);
      await visible(page.getByText(/已导出 1 次会议/));
    } finally {
      await context.close();
    }
  });

  it('previews the same file again as 已有，相同, and importing it changes nothing', async () => {
    const before = await stateOfB();
    const { context, page } = await openAppIn(browser, b, '/packages/import');
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await openImport(page, file);
      const meetings = page.getByRole('table', { name: '包中的会议' });
      await visible(meetings.getByText('已有，相同'));
      await visible(page.getByText('本机已有这个会议包的全部内容，导入不会改变任何内容。'));
      await page.screenshot({ path: screenPath('package-again') });
      await page.getByRole('button', { name: '导入…' }).click();
      await page.getByRole('dialog', { name: '导入会议包' }).getByRole('button', { name: '确认导入' }).click();
      const result = page.getByRole('status', { name: '导入完成' });
      await visible(result);
      expect(await result.innerText()).toContain('没有改变任何内容');
      expect(await stateOfB()).toEqual(before);
    } finally {
      await context.close();
    }
  });

  it('brings the meeting up to date from a newer package: 已有，有更新 says what differs', async () => {
    // On the laptop the follow-up starts after the first package went: a second package carries it.
    const resolution = (await apiValue<{ items: { id: number }[] }>(a, 'resolution.list', { meetingId: meetingA }))
      .items[0];
    await apiValue(a, 'followup.act', {
      resolutionId: resolution.id,
      action: '交办',
      date: '2026-06-02',
      by: '政协办公厅',
      note: '',
    });
    const newer = await apiValue<{ name: string }>(a, 'package.export', { meetingIds: [meetingA] });
    const { context, page } = await openAppIn(browser, b, '/packages/import');
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await openImport(page, join(a.dataDir, 'packages', newer.name));
      const meetings = page.getByRole('table', { name: '包中的会议' });
      await visible(meetings.getByText('已有，有更新'));
      expect(await meetings.innerText()).toMatch(/将更新：.*督办记录/);
      await page.screenshot({ path: screenPath('package-differs') });
      await page.getByRole('button', { name: '导入…' }).click();
      await page.getByRole('dialog', { name: '导入会议包' }).getByRole('button', { name: '确认导入' }).click();
      await visible(page.getByRole('status', { name: '导入完成' }).getByText('已更新'));
      expect(await followUp(b)).toEqual(await followUp(a));
      expect(await shown(b, (await meetingOnB())!.id)).toEqual(await shown(a, meetingA));
    } finally {
      await context.close();
    }
  });

  it('refuses a package changed after export, showing why and offering no import', async () => {
    const bytes = readFileSync(file);
    const text = Buffer.from('江畔步道照明');
    const at = bytes.indexOf(text, bytes.indexOf(text) + 1);
    expect(at).toBeGreaterThan(0);
    Buffer.from('江畔步道灯光').copy(bytes, at); // bytes flipped in the middle of the file
    const tampered = join(stick, '改动过的会议包.db');
    writeFileSync(tampered, bytes);
    const before = await stateOfB();
    const { context, page } = await openAppIn(browser, b, '/packages/import');
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await openImport(page, tampered);
      const refusal = page.getByRole('alert').filter({ hasText: '“改动过的会议包.db”不能导入' });
      await visible(refusal);
      expect(await refusal.innerText()).toMatch(/校验值/);
      expect(await page.getByRole('button', { name: '导入…' }).count()).toBe(0);
      await page.screenshot({ path: screenPath('package-tampered') });
      expect(await stateOfB()).toEqual(before);
    } finally {
      await context.close();
    }
  });

  it('asks for an explicit confirmation before a package of another organisation', async () => {
    const settings = await apiValue<{ orgName: string }>(a, 'settings.get', {});
    await apiValue(a, 'settings.save', { orgName: '政协道里区委员会' });
    const made = await apiValue<{ name: string }>(a, 'package.export', { meetingIds: [meetingA] });
    await apiValue(a, 'settings.save', { orgName: settings.orgName });
    const { context, page } = await openAppIn(browser, b, '/packages/import');
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await openImport(page, join(a.dataDir, 'packages', made.name));
      await visible(page.getByText('这个会议包来自“政协道里区委员会”，不是本组织的。'));
      const go = page.getByRole('button', { name: '导入…' });
      expect(await go.isDisabled()).toBe(true);
      await page.getByRole('checkbox', { name: '我已确认，仍要导入其他组织的会议包' }).check();
      expect(await go.isEnabled()).toBe(true);
      await page.screenshot({ path: screenPath('package-other-organisation'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
