import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxImportBase64 } from '../../shared/domain/importLimits';
import { dumpDatabase, ok, tempCore } from '../support/tempCore';

/**
 * Every kind of cell exceljs can give, in real .xlsx files written by exceljs: each row is read as
 * the text Excel shows, or refused with its reason; bounds are said in MB and 万行; a refusal
 * changes nothing.
 */
let core: ReturnType<typeof tempCore>;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('名单'));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
const rows = (data: ExcelJS.CellValue[][]) => workbook((ws) => data.forEach((r) => ws.addRow(r)));
const importXlsx = (dataBase64: string) => core.invoke('person.import', { fileName: '名单.xlsx', dataBase64 });

async function refused(dataBase64: string): Promise<string> {
  const before = dumpDatabase(core);
  const r = await importXlsx(dataBase64);
  expect(r.ok).toBe(false);
  expect(dumpDatabase(core)).toBe(before);
  return r.ok ? '' : r.error.message;
}

const people = async () => ok(await core.invoke('person.list', {}));

describe('importing every kind of cell', () => {
  it('reads rich text, hyperlinks, dates and numbers as the text Excel shows', async () => {
    const data = await rows([
      ['姓名', '类别', '单位', '电话', '备注'],
      [
        { richText: [{ text: '王' }, { font: { bold: true }, text: '小明' }] },
        '专家学者',
        { text: '哈尔滨工业大学', hyperlink: 'https://www.hit.edu.cn' },
        13800000000,
        new Date(Date.UTC(2024, 0, 15)),
      ],
    ]);
    const report = ok(await importXlsx(data));
    expect(report).toEqual({ imported: 1, rows: 1, rejected: [], warnings: [] });
    expect((await people())[0]).toMatchObject({
      name: '王小明',
      unit: '哈尔滨工业大学',
      phone: '13800000000',
      note: '2024-01-15',
    });
    expect(JSON.stringify(await people())).not.toContain('[object Object]');
  });

  it("imports a formula's stored result only with a warning on that row", async () => {
    const data = await workbook((ws) => {
      ws.addRow(['姓名', '类别', '单位']);
      ws.addRow(['赵一', '专家学者', { formula: 'CONCATENATE("黑龙江","大学")', result: '黑龙江大学' }]);
      ws.addRow(['钱二', '专家学者', '东北林业大学']);
      // A shared formula: the master cell and one that shares it.
      ws.getCell('C4').value = {
        formula: 'C3',
        result: '东北林业大学',
        shareType: 'shared',
        ref: 'C4:C5',
      } as ExcelJS.CellFormulaValue;
      ws.getCell('A4').value = '孙三';
      ws.getCell('B4').value = '专家学者';
      ws.getCell('C5').value = { sharedFormula: 'C4', result: '东北林业大学' };
      ws.getCell('A5').value = '李四';
      ws.getCell('B5').value = '专家学者';
    });
    const report = ok(await importXlsx(data));
    expect(report.imported).toBe(4);
    expect(report.rejected).toEqual([]);
    expect(report.warnings).toEqual([
      {
        row: 2,
        name: '赵一',
        reason: '“单位”是公式（=CONCATENATE("黑龙江","大学")），导入的是文件中保存的计算结果“黑龙江大学”，请核对',
      },
      { row: 4, name: '孙三', reason: expect.stringContaining('“单位”是公式（=C3）') },
      { row: 5, name: '李四', reason: expect.stringContaining('导入的是文件中保存的计算结果“东北林业大学”') },
    ]);
    expect((await people()).find((p) => p.name === '赵一')!.unit).toBe('黑龙江大学');
  });

  it('refuses a row whose formula has no stored result, and one with an error value, importing the rest', async () => {
    const data = await rows([
      ['姓名', '类别', '单位', '电话'],
      [{ formula: 'B2&"某"' } as ExcelJS.CellFormulaValue, '专家学者', null, null],
      ['周五', '专家学者', { formula: 'VLOOKUP(A3,Sheet2!A:B,2,0)' } as ExcelJS.CellFormulaValue, null],
      ['吴六', '专家学者', null, { error: '#N/A' } as ExcelJS.CellErrorValue],
      ['郑七', '专家学者', '某大学', null],
    ]);
    const report = ok(await importXlsx(data));
    expect(report.imported).toBe(1);
    expect(report.rows).toBe(4);
    expect(report.rejected).toEqual([
      { row: 2, name: '', reason: expect.stringContaining('“姓名”是公式（=B2&"某"），文件中没有保存它的计算结果') },
      {
        row: 3,
        name: '周五',
        reason: expect.stringContaining('“单位”是公式（=VLOOKUP(A3,Sheet2!A:B,2,0)），文件中没有'),
      },
      { row: 4, name: '吴六', reason: '“电话”的单元格是错误值（#N/A），请改正后再导入' },
    ]);
    expect((await people()).map((p) => p.name)).toEqual(['郑七']);
  });

  it('names the earlier row of a duplicate within the file', async () => {
    const data = await rows([
      ['姓名', '类别', '单位'],
      ['冯志远', '专家学者', '东北林业大学'],
      ['冯志远', '专家学者', '东北林业大学'],
      ['冯志远', '专家学者', '哈尔滨工程大学'],
    ]);
    const report = ok(await importXlsx(data));
    expect(report.imported).toBe(2);
    expect(report.rejected).toEqual([{ row: 3, name: '冯志远', reason: '第3行与第2行重复（姓名、类别、单位相同）' }]);
  });

  it('says a header-only file has nothing to import, and changes nothing', async () => {
    expect(await refused(await rows([['姓名', '类别', '单位']]))).toBe('文件中没有数据行：第一行是列名，下面没有人员');
    const csv = Buffer.from('姓名,类别\n,\n').toString('base64');
    const r = await core.call('person.import', { fileName: 'a.csv', dataBase64: csv });
    expect(r.ok ? '' : r.error.message).toBe('文件中没有数据行：第一行是列名，下面没有人员');
  });

  it('refuses a damaged workbook (cut short, a cell without an address, a zip with no workbook) in Chinese', async () => {
    const good = Buffer.from(
      await rows([['姓名', '类别'], ...Array.from({ length: 300 }, (_, i) => [`人员${i}`, '专家学者'])]),
      'base64',
    );
    const zip = await JSZip.loadAsync(good);
    zip.file(
      'xl/worksheets/sheet1.xml',
      // A cell with no address: what no spreadsheet program writes.
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row><c><v>1</v></c></row></sheetData></worksheet>',
    );
    const other = new JSZip().file('hello.txt', 'hi');
    const cases: [Buffer, string][] = [
      [good.subarray(0, good.length / 2), '无法读取该 Excel 文件：文件可能已损坏或不是 .xlsx 格式'],
      [await zip.generateAsync({ type: 'nodebuffer' }), '无法读取该 Excel 文件：文件可能已损坏或不是 .xlsx 格式'],
      [await other.generateAsync({ type: 'nodebuffer' }), 'Excel 文件中没有数据'],
    ];
    for (const [data, message] of cases) expect(await refused(data.toString('base64')), `${data.length}`).toBe(message);
  });

  it('refuses an over-size file by its base64 length, in MB, before reading it', async () => {
    // 31 MB of base64 text that is no spreadsheet at all: refused for its size, not its content.
    const message = await refused('A'.repeat(maxImportBase64 + 4 * 1024 * 1024));
    expect(message).toBe('文件过大（33 MB），最多 30 MB');
  });

  it('refuses too many rows, saying how many in 万行', async () => {
    const data = await workbook((ws) => {
      ws.addRow(['姓名', '类别']);
      for (let i = 0; i < 21_000; i++) ws.addRow([`人员${i}`, '专家学者']);
    });
    expect(await refused(data)).toBe('表格行数过多（2.1 万行），最多 5000 行');
  });

  it('refuses too many rows of a CSV the same way', async () => {
    const csv = '姓名,类别\n' + Array.from({ length: 6000 }, (_, i) => `人员${i},专家学者`).join('\n');
    const before = dumpDatabase(core);
    const r = await core.invoke('person.import', {
      fileName: 'a.csv',
      dataBase64: Buffer.from(csv).toString('base64'),
    });
    expect(r.ok ? '' : r.error.message).toBe('表格行数过多（6000 行），最多 5000 行');
    expect(dumpDatabase(core)).toBe(before);
  });

  it('refuses too many cells, and stops reading once past the bound', async () => {
    const data = await workbook((ws) => {
      ws.addRow(['姓名', '类别', ...Array.from({ length: 98 }, (_, i) => `列${i}`)]);
      for (let i = 0; i < 2100; i++) ws.addRow([`人员${i}`, '专家学者', ...Array.from({ length: 98 }, () => 1)]);
    });
    expect(await refused(data)).toBe('表格单元格过多（超过 20 万个），最多 20 万个。请只保留名单所在的工作表和列');
  });
});
