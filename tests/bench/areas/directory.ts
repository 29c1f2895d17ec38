import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../electron/core';
import { rankByName } from '../../../shared/domain/personMatch';
import { type Area, type Figure, median, percentile, round, timeMany } from '../figures';
import { syntheticRoster } from '../roster';

/** The directory with a 600-person roster: import, search in the core and in the window, reopening. */
export const directoryArea: Area = {
  name: 'directory',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'bcsl-bench-'));
    try {
      const roster = syntheticRoster(600);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('名单');
      ws.addRow(['姓名', '类别', '单位', '职务']);
      roster.forEach((p) => ws.addRow([p.name, p.kind, p.unit, p.title]));
      const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');

      let core = createCore({ dataDir: dir });
      const t0 = performance.now();
      const imported = await core.invoke('person.import', { fileName: 'roster.xlsx', dataBase64 });
      const importMs = performance.now() - t0;
      if (!imported.ok || imported.value.imported !== 600)
        throw new Error(`导入失败：${JSON.stringify(imported).slice(0, 200)}`);

      const queries = ['zw', 'wang', 'lxm', '李', '海峰', 'zhangwe', 'c', 'gao m'];
      const searchCore = await timeMany(200, (i) =>
        core.invoke('person.search', { query: queries[i % queries.length], limit: 20 }),
      );

      const listed = await core.invoke('person.list', {});
      if (!listed.ok) throw new Error('列表失败');
      const people = listed.value;
      const filterWindow = await timeMany(400, (i) => rankByName(people, queries[i % queries.length], (p) => p));

      core.close();
      const opens = await timeMany(
        15,
        async () => {
          core = createCore({ dataDir: dir });
          await core.invoke('person.list', {});
          core.close();
        },
        2,
      );

      return [
        {
          key: 'directory.import_600_ms',
          label: '导入 600 人的 .xlsx 名单',
          value: round(importMs),
          unit: 'ms',
          bar: { max: 3000 },
        },
        {
          key: 'directory.search_p95_ms',
          label: '核心按拼音查找人员（600 人），p95',
          value: round(percentile(searchCore, 95)),
          unit: 'ms',
          bar: { max: 16 },
        },
        {
          key: 'directory.filter_p95_ms',
          label: '窗口内筛选 600 人（每次按键），p95',
          value: round(percentile(filterWindow, 95)),
          unit: 'ms',
          bar: { max: 4 },
        },
        {
          key: 'directory.open_median_ms',
          label: '打开数据文件并读出名单，中位数',
          value: round(median(opens)),
          unit: 'ms',
          bar: { max: 150 },
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
