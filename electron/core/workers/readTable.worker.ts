import { pinyinKeys } from '../../../shared/domain/pinyinKeys';
import { headerMap } from '../import/columns';
import { decodeBase64File } from '../import/decodeFile';
import { readTable, type ReadProgress, type Table } from '../import/readTable';
import { serveWorker } from './serveWorker';

export interface ReadTableInput {
  fileName: string;
  /** The file as the call carried it: checked and decoded here, off the main thread. */
  dataBase64: string;
}

serveWorker<ReadTableInput, Table, ReadProgress>(async ({ fileName, dataBase64 }, progress) => {
  const table = await readTable(fileName, decodeBase64File(dataBase64), progress);
  return { ...table, namePinyin: namePinyin(table) };
});

/** Pinyin of every name in the 姓名 column: 600 names take a good 0.2 s, better spent here than in the write. */
function namePinyin(table: Table): Record<string, string> {
  const col = headerMap(table.header).get('姓名');
  const keys: Record<string, string> = {};
  if (col === undefined) return keys;
  for (const row of table.rows) {
    const name = row.cells[col];
    if (name && !(name in keys)) keys[name] = pinyinKeys(name);
  }
  return keys;
}
