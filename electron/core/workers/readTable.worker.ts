import { readTable, type ReadProgress, type Table } from '../import/readTable';
import { serveWorker } from './serveWorker';

export interface ReadTableInput {
  fileName: string;
  data: Uint8Array;
}

serveWorker<ReadTableInput, Table, ReadProgress>(({ fileName, data }, progress) => readTable(fileName, data, progress));
