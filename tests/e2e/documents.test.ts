import { readFile } from 'node:fs/promises';
import type { Download } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResolutionList } from '../../shared/contract/resolutions';
import { chineseDate } from '../../shared/domain/chineseText';
import { readDocx } from '../support/docx';
import { heldMeeting, type Scenario } from '../support/meetingScenario';
import { apiValue, screenPath, visible, servedHost } from './support/serve';
import { withServedApp } from './support/servedApp';

/**
 * After the meeting: the secretary turns marked suggestions into resolutions, completes and
 * orders them, the chair confirms, and the three documents are exported from the served app and
 * read back.
 */
let s: Scenario;

const app = withServedApp({
  demo: true,
  hash: async (served) => {
    // The same calls the app makes, over HTTP.
    const invoke = servedHost(served);
    s = await heldMeeting(invoke, { resolutions: 0, marks: 9, confirm: false });
    // Held: its resolutions can be confirmed.
    await apiValue(served, 'meeting.setStatus', { id: s.meetingId, status: '进行中' });
    return `/meetings/${s.meetingId}`;
  },
});

const list = () => apiValue<ResolutionList>(app.served, 'resolution.list', { meetingId: s.meetingId });
const panel = () => app.page.getByRole('region', { name: '协商意见（议定事项）' });
const row = (n: number) => app.page.getByRole('list', { name: '协商意见顺序' }).locator(':scope > li').nth(n);

beforeAll(async () => {
  await app.page.getByRole('tab', { name: '协商意见与文件' }).click();
  await visible(panel());
});

