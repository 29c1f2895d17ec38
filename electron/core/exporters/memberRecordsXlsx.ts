import ExcelJS from 'exceljs';
import type { MemberRecord, RecordAdopted, RecordMark, RecordMeeting } from '../../../shared/contract/memberRecords';
import { chineseNumeral } from '../../../shared/domain/chineseText';
import { spokenMinutes } from '../../../shared/domain/memberRecords';

type Lines<T> = (T & { personId: number })[];

export interface MemberRecordsBook {
  /** "2026年度委员履职档案". */
  title: string;
  kind: string;
  orgName: string;
  /** ISO date. */
  exportedOn: string;
  meetings: number;
  rows: readonly MemberRecord[];
  meetingLines: Lines<RecordMeeting>;
  markLines: Lines<RecordMark>;
  adoptedLines: Lines<RecordAdopted>;
}

export const SHEETS = { summary: '汇总', meetings: '明细', suggestions: '建议' } as const;

interface Column<T> {
  header: string;
  /** Printed under the header on its own line: 发言时长 / （分钟）, so number columns stay narrow. */
  unit?: string;
  width: number;
  value: (row: T, i: number) => string | number;
  /** Excel number format (speaking minutes keep one decimal). */
  format?: string;
  wrap?: boolean;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBEAE8' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFD5D9E1' } };
// Text typed into the minutes may carry characters an .xlsx (XML) cannot hold.
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
const clean = (v: string | number) => (typeof v === 'string' ? v.replace(UNPRINTABLE, '') : v);
const MINUTES = '0.0';

/** A sheet with a bold filled header at `headerRow`, frozen under it, filtered, widths set. */
function table<T>(
  sheet: ExcelJS.Worksheet,
  headerRow: number,
  columns: readonly Column<T>[],
  rows: readonly T[],
): void {
  const header = sheet.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.unit ? `${c.header}\n（${c.unit}）` : c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: THIN };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    if (c.format) column.numFmt = c.format;
  });
  header.height = 34;
  rows.forEach((r, n) => {
    const row = sheet.getRow(headerRow + 1 + n);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = clean(c.value(r, n));
      // Long text wraps; the row grows to fit when the file is opened (no fixed height is set).
      cell.alignment = c.wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  // Printed on A4 landscape, as wide as the page, the header on every page.
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
  };
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + Math.max(rows.length, 1), column: columns.length },
  };
}

/** A 合计 line: every count summed, speaking time from the summed seconds. */
function totalOf(rows: readonly MemberRecord[]): MemberRecord {
  const sum = (key: keyof MemberRecord) => rows.reduce((n, r) => n + (r[key] as number), 0);
  const numeric = [
    'meetingsInvited',
    'meetingsAttended',
    'leave',
    'absent',
    'unmarked',
    'speeches',
    'speakingSeconds',
    'suggestions',
    'commitments',
    'consensus',
    'marksTotal',
    'suggestionsAdopted',
  ] as const;
  return {
    personId: 0,
    name: '合计',
    sector: '',
    affiliation: '',
    retired: false,
    ...Object.fromEntries(numeric.map((k) => [k, sum(k)])),
  } as MemberRecord;
}

const issueName = (m: { form: string; issueNo: number }) => `${m.form}第${m.issueNo}期`;

