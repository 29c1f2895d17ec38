import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mark } from '../../shared/contract/minutes';
import type { Person } from '../../shared/contract/directory';
import type { Queue } from '../../shared/contract/meetings';
import type { RecordsList } from '../../shared/contract/memberRecords';
import { clock } from '../../shared/domain/speechTimer';
import { heldMeeting, type Scenario } from '../support/meetingScenario';
import { apiValue, hidden, screenPath, visible, servedHost } from './support/serve';
import { withServedApp } from './support/servedApp';

/**
 * 履职档案 opened on an empty year, then a meeting held through the API (every queued speaker heard,
 * one member twice) fills it in: the member's numbers, the table sorted by speeches, the
 * detail drawer, and the Excel export read back.
 */
let s: Scenario;
let member: Person;

// Opened before anything happened: the empty state, then the records fill in as the meeting is held.
const app = withServedApp({ demo: true, hash: '/records' });

const records = () => apiValue<RecordsList>(app.served, 'records.list', { year: 2026 });
const table = () => app.page.getByRole('table', { name: '履职档案' });
const rowOf = (name: string) => table().locator('tbody tr', { has: app.page.getByRole('cell', { name, exact: true }) });

beforeAll(async () => {
  await visible(app.page.getByRole('heading', { name: /年还没有召开过会议$/ }));
  await app.page.screenshot({ path: screenPath('records-empty') });
  const invoke = servedHost(app.served);
  // 12 speeches: the first speaker (a member) comes round again as the ninth.
  s = await heldMeeting(invoke, { speeches: 12, resolutions: 3 });
  // The speeches are timed here, in a meeting reopened after its confirmation.
  await apiValue(app.served, 'meeting.setStatus', { id: s.meetingId, status: '进行中' });
  const queue = await apiValue<Queue>(app.served, 'queue.get', { meetingId: s.meetingId });
  for (const [i, e] of queue.entries.entries()) {
    await apiValue(app.served, 'queue.start', { id: e.id });
    if (i === 0) await new Promise((r) => setTimeout(r, 1_200)); // a second or so on the clock
    await apiValue(app.served, 'queue.end', { id: e.id });
  }
  await apiValue(app.served, 'meeting.setStatus', { id: s.meetingId, status: '已结束' });
  member = s.people.find((p) => p.id === queue.entries[0].personId)!;
  await visible(table());
});

describe('members’ records', () => {
  it('shows each member’s year, sorts by a column and opens one member’s detail', async () => {
    await visible(app.page.getByRole('link', { name: '履职档案' }));
    await visible(app.page.getByText('2026年度共召开会议 1 次'));
    const marks = await apiValue<Mark[]>(app.served, 'mark.list', { meetingId: s.meetingId });
    const queue = await apiValue<Queue>(app.served, 'queue.get', { meetingId: s.meetingId });
    const own = new Set(queue.entries.filter((e) => e.personId === member.id).map((e) => e.id));
    const suggestions = marks.filter((m) => m.kind === '建议' && m.speechId !== null && own.has(m.speechId)).length;
    const r = (await records()).rows.find((x) => x.personId === member.id)!;
    expect(r).toMatchObject({ meetingsInvited: 1, meetingsAttended: 1, speeches: 2, suggestions });
    expect(r.speakingSeconds).toBeGreaterThanOrEqual(1);

    const cells = rowOf(member.name).locator('td');
    await visible(cells.first());
    expect(await cells.allInnerTexts()).toEqual([
      member.name,
      r.affiliation,
      '1/1',
      '',
      '',
      '2',
      clock(r.speakingSeconds),
      String(suggestions),
      String(r.suggestionsAdopted),
    ]);
    // 22 members in the demo directory, most of them with nothing this year: shown all the same.
    await expect.poll(() => table().locator('tbody tr').count()).toBe(22);
    await visible(table().locator('tfoot').getByText('合计（22 人）'));

    await table().getByRole('button', { name: '发言', exact: true }).click();
    await expect.poll(() => table().locator('th[aria-sort="descending"]').innerText()).toContain('发言');
    expect(await table().locator('tbody tr').first().locator('td').first().innerText()).toBe(member.name);
    await app.page.screenshot({ path: screenPath('records') });

    await app.page.getByRole('searchbox', { name: '搜索姓名' }).fill(member.pinyin.split(' ')[0]);
    await expect.poll(() => table().locator('tbody tr').count()).toBe(1);

    await rowOf(member.name).click();
    const drawer = app.page.getByRole('dialog', { name: `${member.name} · 2026年度履职明细` });
    await visible(drawer);
    const meetings = drawer.getByRole('region', { name: '参加会议' });
    await visible(meetings.getByRole('link', { name: '中央大街景区公厕布局、指引和冬季运行' }));
    await visible(meetings.getByText('发言 2 次'));
    const quoted = drawer.getByRole('region', { name: '会议记录中的标记' }).locator('li');
    await expect.poll(() => quoted.count()).toBe(r.marksTotal);
    await expect
      .poll(() => drawer.getByRole('region', { name: '被采纳为协商意见' }).locator('li').count())
      .toBe(r.suggestionsAdopted);
    await app.page.screenshot({ path: screenPath('records-detail') });
    await app.page.keyboard.press('Escape');
    await hidden(drawer);
  });

  it('exports the year as an .xlsx that reads back', async () => {
    await app.page.getByRole('searchbox', { name: '搜索姓名' }).fill('');
    const download = new Promise<Download>((resolve) => app.page.once('download', resolve));
    await app.page.getByRole('button', { name: '导出 Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('2026年度委员履职档案.xlsx');
    await visible(app.page.getByText('已导出 2026年度委员履职档案.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '明细', '建议']);
    const sheet = wb.getWorksheet('汇总')!;
    expect(sheet.getCell('A1').value).toBe('2026年度委员履职档案');
    const r = (await records()).rows.find((x) => x.personId === member.id)!;
    let line: unknown[] | undefined;
    sheet.eachRow((x) => {
      if (x.getCell(2).value === member.name) line = (x.values as unknown[]).slice(2, 11);
    });
    expect(line).toEqual([member.name, r.sector, 1, 1, 0, 0, 0, 2, Math.round(r.speakingSeconds / 6) / 10]);
  });
});
