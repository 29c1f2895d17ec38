import { readTable, type Table } from '../import/readTable';
import { serveWorker } from './serveWorker';

export interface ReadTableInput {
  fileName: string;
  data: Uint8Array;
}

serveWorker<ReadTableInput, Table>(({ fileName, data }) => readTable(fileName, data));