describe('resolutions and documents', () => {
  it('turns marked suggestions into resolutions, completes, orders and confirms them', async () => {
    await visible(app.page.getByText('还没有协商意见'));
    const untaken = app.page.getByRole('region', { name: '未采纳的建议与承诺' });
    const suggestions = (await list()).untaken.filter((m) => m.kind === '建议');
    for (const m of suggestions.slice(0, 2)) {
      await untaken
        .locator('li', { hasText: m.excerpt.slice(0, 12) })
        .getByRole('button', { name: '转为协商意见' })
        .click();
      await visible(
        app.page.getByRole('list', { name: '协商意见顺序' }).locator('li', { hasText: m.excerpt.slice(0, 12) }),
      );
    }
    expect((await list()).items.map((r) => r.text)).toEqual(suggestions.slice(0, 2).map((m) => m.excerpt));

    // Complete the first: lead, one co-department, deadline.
    await row(0).getByRole('button', { name: '编辑' }).click();
    let drawer = app.page.getByRole('dialog', { name: /编辑第一项协商意见/ });
    await drawer.getByLabel(/^主办单位/).selectOption({ label: '市城市管理和行政执法局' });
    await drawer
      .getByRole('group', { name: /协办单位/ })
      .getByLabel('市文广旅局')
      .check();
    await drawer.getByLabel(/^办理时限/).fill('2026-09-30');
    await drawer.getByRole('button', { name: '保存' }).click();
    await visible(row(0).getByText('主办：市城市管理和行政执法局'));

    // The chair cannot confirm while the second lacks its deadline (and maybe its lead): told which one.
    await app.page.getByRole('button', { name: '主持人确认' }).click();
    await visible(app.page.getByText(/^第二项协商意见还没有(主办单位|办理时限)$/));

    await row(1).getByRole('button', { name: '编辑' }).click();
    drawer = app.page.getByRole('dialog', { name: /编辑第二项协商意见/ });
    await drawer.getByLabel(/^主办单位/).selectOption({ label: '中央大街步行街管理办公室' });
    await drawer.getByLabel(/^办理时限/).fill('2026-08-31');
    await drawer.getByLabel(/^协商意见/).fill('组建沿街商户“厕所开放联盟”，明确保洁责任和补贴标准。');
    await drawer.getByRole('button', { name: '保存' }).click();
    await visible(row(1).getByText('主办：中央大街步行街管理办公室'));

    // Alt+↓ on the first's handle: the alliance comes first.
    await row(0)
      .getByRole('button', { name: /拖动调整/ })
      .focus();
    await app.page.keyboard.press('Alt+ArrowDown');
    await expect
      .poll(async () => (await list()).items[0].text)
      .toBe('组建沿街商户“厕所开放联盟”，明确保洁责任和补贴标准。');

    await app.page.getByRole('button', { name: '主持人确认' }).click();
    await visible(app.page.getByTestId('confirmation').filter({ hasText: `已由${s.chair}确认` }));
    await app.page.screenshot({ path: screenPath('resolutions') });
  });

  it('shows the chair what changed since the confirmation, and re-confirms in one step, keyboard only', async () => {
    const before = (await list()).items[1].text;
    const after = `${before.replace(/。$/, '')}，每年冬季前完成一次检查。`;
    const clause = before.slice(before.lastIndexOf('，') + 1);
    await row(1).getByRole('button', { name: '编辑' }).focus();
    await app.page.keyboard.press('Enter');
    const drawer = app.page.getByRole('dialog', { name: /编辑第二项协商意见/ });
    await drawer.getByLabel(/^协商意见/).fill(after);
    await drawer.getByRole('button', { name: '保存' }).focus();
    await app.page.keyboard.press('Enter');
    const line = app.page.getByTestId('confirmation');
    await visible(line.getByText(new RegExp(`^${s.chair}已于.*确认；此后有以下改动，须重新确认：$`)));
    await visible(
      line
        .getByRole('listitem')
        // Only the clause that changed.
        .filter({ hasText: `第2项 原为：${clause}\u3000现为：${clause.replace(/。$/, '')}，每年冬季前完成一次检查。` }),
    );
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await line.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: screenPath('resolutions-changed') });
    // From the 确认人 field (the chair's name already in it), Tab and Enter.
    await line.getByLabel('确认人').focus();
    await app.page.keyboard.press('Tab');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.textContent)).toBe('重新确认');
    await app.page.keyboard.press('Enter');
    await visible(line.filter({ hasText: `已由${s.chair}确认` }));
    expect((await list()).changedSince).toBeNull();
  });

  it('keeps the 纪要正文 the secretary writes (Ctrl+Enter saves)', async () => {
    const card = app.page.getByRole('region', { name: '纪要正文' });
    const field = card.getByRole('textbox', { name: '纪要正文' });
    await field.focus();
    await app.page.keyboard.press('Control+A');
    await app.page.keyboard.type(
      '会议认为，景区公厕布局关系游客体验和城市形象。\n会议要求，各责任单位于入冬前完成整改。',
    );
    await visible(card.getByTestId('summary-state').getByText('有未保存的修改'));
    await app.page.keyboard.press('Control+Enter');
    await visible(card.getByTestId('summary-state').getByText('已编辑'));
    expect((await apiValue<{ body: string }>(app.served, 'summary.get', { meetingId: s.meetingId })).body).toBe(
      '会议认为，景区公厕布局关系游客体验和城市形象。\n会议要求，各责任单位于入冬前完成整改。',
    );
  });

  it('exports all documents (the 记录 in both versions) from the served app, each reading back as it should', async () => {
    const downloads: Download[] = [];
    app.page.on('download', (d) => downloads.push(d));
    await app.page.getByRole('button', { name: '全部导出' }).click();
    await expect.poll(() => downloads.length, { timeout: 20_000 }).toBe(4);
    const files = new Map<string, Awaited<ReturnType<typeof readDocx>>>();
    for (const d of downloads) files.set(d.suggestedFilename(), await readDocx(await readFile((await d.path())!)));
    const prefix = '第1期-中央大街景区公厕布局、指引和冬季运行-';
    expect([...files.keys()].sort()).toEqual(
      [
        `${prefix}会议纪要.docx`,
        `${prefix}会议记录.docx`,
        `${prefix}会议记录（存档版）.docx`,
        `${prefix}协商意见办理清单.docx`,
      ].sort(),
    );

    const final = await list();
    const summary = files.get(`${prefix}会议纪要.docx`)!;
    expect(summary.text).toContain('冰城商量协商议政会议纪要');
    const first = summary.text.indexOf(`一、${final.items[0].text}`);
    const second = summary.text.indexOf(`二、${final.items[1].text}`);
    expect(first).toBeGreaterThan(summary.text.indexOf('现将会议议定事项纪要如下：'));
    expect(second).toBeGreaterThan(first);
    // The secretary's narrative: 会议认为 before the items, 会议要求 after them.
    expect(summary.text.indexOf('会议认为，景区公厕布局')).toBeLessThan(first);
    expect(summary.text.indexOf('会议要求，各责任单位')).toBeGreaterThan(second);
    expect(summary.text).toContain(
      `主办单位：${final.items[1].leadDepartment}；协办单位：${final.items[1].coDepartments.join('、')}；办理时限：${chineseDate(final.items[1].deadline!)}。`,
    );

    const record = files.get(`${prefix}会议记录.docx`)!;
    let from = 0;
    for (const x of s.sections) {
      const at = record.text.indexOf(`【${x.kind}】${x.name}`, from);
      expect(at, x.name).toBeGreaterThanOrEqual(from);
      from = at;
    }

    // The work copy keeps the marks' labels; the copy to file has none, and lines to sign.
    const archived = files.get(`${prefix}会议记录（存档版）.docx`)!;
    expect(record.text).toMatch(/〔(建议|共识|回应\/承诺)〕/);
    expect(archived.text).not.toMatch(/〔(建议|共识|回应\/承诺)〕/);
    expect(archived.text).toContain('审核人（签名）');
    expect(archived.text).toContain(`【${s.sections[0].kind}】${s.sections[0].name}`);

    const table = files.get(`${prefix}协商意见办理清单.docx`)!.tables[0];
    expect(table.slice(1).map((r) => r[1])).toEqual(final.items.map((r) => r.text));
    await visible(app.page.getByText(/已导出 .*协商意见办理清单\.docx/));
  });
});
