import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { importLimits, importMessages } from '../../../shared/domain/importLimits';
import { AppError, badInput } from '../errors';
import { cellText, type CellIssue } from './cellText';

/** One row of a spreadsheet: its number as Excel shows it, its trimmed cell texts, what was odd about them. */
export interface TableRow {
  n: number;
  cells: string[];
  issues?: CellIssue[];
}

/** A spreadsheet read as rows of text: the header is row 1, `rows` are the ones below it that hold anything. */
export interface Table {
  header: string[];
  rows: TableRow[];
  /** The search keys of each name, worked out on the worker (pinyin is the slow part of writing a person). */
  namePinyin?: Record<string, string>;
}

/** How far reading has got, every thousand rows. */
export interface ReadProgress {
  rows: number;
}

/** Rows beyond the bound are still counted (not kept) up to this many, so the message can say how many. */
const COUNT_UP_TO = importLimits.rows * 10;
/** A roster has a dozen columns; a stray cell at column XFD must not widen every row. */
const MAX_WIDTH = 100;

/** Runs in a worker thread (readTable.worker.ts): a large file never holds up the other calls. */
export async function readTable(
  fileName: string,
  data: Uint8Array,
  onProgress: (p: ReadProgress) => void = () => {},
): Promise<Table> {
  if (data.length > importLimits.bytes) throw badInput(importMessages.tooLarge(data.length));
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt') return readCsv(Buffer.from(data.buffer, data.byteOffset, data.length));
  if (ext === 'xlsx') return readXlsx(data, onProgress);
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
  const all = parsed.data.map((row, i) => ({ n: i + 1, cells: row.map((c) => String(c ?? '').trim()) }));
  const bound = new Bounds();
  for (const row of all) {
    const filled = row.cells.filter(Boolean).length;
    bound.row(filled, filled);
  }
  bound.end();
  return { header: all[0]?.cells ?? [], rows: all.slice(1).filter((r) => r.cells.some(Boolean)) };
}

/**
 * Streams the workbook (exceljs' WorkbookReader), so memory stays small and reading stops as soon
 * as a bound is passed. The first worksheet that holds anything is the roster; pictures and other
 * sheets are skipped without being read into memory.
 */
async function readXlsx(data: Uint8Array, onProgress: (p: ReadProgress) => void): Promise<Table> {
  // Loaded only for a workbook: exceljs alone takes a good third of a second to load.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(data)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date from a number; a hyperlink's cell already holds the text it shows.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const bound = new Bounds();
  let header: string[] = [];
  // A sheet without a header row still gets its cells read, to be refused for the missing header.
  let width = MAX_WIDTH;
  const rows: TableRow[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const issues: CellIssue[] = [];
        const cells: string[] = [];
        let filled = 0;
        let counted = 0;
        row.eachCell((cell, col) => {
          counted++;
          // Columns right of the header's last one carry nothing the import reads (but count toward the bound).
          if (col > width) return;
          const read = cellText(cell.value, col);
          cells[col - 1] = read.text;
          if (read.text || read.issue) filled++;
          if (read.issue) issues.push(read.issue);
        });
        if (!bound.row(filled, counted)) continue;
        if (bound.rows % 1000 === 0 && filled) onProgress({ rows: bound.rows });
        const full = Array.from(cells, (c) => c ?? '');
        if (row.number === 1) {
          header = full;
          width = Math.min(full.length, MAX_WIDTH);
        } else if (filled)
          rows.push(issues.length ? { n: row.number, cells: full, issues } : { n: row.number, cells: full });
      }
      if (bound.rows) break;
      width = MAX_WIDTH;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw badInput('无法读取该 Excel 文件：文件可能已损坏或不是 .xlsx 格式');
  }
  bound.end();
  if (!bound.rows) throw badInput('Excel 文件中没有数据');
  return { header, rows };
}

/**
 * Rows and cells counted as they are read. Past the row bound, rows are only counted (up to ten
 * times the bound) so the message can say how many; past the cell bound, reading stops at once.
 */
class Bounds {
  rows = 0;
  private cells = 0;

  /** Counts a row with `filled` cells worth reading of `cells` in all; false once rows are only being counted. */
  row(filled: number, cells: number): boolean {
    const counting = this.rows > importLimits.rows + 1;
    if (!counting) {
      this.cells += cells;
      if (this.cells > importLimits.cells) throw badInput(importMessages.tooManyCells(importLimits.cells, true));
    }
    if (!filled) return !counting;
    this.rows++;
    if (this.rows > COUNT_UP_TO) throw badInput(importMessages.tooManyRows(COUNT_UP_TO, true));
    return this.rows <= importLimits.rows + 1;
  }

  /** The header is not a person: the bound is on the rows below it. */
  end(): void {
    if (this.rows > importLimits.rows + 1) throw badInput(importMessages.tooManyRows(this.rows - 1));
  }
}
