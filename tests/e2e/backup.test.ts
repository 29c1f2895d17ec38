import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupFile } from '../../shared/contract/backup';
import {
  apiValue,
  launchBrowser,
  openAppIn,
  screenPath,
  startServe,
  visible,
  hidden,
  type Served,
} from './support/serve';

/** Backups from the app: back to an earlier state in three clicks, and a damaged file is not the end. */

/** `work` within `ms`, or a failure naming the step (Playwright bounds no download's saving). */
const within = <T>(ms: number, work: Promise<T>, step: string) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${step}：${ms} ms 内未完成`)), ms)),
  ]);
let browser: Browser;
const meeting = (title: string) => ({
  topicId: null,
  form: '冰城商量',
  title,
  startsAt: '2026-11-20T09:00',
  place: '市政协三楼协商议事厅',
  useTemplate: true,
});

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('backup and restore', () => {
  let served: Served;
  beforeAll(async () => {
    served = await startServe({ demo: true });
  });
  afterAll(async () => {
    await served?.stop();
  });

  it('makes a backup, then a change, then restores the earlier state in every window, keeping the later one', async () => {
    await apiValue(served, 'meeting.create', meeting('备份之前的会议'));
    const { context, page } = await openAppIn(browser, served, '/backup');
    try {
      await page.getByRole('button', { name: '立即备份' }).click();
      const rows = page.getByRole('table', { name: '备份列表' }).locator('tbody tr');
      const manual = rows.filter({ hasText: '手动备份' });
      await visible(manual);
      expect(await manual.innerText()).toContain('会议 1 次');

      // The change: a meeting set up after the backup, open in a second window.
      await apiValue(served, 'meeting.create', meeting('备份之后的会议'));
      const other = await context.newPage();
      await other.goto(`${served.url}#/meetings`);
      const list = other.getByRole('table', { name: '会议列表' });
      await visible(list.getByText('备份之后的会议'));
      await other.evaluate(() => ((window as unknown as { beforeRestore: boolean }).beforeRestore = true));

      await manual.getByRole('button', { name: /^恢复/ }).click();
      const dialog = page.getByRole('dialog', { name: '从备份恢复' });
      await visible(dialog);
      expect(await dialog.innerText()).toContain('恢复前，当前的数据文件会先完整保存一份');
      await page.screenshot({ path: screenPath('backup-restore') });
      await dialog.getByRole('button', { name: '确认恢复' }).click();

      // Both windows reload from the restored file: the later meeting is gone, the earlier one there.
      await hidden(list.getByText('备份之后的会议'), 10_000);
      await visible(other.getByRole('table', { name: '会议列表' }).getByText('备份之前的会议'));
      // Reloaded, not merely refreshed: nothing of the page from before the restore lives on.
      expect(
        await other.evaluate(() => (window as unknown as { beforeRestore?: boolean }).beforeRestore),
      ).toBeUndefined();
      await visible(rows.filter({ hasText: '恢复前的数据' }), 10_000);
      const kept = rows.filter({ hasText: '恢复前的数据' });
      expect(await kept.innerText()).toContain('会议 2 次'); // the later state, kept and restorable
      await page.screenshot({ path: screenPath('backup') });
      const meetings = await apiValue<{ title: string }[]>(served, 'meeting.list', {});
      expect(meetings.map((m) => m.title)).toEqual(['备份之前的会议']);
    } finally {
      await context.close();
    }
  });

  it('refuses a file that is not a backup, in Chinese, changing nothing', async () => {
    const notes = join(served.dataDir, '会议通知.db');
    writeFileSync(notes, '不是数据库');
    const { context, page } = await openAppIn(browser, served, '/backup');
    try {
      // The browser's own file chooser: the page uploads the file, it never names a path.
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '从其他文件恢复…' }).click();
      await (await chooser).setFiles(notes);
      // Read before anything is offered: no confirmation for a file that cannot be restored.
      await visible(page.getByText('“会议通知.db”不能用来恢复：不是冰城商量的数据文件'));
      expect(await page.getByRole('dialog', { name: '从备份恢复' }).count()).toBe(0);
      const meetings = await apiValue<{ title: string }[]>(served, 'meeting.list', {});
      expect(meetings.map((m) => m.title)).toEqual(['备份之前的会议']);
    } finally {
      await context.close();
    }
  });

  it('downloads a backup, and restores a colleague’s from a USB stick with the keyboard alone', async () => {
    await apiValue(served, 'meeting.create', meeting('同事电脑上的会议'));
    const made = await apiValue<BackupFile>(served, 'backup.create', {});
    const stick = await mkdtemp(join(tmpdir(), 'bcsl-e2e-stick-'));
    const { context, page } = await openAppIn(browser, served, '/backup');
    try {
      // 下载 on the row: the browser saves the file byte for byte.
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: `下载 ${made.name}` }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(made.name);
      const theirs = join(stick, '同事的备份.db');
      await within(20_000, download.saveAs(theirs), '浏览器保存下载的备份');
      expect(readFileSync(theirs).equals(readFileSync(made.path))).toBe(true);

      await apiValue(served, 'meeting.create', meeting('本机后来的会议'));
      const button = page.getByRole('button', { name: '从其他文件恢复…' });
      // The list refetches after the change above: Enter only once the button really holds the focus.
      await expect
        .poll(async () => {
          await button.focus();
          return button.evaluate((el) => el === document.activeElement);
        })
        .toBe(true);
      const chooser = page.waitForEvent('filechooser', { timeout: 20_000 });
      await button.press('Enter');
      await (await chooser).setFiles(theirs);
      const dialog = page.getByRole('dialog', { name: '从备份恢复' });
      await visible(dialog);
      expect(await dialog.innerText()).toContain('同事的备份.db');
      expect(await dialog.innerText()).toContain('会议 2 次');
      await page.screenshot({ path: screenPath('backup-upload-confirm') });
      await dialog.getByRole('button', { name: '确认恢复' }).focus();
      await page.keyboard.press('Enter');
      await visible(page.getByRole('heading', { name: '备份与恢复' }));
      await expect
        .poll(
          async () => (await apiValue<{ title: string }[]>(served, 'meeting.list', {})).map((m) => m.title).sort(),
          {
            timeout: 10_000,
          },
        )
        .toEqual(['同事电脑上的会议', '备份之前的会议'].sort());
    } finally {
      await context.close();
      await rm(stick, { recursive: true, force: true });
    }
  });
});