/** The year's records as three sheets: 汇总 (one row a person), 明细 (a row per meeting), 建议 (what they said and what was adopted). */
export async function memberRecordsXlsx(book: MemberRecordsBook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = book.orgName || '冰城商量';
  wb.title = book.title;
  const names = new Map(book.rows.map((r) => [r.personId, r]));
  const who = (personId: number) => names.get(personId);
  const affiliationHeader = book.kind === '委员' ? '界别' : '界别/单位';

  const summaryColumns: Column<MemberRecord>[] = [
    { header: '序号', width: 6, value: (_, i) => i + 1 },
    { header: '姓名', width: 10, value: (r) => r.name },
    { header: affiliationHeader, width: 16, value: (r) => r.affiliation },
    { header: '应参加会议', unit: '次', width: 11, value: (r) => r.meetingsInvited },
    { header: '出席', unit: '次', width: 8, value: (r) => r.meetingsAttended },
    { header: '请假', unit: '次', width: 8, value: (r) => r.leave },
    { header: '缺席', unit: '次', width: 8, value: (r) => r.absent },
    { header: '未签到', unit: '次', width: 8, value: (r) => r.unmarked },
    { header: '发言', unit: '次', width: 8, value: (r) => r.speeches },
    { header: '发言时长', unit: '分钟', width: 10, value: (r) => spokenMinutes(r.speakingSeconds), format: MINUTES },
    { header: '记录的建议', unit: '条', width: 11, value: (r) => r.suggestions },
    { header: '标记合计', unit: '条', width: 10, value: (r) => r.marksTotal },
    { header: '建议被采纳', unit: '项', width: 11, value: (r) => r.suggestionsAdopted },
  ];
  const summary = wb.addWorksheet(SHEETS.summary);
  summary.mergeCells(1, 1, 1, summaryColumns.length);
  summary.getCell(1, 1).value = book.title;
  summary.getCell(1, 1).font = { bold: true, size: 16 };
  summary.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  summary.getRow(1).height = 30;
  summary.mergeCells(2, 1, 2, summaryColumns.length);
  summary.getCell(2, 1).value =
    `${book.orgName ? `${book.orgName}　` : ''}全年召开会议 ${book.meetings} 次　导出日期：${book.exportedOn}`;
  summary.getCell(2, 1).font = { color: { argb: 'FF7B8497' } };
  table(summary, 3, summaryColumns, book.rows);
  // Totals under the list, outside the filter so sorting leaves them at the bottom.
  const totals = summary.getRow(4 + book.rows.length);
  const sum = totalOf(book.rows);
  summaryColumns.forEach((c, i) => (totals.getCell(i + 1).value = i === 0 ? '' : c.value(sum, 0)));
  totals.font = { bold: true };

  const meetings = wb.addWorksheet(SHEETS.meetings);
  table<Lines<RecordMeeting>[number]>(
    meetings,
    1,
    [
      { header: '姓名', width: 10, value: (l) => who(l.personId)?.name ?? '' },
      { header: affiliationHeader, width: 16, value: (l) => who(l.personId)?.affiliation ?? '' },
      { header: '日期', width: 12, value: (l) => l.date },
      { header: '期数', width: 16, value: issueName },
      { header: '会议', width: 36, value: (l) => l.meetingTitle, wrap: true },
      { header: '角色', width: 10, value: (l) => l.role },
      {
        header: '出席情况',
        width: 14,
        value: (l) => (l.attendance === '未签到' && l.attended ? '出席（未签到）' : l.attendance),
      },
      { header: '发言', unit: '次', width: 8, value: (l) => l.speeches },
      { header: '发言时长', unit: '分钟', width: 10, value: (l) => spokenMinutes(l.speakingSeconds), format: MINUTES },
    ],
    book.meetingLines.filter((l) => names.has(l.personId)),
  );

  type Said = {
    personId: number;
    meetingId: number;
    date: string;
    issue: string;
    meeting: string;
    kind: string;
    text: string;
  };
  const at = (x: Lines<RecordMark | RecordAdopted>[number]) => ({
    personId: x.personId,
    meetingId: x.meetingId,
    date: x.date,
    issue: issueName(x),
    meeting: x.meetingTitle,
  });
  const said: Said[] = [
    ...book.markLines.map((m) => ({ ...at(m), kind: `记录的${m.kind}`, text: m.excerpt })),
    ...book.adoptedLines.map((a) => ({ ...at(a), kind: `协商意见第${chineseNumeral(a.position)}项`, text: a.text })),
  ].filter((s) => names.has(s.personId));
  // Person by person in the summary's order, then meeting by meeting, marks before the resolutions they became.
  const order = new Map(book.rows.map((r, i) => [r.personId, i]));
  said.sort(
    (a, b) =>
      order.get(a.personId)! - order.get(b.personId)! || a.date.localeCompare(b.date) || a.meetingId - b.meetingId,
  );
  const suggestions = wb.addWorksheet(SHEETS.suggestions);
  table(
    suggestions,
    1,
    [
      { header: '姓名', width: 10, value: (s: Said) => who(s.personId)?.name ?? '' },
      { header: '日期', width: 12, value: (s: Said) => s.date },
      { header: '期数', width: 16, value: (s: Said) => s.issue },
      { header: '会议', width: 36, value: (s: Said) => s.meeting, wrap: true },
      { header: '类别', width: 16, value: (s: Said) => s.kind },
      { header: '内容', width: 64, value: (s: Said) => s.text, wrap: true },
    ],
    said,
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}
