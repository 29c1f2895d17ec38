import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerMessage } from '../../electron/core/workers/protocol';
import { workerScriptAt } from '../../electron/core/workers/workerScript';
import { rosterWithPhotos } from '../support/rosterWithPhotos';
import {
  api,
  apiValue,
  launchBrowser,
  openAppIn,
  projectRoot,
  screenPath,
  startServe,
  visible,
  type Served,
} from './support/serve';

/**
 * The import as it runs built: the directory's import dialog in Chromium against the serve mode
 * (warnings, a header-only file, an over-size file, a 413 the page can read), a 20 MB roster read
 * on the worker while other calls answer, and the worker entry bundled for the desktop app.
 */

let browser: Browser;
let served: Served;
let context: BrowserContext;
let page: Page;
let tmp: string;

beforeAll(async () => {
  browser = await launchBrowser();
  served = await startServe();
  tmp = await mkdtemp(join(tmpdir(), 'bcsl-e2e-import-'));
  ({ context, page } = await openAppIn(browser, served, '/directory/people'));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await served?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function xlsxFile(name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  rows.forEach((r) => ws.addRow(r));
  const file = join(tmp, name);
  await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function chooseFile(file: string) {
  const drawer = page.getByRole('dialog');
  if (!(await drawer.isVisible())) await page.getByRole('button', { name: '导入名单' }).first().click();
  await visible(drawer);
  await drawer.getByLabel('选择名单文件').setInputFiles(file);
  return drawer;
}

const names = async () => (await apiValue<{ name: string }[]>(served, 'person.list', {})).map((p) => p.name);

describe('导入名单（浏览器模式）', () => {
  it('公式的计算结果导入时在该行提示核对；没有计算结果的公式所在行不导入', async () => {
    const file = await xlsxFile('公式.xlsx', [
      ['姓名', '类别', '单位'],
      ['甲一', '专家学者', { formula: 'CONCATENATE("黑龙江","大学")', result: '黑龙江大学' }],
      ['乙二', '专家学者', { formula: 'VLOOKUP(A3,B:B,1,0)' } as ExcelJS.CellFormulaValue],
    ]);
    const drawer = await chooseFile(file);
    const report = drawer.getByLabel('导入结果');
    await visible(report, 30_000);
    expect(await report.innerText()).toContain('已导入 1 人（共 2 行）');
    const warnings = report.getByRole('table', { name: '已导入、请核对的行' });
    await visible(warnings);
    expect(await warnings.locator('tbody tr td').allInnerTexts()).toEqual([
      '2',
      '甲一',
      '“单位”是公式（=CONCATENATE("黑龙江","大学")），导入的是文件中保存的计算结果“黑龙江大学”，请核对',
    ]);
    const rejected = report.getByRole('table', { name: '未导入的行' });
    expect(await rejected.locator('tbody tr td').first().innerText()).toBe('3');
    expect(await rejected.innerText()).toContain('文件中没有保存它的计算结果');
    expect(await names()).toEqual(['甲一']);
    await report.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenPath('directory-import-warnings') });
  });

  it('只有列名的文件：提示“文件中没有数据行”，不说“所有行都已导入”', async () => {
    const drawer = await chooseFile(await xlsxFile('空表.xlsx', [['姓名', '类别', '单位']]));
    const alert = drawer.getByRole('alert');
    await visible(alert, 30_000);
    expect(await alert.innerText()).toBe('文件中没有数据行：第一行是列名，下面没有人员');
    expect(await drawer.innerText()).not.toContain('所有行都已导入');
  });

  it('过大的文件：提示“文件过大（31 MB），最多 30 MB”，名单不变', async () => {
    const file = join(tmp, '过大.xlsx');
    await writeFile(file, Buffer.alloc(31 * 1024 * 1024, 1));
    const before = await names();
    const drawer = await chooseFile(file);
    const alert = drawer.getByRole('alert');
    await visible(alert);
    expect(await alert.innerText()).toBe('文件过大（31 MB），最多 30 MB');
    expect(await names()).toEqual(before);
  });

  it('请求内容过大时，页面收到 413 和中文说明，而不是连接中断', async () => {
    const answer = await page.evaluate(async (token) => {
      const res = await fetch('/api/person.import', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bcsl-token': token },
        body: 'x'.repeat(48 * 1024 * 1024),
      });
      return { status: res.status, body: await res.json() };
    }, served.token);
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toMatch(/^请求内容过大（48 MB），最多 \d+(\.\d)? MB。导入的文件最多 30 MB$/);
  });

  it('20 MB、600 人的名单（每人一张照片）在工作线程中读取，其间其他操作照常应答', async () => {
    const roster = await rosterWithPhotos();
    expect(roster.length).toBeGreaterThan(20 * 1000 * 1000);
    const before = (await names()).length;
    let done = false;
    const importing = api<{ imported: number }>(served, 'person.import', {
      fileName: '带照片的名单.xlsx',
      dataBase64: roster.toString('base64'),
    }).finally(() => (done = true));
    let answered = 0;
    while (!done) {
      expect((await api(served, 'app.health', {})).ok).toBe(true);
      if (!done) answered++;
      await new Promise((r) => setTimeout(r, 10));
    }
    const result = await importing;
    expect(result).toMatchObject({ ok: true, value: { imported: 600, rejected: [], warnings: [] } });
    expect(answered).toBeGreaterThan(10);
    expect((await names()).length).toBe(before + 600);
  });
});

describe('桌面版的工作线程入口（out/main）', () => {
  it('bundled beside out/main/index.js, found from there, and reads a file on its own', async () => {
    const built = workerScriptAt(pathToFileURL(join(projectRoot, 'out', 'main', 'index.js')).href, 'readTable');
    expect(built.file).toBe(join(projectRoot, 'out', 'main', 'workers', 'readTable.worker.js'));
    expect(existsSync(built.file), '先运行 electron-vite build').toBe(true);
    expect(built.execArgv).toBeUndefined();

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单').addRows([
      ['姓名', '类别'],
      ['张伟', '专家学者'],
    ]);
    const files = {
      'a.csv': Buffer.from('姓名,类别\n张伟,专家学者\n').toString('base64'),
      'a.xlsx': Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    };
    for (const [fileName, dataBase64] of Object.entries(files)) {
      // Plain Node, no TypeScript loader: what the bundle needs must all be in it (or in node_modules).
      const answer = await new Promise<WorkerMessage<unknown, unknown>>((resolve, reject) => {
        const worker = new Worker(built.file, { workerData: { fileName, dataBase64 }, execArgv: [] });
        worker.once('message', (m: WorkerMessage<unknown, unknown>) => {
          void worker.terminate();
          resolve(m);
        });
        worker.once('error', reject);
      });
      expect(answer, fileName).toEqual({
        kind: 'done',
        value: {
          header: ['姓名', '类别'],
          rows: [{ n: 2, cells: ['张伟', '专家学者'] }],
          namePinyin: { 张伟: 'zhangwei zw' },
        },
      });
    }
  });
});
