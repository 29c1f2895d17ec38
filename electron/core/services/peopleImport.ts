import { PersonInput } from '../../../shared/contract/directory';
import { describeZodError } from '../../../shared/contract/issues';
import { base64Bytes, importLimits, importMessages } from '../../../shared/domain/importLimits';
import {
  importColumns,
  normalisePersonKind,
  unitKindNames,
  type ImportColumn,
  type UnitKind,
} from '../../../shared/domain/people';
import type { QueryCtx } from '../context';
import { AppError, badInput } from '../errors';
import { handlers } from '../handler';
import type { PersonFields } from '../data/people';
import type { CellIssue } from '../import/cellText';
import { headerMap } from '../import/columns';
import type { ReadProgress, Table, TableRow } from '../import/readTable';
import type { ReadTableInput } from '../workers/readTable.worker';
import { runWorker } from '../workers/runWorker';
import { addPerson } from './people';
import { unitIdByName } from './units';

interface RowNote {
  row: number;
  name: string;
  reason: string;
}

/** A file that takes longer than this to read is given up (a zip bomb, or something that is no roster). */
const READ_TIMEOUT_MS = 60_000;
/** The reading thread's heap: a 30 MB roster within the row and cell bounds needs far less. */
const READ_MEMORY_MB = 512;

/**
 * Imports people from a roster. Each row is checked with the same schema and rules as the form;
 * the good rows are written in one transaction, the bad ones come back with their row number (as
 * Excel shows it) and the reason. A file that cannot be read at all writes nothing.
 */
export const importHandlers = handlers({
  'person.import': {
    prepare: ({ fileName, dataBase64 }): Promise<Table> => {
      // Said before a byte is decoded: the size follows from the base64 length.
      const size = base64Bytes(dataBase64.length);
      if (size > importLimits.bytes) throw badInput(importMessages.tooLarge(size));
      return readInWorker(fileName, dataBase64);
    },
    run: (_input, ctx, table: Table) => {
      const cols = headerMap(table.header);
      if (!cols.has('姓名') || !cols.has('类别')) {
        throw badInput(`第一行应为列名，至少包括“姓名”和“类别”。可用的列：${importColumns.join('、')}`);
      }
      if (!table.rows.length) throw badInput(importMessages.noRows);
      const cell = (row: string[], col: ImportColumn) => (cols.has(col) ? (row[cols.get(col)!] ?? '') : '');
      const columnAt = new Map([...cols].map(([col, i]) => [i + 1, col]));

      const rejected: RowNote[] = [];
      const warnings: RowNote[] = [];
      // The rows already imported, by what makes two entries the same person (as the directory's twin check).
      const seen = new Map<string, number>();
      let imported = 0;
      for (const row of table.rows) {
        const name = cell(row.cells, '姓名');
        try {
          const notes = cellNotes(row, columnAt);
          const person = rowToPerson(ctx, row.cells, cell);
          const key = twinKey(person);
          const earlier = seen.get(key);
          if (earlier !== undefined) throw badInput(`第${row.n}行与第${earlier}行重复（姓名、类别、单位相同）`);
          addPerson(ctx, person, table.namePinyin?.[person.name]);
          seen.set(key, row.n);
          imported++;
          for (const reason of notes) warnings.push({ row: row.n, name, reason });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          rejected.push({ row: row.n, name, reason: e.message });
        }
      }
      return { imported, rows: table.rows.length, rejected, warnings };
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

/**
 * Decodes and reads the file on a worker thread, so every other call keeps answering while a large
 * one is parsed (even checking 40 MB of base64 takes a good part of a second).
 */
function readInWorker(fileName: string, dataBase64: string): Promise<Table> {
  const stop = new AbortController();
  const timer = setTimeout(
    () => stop.abort(badInput('读取文件超过 60 秒，已停止：文件过于复杂，请只保留人员名单后再导入')),
    READ_TIMEOUT_MS,
  );
  timer.unref();
  return runWorker<ReadTableInput, Table, ReadProgress>(
    'readTable',
    { fileName, dataBase64 },
    { signal: stop.signal, memoryMb: READ_MEMORY_MB },
  )
    .catch((e: unknown) => {
      // A file that unpacks to far more than it weighs (shared strings by the million) ends only its thread.
      if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
        throw badInput(`读取该文件需要超过 ${READ_MEMORY_MB} MB 内存，已停止：请只保留人员名单后再导入`);
      throw e;
    })
    .finally(() => clearTimeout(timer));
}

/**
 * What the row's cells say beyond their text, for the columns the import reads: a formula without
 * a stored result or an error value refuses the row; a formula's stored result is imported with a warning.
 */
function cellNotes(row: TableRow, columnAt: Map<number, ImportColumn>): string[] {
  const warnings: string[] = [];
  for (const issue of row.issues ?? []) {
    const column = columnAt.get(issue.col);
    if (!column) continue;
    if (issue.kind === 'no_value') throw badInput(noValue(column, issue));
    if (issue.kind === 'error') throw badInput(`“${column}”的单元格是错误值（${issue.detail}），请改正后再导入`);
    warnings.push(
      `“${column}”是公式（${issue.detail}），导入的是文件中保存的计算结果“${row.cells[issue.col - 1] ?? ''}”，请核对`,
    );
  }
  return warnings;
}

const noValue = (column: ImportColumn, issue: CellIssue) =>
  `“${column}”是公式（${issue.detail}），文件中没有保存它的计算结果。请在 Excel 或 WPS 中打开并保存该文件，或把公式改为数值后再导入`;

const twinKey = (p: Pick<PersonFields, 'name' | 'kind' | 'unit' | 'departmentId' | 'sectorId'>) =>
  JSON.stringify([p.name, p.kind, p.unit ?? '', p.departmentId ?? null, p.sectorId ?? null]);
