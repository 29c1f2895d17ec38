import { decodeBase64File } from '../import/decodeFile';
import { readTable, type ReadProgress, type Table } from '../import/readTable';
import { serveWorker } from './serveWorker';

export interface ReadTableInput {
  fileName: string;
  /** The file as the call carried it: checked and decoded here, off the main thread. */
  dataBase64: string;
}

serveWorker<ReadTableInput, Table, ReadProgress>(({ fileName, dataBase64 }, progress) =>
  readTable(fileName, decodeBase64File(dataBase64), progress),
);