describe('a long restore', () => {
  let served: Served;
  beforeAll(async () => {
    served = await startServe({ demo: true, generate: 400 });
  }, 120_000);
  afterAll(async () => {
    await served?.stop();
  });

  it('shows how far it has come and is stopped with 取消恢复, changing nothing', async () => {
    const made = await apiValue<BackupFile>(served, 'backup.create', {});
    await apiValue(served, 'meeting.create', meeting('备份之后的会议'));
    const count = (await apiValue<unknown[]>(served, 'meeting.list', {})).length;
    const { context, page } = await openAppIn(browser, served, '/backup');
    try {
      await page.getByRole('button', { name: `恢复 ${made.name}` }).click();
      const dialog = page.getByRole('dialog', { name: '从备份恢复' });
      await dialog.getByRole('button', { name: '确认恢复' }).click();
      const status = dialog.getByRole('status');
      await visible(status);
      const cancel = dialog.getByRole('button', { name: '取消恢复' });
      // A step before the current data is touched: the copy, its check, the rebuild of the rows.
      await visible(status.getByText(/正在(复制备份文件|检查备份|重建数据)… \d+%/), 20_000);
      // From the keyboard, at once (the screenshot waits until after: the steps are quick).
      await cancel.press('Enter');
      await page.screenshot({ path: screenPath('backup-restore-progress') });
      await visible(dialog.getByText('已取消恢复。当前数据未受影响。'));
      // The drawer is the secretary's again: close it, the data as it was.
      await hidden(status);
      expect((await apiValue<unknown[]>(served, 'meeting.list', {})).length).toBe(count);
      const kinds = (await apiValue<{ backups: BackupFile[] }>(served, 'backup.list', {})).backups.map((b) => b.kind);
      expect(kinds).not.toContain('before-restore');
    } finally {
      await context.close();
    }
  });
});

describe('a damaged data file at start-up', () => {
  let dataDir: string;
  let served: Served | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bcsl-e2e-damaged-'));
  });
  afterAll(async () => {
    await served?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says so in Chinese, offers the newest backup, and restores it keeping the damaged file', async () => {
    const first = await startServe({ demo: true, dataDir });
    await apiValue(first, 'meeting.create', meeting('损坏之前的会议'));
    const backup = await apiValue<BackupFile>(first, 'backup.create', {});
    await first.stop();
    const dataFile = join(dataDir, 'bcsl.db');
    const bytes = readFileSync(dataFile);
    bytes.fill(0x41, 0, 4096); // the header overwritten, as a failing disk or a bad copy leaves it
    writeFileSync(dataFile, bytes);

    served = await startServe({ dataDir });
    const { context, page } = await openAppIn(browser, served, '/');
    try {
      await visible(page.getByRole('heading', { name: '数据文件无法打开' }));
      expect(await page.locator('.reason').innerText()).toContain('数据文件已损坏');
      const offer = page.getByLabel('最新的备份');
      expect(await offer.innerText()).toContain(backup.name);
      await page.screenshot({ path: screenPath('backup-recovery') });
      expect(readFileSync(dataFile).equals(bytes)).toBe(true); // nothing touched before the user chose
      // The audience's screen shows neither paths nor restore buttons.
      const projector = await context.newPage();
      await projector.goto(`${served.url}#/projector`);
      await visible(projector.getByLabel('投屏暂不可用'));
      expect(await projector.getByRole('button').count()).toBe(0);
      await projector.close();

      await offer.getByRole('button', { name: '恢复' }).click();
      const dialog = page.getByRole('dialog', { name: '从备份恢复' });
      expect(await dialog.innerText()).toContain('原样复制一份');
      await dialog.getByRole('button', { name: '确认恢复' }).click();
      await visible(page.getByRole('navigation', { name: '主导航' }), 10_000);
      await page.goto(`${served.origin}/#/meetings`);
      await visible(page.getByRole('table', { name: '会议列表' }).getByText('损坏之前的会议'));

      const damaged = readdirSync(join(dataDir, 'backups')).filter((n) => n.startsWith('损坏-'));
      expect(damaged).toHaveLength(1);
      expect(readFileSync(join(dataDir, 'backups', damaged[0])).equals(bytes)).toBe(true);
      expect(existsSync(backup.path)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
