import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiValue,
  hidden,
  launchBrowser,
  openAppIn,
  screenPath,
  startServe,
  visible,
  WAIT,
  type Served,
} from './support/serve';

/**
 * The directory as a user meets it: real Chromium against the real serve mode (HTTP + SSE),
 * asserting only what is on screen, with the API as a second witness for what was stored.
 */

interface PersonRow {
  id: number;
  name: string;
  kind: string;
  sectorId: number | null;
  departmentId: number | null;
  unit: string;
  title: string;
  phone: string;
}
interface UnitRow {
  id: number;
  name: string;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const openApp = (served: Served, hash: string) => openAppIn(browser, served, hash);
const peopleTable = (page: Page) => page.getByRole('table', { name: '人员名单' });
const countLine = (page: Page, n: number) => page.getByText(`共 ${n} 人`, { exact: true });
/** Names in the first column of the people table, as shown. */
const shownNames = (page: Page) => peopleTable(page).locator('tbody tr td:first-child').allInnerTexts();
const listPeople = (served: Served) => apiValue<PersonRow[]>(served, 'person.list', {});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: screenPath(name) });
}

/** Fills the person drawer that is open on `page`; leaves it open for the caller to save. */
async function fillPersonDrawer(
  page: Page,
  p: { name: string; kind: string; sector?: string; unit?: string; title?: string; phone?: string },
): Promise<Locator> {
  await page.getByRole('button', { name: '新增人员' }).first().click();
  const drawer = page.getByRole('dialog', { name: '新增人员' });
  await visible(drawer);
  await drawer.getByRole('textbox', { name: /^姓名/ }).fill(p.name);
  // By accessible name: each kind button must be named by its own text, not by a wrapping label.
  const kind = drawer.getByRole('radiogroup', { name: '类别' }).getByRole('radio', { name: p.kind, exact: true });
  await kind.click();
  expect(await kind.getAttribute('aria-checked')).toBe('true');
  if (p.sector) await drawer.getByRole('combobox', { name: /^界别/ }).selectOption({ label: p.sector });
  if (p.unit) await drawer.getByRole('textbox', { name: '单位', exact: true }).fill(p.unit);
  if (p.title) await drawer.getByRole('textbox', { name: '职务 / 职称', exact: true }).fill(p.title);
  if (p.phone) await drawer.getByRole('textbox', { name: '电话', exact: true }).fill(p.phone);
  return drawer;
}

describe('首次运行（空数据目录）', () => {
  let served: Served;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    served = await startServe();
    ({ context, page } = await openApp(served, '/'));
  });
  afterAll(async () => {
    await context?.close();
    await served?.stop();
  });

  it('显示欢迎页；载入示例数据后进入人员名单，共 42 人', async () => {
    await visible(page.getByRole('heading', { name: '欢迎使用冰城商量协商议事系统' }));
    expect(page.url()).toContain('#/welcome');
    // The token has been taken out of the address bar and kept for this tab.
    expect(page.url()).not.toContain('token=');
    await shot(page, 'welcome');

    await page.getByRole('button', { name: /载入示例数据/ }).click();
    await visible(peopleTable(page), 15_000);
    expect(page.url()).toContain('#/directory/people');
    await visible(countLine(page, 42));
    await expect.poll(async () => (await shownNames(page)).length).toBe(42);
    expect(await shownNames(page)).toEqual(expect.arrayContaining(['张伟', '周雯', '单立新']));
    expect(await listPeople(served)).toHaveLength(42);
    await shot(page, 'people');

    // The start page no longer offers the welcome.
    const status = await apiValue<{ firstRun: boolean }>(served, 'app.status', {});
    expect(status.firstRun).toBe(false);

    await page.goto(`${served.origin}/#/directory/sectors`);
    const sectors = page.getByRole('table', { name: '界别' });
    await visible(sectors);
    await expect.poll(() => sectors.locator('tbody tr').count()).toBe(31);
    await visible(sectors.getByRole('cell', { name: '九三学社', exact: true }));
    await shot(page, 'sectors');
  });
});

