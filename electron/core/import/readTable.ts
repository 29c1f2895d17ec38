import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { badInput } from '../errors';

/** A spreadsheet read as rows of trimmed cell text; row 0 is the header. */
export type Table = string[][];

export const MAX_ROWS = 5000;

export async function readTable(fileName: string, data: Buffer): Promise<Table> {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt') return readCsv(data);
  if (ext === 'xlsx') return readXlsx(data);
  if (ext === 'xls') throw badInput('不支持旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为”.xlsx 后再导入');
  throw badInput(`不支持“.${ext ?? ''}”文件，请选择 Excel（.xlsx）或 CSV 文件`);
}

/** Excel on Chinese Windows saves CSV as GBK; anything that is not valid UTF-8 is read as GB18030. */
export function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

function readCsv(data: Buffer): Table {
  const text = decodeText(data);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  if (parsed.errors.some((e) => e.type === 'Quotes')) throw badInput('CSV 文件的引号不成对，无法读取，请检查后再导入');
  return parsed.data.map((row) => row.map((c) => String(c ?? '').trim()));
}

async function readXlsx(data: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw badInput('无法读取该 Excel 文件：文件可能已损坏或不是 .xlsx 格式');
  }
  const sheet = wb.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw badInput('Excel 文件中没有数据');
  if (sheet.rowCount > MAX_ROWS + 1)
    throw badInput(`文件行数过多（${sheet.rowCount} 行），一次最多导入 ${MAX_ROWS} 行`);
  const table: Table = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)).trim());
    table[n - 1] = cells;
  });
  return Array.from(table, (r) => r ?? []);
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? ''); // formula
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text); // hyperlink
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
