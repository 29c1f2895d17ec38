import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDatabase, ok, tempCore } from '../support/tempCore';

let core: ReturnType<typeof tempCore>;
beforeEach(async () => {
  core = tempCore();
  ok(await core.invoke('unit.save', { kind: 'sector', name: '民建' }));
  ok(await core.invoke('unit.save', { kind: 'committee', name: '经济委员会', shortName: '经济委' }));
  ok(await core.invoke('unit.save', { kind: 'department', name: '市交通运输局', shortName: '市交通局' }));
});
afterEach(() => core.dispose());

async function xlsx(rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const importFile = (fileName: string, dataBase64: string) => core.call('person.import', { fileName, dataBase64 });

describe('importing people', () => {
  it('imports the good rows of an .xlsx and lists the bad ones with row number and reason', async () => {
    const data = await xlsx([
      ['姓名', '类别', '界别', '专委会', '部门', '单位', '职务', '电话'],
      ['赵立新', '委员', '民建', '经济委', null, '立新建设集团', '董事长', 13800000000],
      ['钱多多', '委员', '不存在的界别', null, null, '某公司', '经理', null],
      [null, null, null, null, null, null, null, null],
      ['孙晓梅', '政协委员', '民建', null, null, '哈工大', '教授', null],
      ['李处长', '部门代表', null, null, '市交通局', null, '处长', null],
      ['', '专家学者', null, null, null, '某大学', null, null],
      ['周某', '外星人', null, null, null, null, null, null],
    ]);
    const result = await importFile('名单.xlsx', data);
    const report = ok(result as never) as {
      imported: number;
      rows: number;
      rejected: { row: number; name: string; reason: string }[];
    };
    expect(report.imported).toBe(3);
    expect(report.rows).toBe(6); // the empty row is not counted
    expect(report.rejected).toEqual([
      { row: 3, name: '钱多多', reason: '界别“不存在的界别”不在名录中，请先在“界别”中添加' },
      { row: 7, name: '', reason: '“姓名”不能为空' },
      { row: 8, name: '周某', reason: expect.stringContaining('类别“外星人”不认识') },
    ]);
    const people = ok(await core.invoke('person.list', {}));
    const zhao = people.find((p) => p.name === '赵立新')!;
    expect(zhao).toMatchObject({ kind: '委员', phone: '13800000000', title: '董事长' });
    expect(zhao.committeeId).not.toBeNull();
    expect(people.find((p) => p.name === '孙晓梅')!.kind).toBe('委员');
    expect(people.find((p) => p.name === '李处长')!.departmentId).not.toBeNull();
  });

  it('reads CSV in UTF-8 with a BOM and in GBK as Excel saves it on Chinese Windows', async () => {
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('姓名,类别,单位\n王五,群众代表,"道里区,中央大街社区"\n'),
    ]);
    const r1 = ok(await core.invoke('person.import', { fileName: 'a.CSV', dataBase64: utf8.toString('base64') }));
    expect(r1).toEqual({ imported: 1, rows: 1, rejected: [], warnings: [] });
    expect(ok(await core.invoke('person.list', {})).find((p) => p.name === '王五')!.unit).toBe('道里区,中央大街社区');
    // "姓名,类别\n张伟,专家学者" in GBK
    const gbk = Buffer.from([
      0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xc0, 0xe0, 0xb1, 0xf0, 0x0a, 0xd5, 0xc5, 0xce, 0xb0, 0x2c, 0xd7, 0xa8, 0xbc, 0xd2,
      0xd1, 0xa7, 0xd5, 0xdf,
    ]);
    const r2 = ok(await core.invoke('person.import', { fileName: 'gbk.csv', dataBase64: gbk.toString('base64') }));
    expect(r2.imported).toBe(1);
    expect(ok(await core.invoke('person.list', {})).map((p) => p.name)).toContain('张伟');
  });

  it('rejects a duplicate row against the directory and against an earlier row of the file', async () => {
    ok(await core.invoke('person.save', { name: '冯志远', kind: '专家学者', unit: '东北林业大学' }));
    const csv = '姓名,类别,单位\n冯志远,专家学者,东北林业大学\n新人,专家学者,某大学\n新人,专家学者,某大学\n';
    const r = ok(
      await core.invoke('person.import', { fileName: 'd.csv', dataBase64: Buffer.from(csv).toString('base64') }),
    );
    expect(r.imported).toBe(1);
    expect(r.rejected.map((x) => x.row)).toEqual([2, 4]);
    expect(r.rejected[0].reason).toContain('名录中已有“冯志远”');
  });

  it('writes nothing when the file cannot be read, and says why in Chinese', async () => {
    const before = dumpDatabase(core);
    const cases: [string, Buffer, RegExp][] = [
      ['坏.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'), /无法读取该 Excel 文件/],
      ['名单.xls', Buffer.from('old'), /旧版 Excel/],
      ['名单.pdf', Buffer.from('%PDF'), /不支持“\.pdf”文件/],
      ['无表头.csv', Buffer.from('张三,委员\n'), /第一行应为列名/],
      ['空.csv', Buffer.alloc(0), /文件是空的/],
    ];
    for (const [name, data, message] of cases) {
      const r = await importFile(name, data.toString('base64'));
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.error.message).toMatch(message);
    }
    expect(dumpDatabase(core)).toBe(before);
  });

  it('is all or nothing: a failure while writing leaves no row behind', async () => {
    // A trigger makes the third insert fail in the middle of the import's transaction.
    core.db.exec(
      `CREATE TEMP TRIGGER boom BEFORE INSERT ON person WHEN NEW.name = '第三' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;`,
    );
    const before = dumpDatabase(core);
    const csv = '姓名,类别\n第一,专家学者\n第二,专家学者\n第三,专家学者\n';
    const r = await importFile('x.csv', Buffer.from(csv).toString('base64'));
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.message).toContain('数据未做改动');
    expect(dumpDatabase(core)).toBe(before);
  });
});