describe('名录（示例数据）', () => {
  let served: Served;
  let context: BrowserContext;
  let page: Page;
  let sectors: UnitRow[];
  let tmp: string;

  beforeAll(async () => {
    served = await startServe({ demo: true });
    sectors = await apiValue<UnitRow[]>(served, 'unit.list', { kind: 'sector' });
    tmp = await mkdtemp(join(tmpdir(), 'bcsl-e2e-files-'));
    ({ context, page } = await openApp(served, '/directory/people'));
    await visible(peopleTable(page), 15_000);
  });
  // A test that fails with a drawer open must not take the next ones down with it.
  afterEach(async () => {
    const drawer = page.getByRole('dialog').first();
    if (await drawer.isVisible()) await drawer.getByRole('button', { name: '关闭' }).click();
  });
  afterAll(async () => {
    await context?.close();
    await served?.stop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('在抽屉中新增一位委员，保存后出现在名单中', async () => {
    const before = (await listPeople(served)).length;
    await visible(countLine(page, before));

    const drawer = await fillPersonDrawer(page, {
      name: '欧阳明月',
      kind: '委员',
      sector: '民建',
      unit: '哈尔滨工业大学',
      title: '教授',
      phone: '13900001111',
    });
    await shot(page, 'person-drawer');
    await drawer.getByRole('button', { name: '保存', exact: true }).click();

    await visible(page.getByText('已保存：欧阳明月'));
    await hidden(drawer);
    await visible(countLine(page, before + 1));
    const row = peopleTable(page).locator('tbody tr', { hasText: '欧阳明月' });
    await visible(row);
    await expect
      .poll(() => row.locator('td').allInnerTexts())
      .toEqual(['欧阳明月', '委员', '民建', '哈尔滨工业大学', '教授', '13900001111']);

    const stored = (await listPeople(served)).find((p) => p.name === '欧阳明月');
    expect(stored).toMatchObject({
      kind: '委员',
      sectorId: sectors.find((s) => s.name === '民建')!.id,
      unit: '哈尔滨工业大学',
      title: '教授',
      phone: '13900001111',
    });
  });

  it('委员未选界别时不能保存，显示“委员须选择所属界别”，名单不变', async () => {
    const before = await listPeople(served);
    await visible(countLine(page, before.length));

    const drawer = await fillPersonDrawer(page, { name: '冯秋实', kind: '委员' });
    await drawer.getByRole('button', { name: '保存', exact: true }).click();

    const alert = drawer.getByRole('alert');
    await visible(alert);
    expect(await alert.innerText()).toContain('委员须选择所属界别');
    // The drawer stays open with what was typed, so the user can fix it.
    expect(await drawer.isVisible()).toBe(true);
    expect(await drawer.getByRole('textbox', { name: /^姓名/ }).inputValue()).toBe('冯秋实');
    await shot(page, 'person-error');

    await drawer.getByRole('button', { name: '取消' }).click();
    await hidden(drawer);
    await visible(countLine(page, before.length));
    expect(await shownNames(page)).not.toContain('冯秋实');
    const after = await listPeople(served);
    expect(after).toHaveLength(before.length);
    expect(after.map((p) => p.name)).not.toContain('冯秋实');
  });

  it('导入含一行错误的 Excel：导入 2 人，列出第 3 行及原因', async () => {
    const before = (await listPeople(served)).length;

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['姓名', '类别', '界别', '专委会', '部门', '单位', '职务', '电话', '备注']);
    ws.addRow(['范晓晴', '委员', '九三学社', '', '', '黑龙江大学', '副教授', '13800002222', '']);
    ws.addRow(['包宏图', '委员', '不存在的界别', '', '', '某公司', '经理', '', '']);
    ws.addRow(['邱月华', '部门代表', '', '', '市交通运输局', '市交通运输局', '副局长', '', '']);
    const file = join(tmp, '名单.xlsx');
    await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));

    await page.getByRole('button', { name: '导入名单' }).click();
    const drawer = page.getByRole('dialog');
    await visible(drawer);
    await drawer.getByLabel('选择名单文件').setInputFiles(file);

    const report = drawer.getByLabel('导入结果');
    await visible(report, 15_000);
    expect(await report.innerText()).toContain('已导入 2 人（共 3 行）');
    const rejected = report.getByRole('table', { name: '未导入的行' });
    await visible(rejected);
    const rows = rejected.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const [rowNo, name, reason] = await rows.first().locator('td').allInnerTexts();
    expect(rowNo).toBe('3');
    expect(name).toBe('包宏图');
    expect(reason).toContain('不存在的界别');
    expect(reason).toContain('不在名录中');
    await shot(page, 'import-result');

    await drawer.getByRole('button', { name: '完成' }).click();
    await hidden(drawer);
    await visible(countLine(page, before + 2));

    const search = page.getByRole('searchbox', { name: '搜索人员' });
    for (const who of ['范晓晴', '邱月华']) {
      await search.fill(who);
      await expect.poll(() => shownNames(page)).toEqual([who]);
    }
    await search.fill('包宏图');
    await visible(page.getByText('没有找到与“包宏图”匹配的人员'));
    await search.fill('');
    await visible(countLine(page, before + 2));

    const stored = await listPeople(served);
    expect(stored.map((p) => p.name)).toEqual(expect.arrayContaining(['范晓晴', '邱月华']));
    expect(stored.map((p) => p.name)).not.toContain('包宏图');
    expect(stored.find((p) => p.name === '范晓晴')).toMatchObject({
      kind: '委员',
      sectorId: sectors.find((s) => s.name === '九三学社')!.id,
    });
    expect(stored.find((p) => p.name === '邱月华')?.departmentId).not.toBeNull();
  });

  it('按拼音首字母、全拼和汉字片段查找人员', async () => {
    const search = page.getByRole('searchbox', { name: '搜索人员' });
    const total = (await listPeople(served)).length;

    await search.fill('zw');
    await expect.poll(async () => (await shownNames(page)).sort()).toEqual(['周雯', '张伟'].sort());
    await shot(page, 'search-zw');

    // 单 is read shàn as a surname.
    await search.fill('slx');
    await expect.poll(() => shownNames(page)).toEqual(['单立新']);
    await search.fill('shanlixin');
    await expect.poll(() => shownNames(page)).toEqual(['单立新']);
    await search.fill('立新');
    await expect.poll(() => shownNames(page)).toEqual(['单立新']);

    await search.fill('qqqqq');
    await visible(page.getByText('没有找到与“qqqqq”匹配的人员'));

    // Esc clears the search and brings the whole list back.
    await search.press('Escape');
    expect(await search.inputValue()).toBe('');
    await expect.poll(async () => (await shownNames(page)).length).toBe(total);
  });

  it('两个标签页：在 A 中新增人员，B 无需刷新即显示', async () => {
    // Same browser context, a second tab: it needs the token URL of its own (sessionStorage is per tab).
    const tabB = await context.newPage();
    try {
      const sse = tabB.waitForResponse((r) => r.url().includes('/api/events'), { timeout: 15_000 });
      await tabB.goto(`${served.url}#/directory/people`);
      await visible(peopleTable(tabB), 15_000);
      await sse;
      const before = (await listPeople(served)).length;
      await visible(countLine(tabB, before));
      expect(await shownNames(tabB)).not.toContain('阎思远');
      // Marks this document: a reload would lose it.
      await tabB.evaluate(() => ((window as unknown as { __e2eMark: number }).__e2eMark = 42));

      await page.bringToFront();
      const drawer = await fillPersonDrawer(page, { name: '阎思远', kind: '专家学者', unit: '东北农业大学' });
      await drawer.getByRole('button', { name: '保存', exact: true }).click();
      await visible(page.getByText('已保存：阎思远'));

      await visible(peopleTable(tabB).locator('tbody tr', { hasText: '阎思远' }), WAIT);
      await visible(countLine(tabB, before + 1), WAIT);
      expect(await tabB.evaluate(() => (window as unknown as { __e2eMark?: number }).__e2eMark)).toBe(42);
      await shot(tabB, 'two-tabs-b');
    } finally {
      await tabB.close();
    }
  });

  it('修改组织名称后，投屏页显示新名称', async () => {
    const projector = await context.newPage();
    try {
      await projector.goto(`${served.url}#/projector`);
      await visible(projector.getByRole('heading', { name: '有事好商量' }), 15_000);
      await visible(projector.getByText('政协哈尔滨市委员会', { exact: true }));

      await page.bringToFront();
      await page.goto(`${served.origin}/#/settings`);
      const orgName = page.getByLabel('组织名称');
      await visible(orgName, 15_000);
      expect(await orgName.inputValue()).toBe('政协哈尔滨市委员会');
      await orgName.fill('政协道里区委员会');
      await page.getByRole('button', { name: '保存设置' }).click();
      await visible(page.getByText('设置已保存'));
      await shot(page, 'settings');

      // The open projector follows without a reload …
      await visible(projector.getByText('政协道里区委员会', { exact: true }), WAIT);
      // … and a freshly loaded one shows the stored name.
      await projector.reload();
      await visible(projector.getByText('政协道里区委员会', { exact: true }), 15_000);
      await visible(projector.getByRole('heading', { name: '有事好商量' }));
      await shot(projector, 'projector');

      const settings = await apiValue<{ orgName: string }>(served, 'settings.get', {});
      expect(settings.orgName).toBe('政协道里区委员会');
    } finally {
      await projector.close();
    }
  });
});
