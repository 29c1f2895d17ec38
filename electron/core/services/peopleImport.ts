import { PersonInput } from '../../../shared/contract/directory';
import { describeZodError } from '../../../shared/contract/issues';
import {
  importColumnAliases,
  importColumns,
  normalisePersonKind,
  unitKindNames,
  type ImportColumn,
  type UnitKind,
} from '../../../shared/domain/people';
import type { QueryCtx } from '../context';
import { AppError, badInput } from '../errors';
import { handlers } from '../handler';
import { MAX_ROWS, readTable, type Table } from '../import/readTable';
import { addPerson } from './people';
import { unitIdByName } from './units';

interface Rejection {
  row: number;
  name: string;
  reason: string;
}

/** Maps header cells to template columns; unknown headers are ignored. */
function headerMap(header: string[]): Map<ImportColumn, number> {
  const map = new Map<ImportColumn, number>();
  header.forEach((h, i) => {
    const col = importColumnAliases[h.replace(/[\s*＊]/g, '')];
    if (col && !map.has(col)) map.set(col, i);
  });
  return map;
}

/**
 * Imports people from a roster. Each row is checked with the same schema and rules as the form;
 * the good rows are written in one transaction, the bad ones come back with their row number (as
 * Excel shows it) and the reason. A file that cannot be read at all writes nothing.
 */
export const importHandlers = handlers({
  'person.import': {
    prepare: async ({ fileName, dataBase64 }): Promise<Table> => {
      const data = Buffer.from(dataBase64, 'base64');
      if (!data.length) throw badInput('文件是空的');
      return readTable(fileName, data);
    },
    run: (_input, ctx, table: Table) => {
      const cols = headerMap(table[0] ?? []);
      if (!cols.has('姓名') || !cols.has('类别')) {
        throw badInput(`第一行应为列名，至少包括“姓名”和“类别”。可用的列：${importColumns.join('、')}`);
      }
      const body = table.slice(1);
      if (body.length > MAX_ROWS) throw badInput(`文件行数过多（${body.length} 行），一次最多导入 ${MAX_ROWS} 行`);
      const cell = (row: string[], col: ImportColumn) => (cols.has(col) ? (row[cols.get(col)!] ?? '') : '');

      const rejected: Rejection[] = [];
      let imported = 0;
      let rows = 0;
      body.forEach((row, i) => {
        const rowNo = i + 2; // as Excel numbers it: the header is row 1
        if (row.every((c) => !c)) return;
        rows++;
        const name = cell(row, '姓名');
        try {
          const person = rowToPerson(ctx, row, cell);
          addPerson(ctx, person);
          imported++;
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          rejected.push({ row: rowNo, name, reason: e.message });
        }
      });
      return { imported, rows, rejected };
    },
  },
});

function rowToPerson(ctx: QueryCtx, row: string[], cell: (row: string[], col: ImportColumn) => string) {
  const kindText = cell(row, '类别');
  const kind = normalisePersonKind(kindText);
  if (!kindText) throw badInput('缺少“类别”');
  if (!kind)
    throw badInput(`类别“${kindText}”不认识，应为：委员、部门代表、专家学者、群众代表、企业/管理单位代表、工作人员`);
  const ref = (col: ImportColumn, unitKind: UnitKind): number | null => {
    const text = cell(row, col);
    if (!text) return null;
    const found = unitIdByName(ctx, unitKind, text);
    if (!found)
      throw badInput(`${unitKindNames[unitKind]}“${text}”不在名录中，请先在“${unitKindNames[unitKind]}”中添加`);
    if (found.retired) throw badInput(`${unitKindNames[unitKind]}“${text}”已停用`);
    return found.id;
  };
  const raw = {
    name: cell(row, '姓名'),
    kind,
    sectorId: ref('界别', 'sector'),
    committeeId: ref('专委会', 'committee'),
    departmentId: ref('部门', 'department'),
    unit: cell(row, '单位'),
    title: cell(row, '职务'),
    phone: cell(row, '电话'),
    note: cell(row, '备注'),
  };
  const parsed = PersonInput.safeParse(raw);
  if (!parsed.success) throw badInput(describeZodError(parsed.error, PersonInput, raw));
  return parsed.data;
}
