import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors';
import type { ReadProgress, Table } from '../../electron/core/import/readTable';
import type { ReadTableInput } from '../../electron/core/workers/readTable.worker';
import { runWorker } from '../../electron/core/workers/runWorker';
import { ok, tempCore } from '../support/tempCore';

/**
 * The spreadsheet is read on a worker thread, here from the TypeScript sources (vitest): the
 * worker answers with progress and a table, passes its Chinese refusals back as AppErrors, stops
 * on abort, and the core keeps answering other calls while a large file is read.
 */
async function roster(n: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '类别', '单位']);
  for (let i = 0; i < n; i++) ws.addRow([`人员${i}`, '专家学者', `单位${i}`]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading a spreadsheet on a worker thread', () => {
  let big: Uint8Array;
  beforeAll(async () => {
    big = await roster(4000);
  });

  it('answers with the table and reports progress on the way', async () => {
    const progress: ReadProgress[] = [];
    const table = await runWorker<ReadTableInput, Table, ReadProgress>(
      'readTable',
      { fileName: 'a.xlsx', dataBase64: Buffer.from(big).toString('base64') },
      { onProgress: (p) => progress.push(p) },
    );
    expect(table.header).toEqual(['姓名', '类别', '单位']);
    expect(table.rows).toHaveLength(4000);
    expect(table.rows[0]).toEqual({ n: 2, cells: ['人员0', '专家学者', '单位0'] });
    expect(progress.map((p) => p.rows)).toEqual([1000, 2000, 3000, 4000]);
  });

  it("passes the worker's refusal back as an AppError with its Chinese message", async () => {
    const err = await runWorker('readTable', { fileName: 'a.xlsx', dataBase64: 'AQID' }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'bad_input', message: expect.stringContaining('无法读取该 Excel 文件') });
  });

  it('stops when aborted', async () => {
    const stop = new AbortController();
    const reading = runWorker(
      'readTable',
      { fileName: 'a.xlsx', dataBase64: Buffer.from(big).toString('base64') },
      { signal: stop.signal },
    );
    stop.abort(new Error('取消'));
    await expect(reading).rejects.toThrow('取消');
  });

  it('ends only its own thread when the file needs more memory than allowed', async () => {
    const reading = runWorker(
      'readTable',
      { fileName: 'a.xlsx', dataBase64: Buffer.from(big).toString('base64') },
      { memoryMb: 4 },
    );
    await expect(reading).rejects.toMatchObject({ code: 'ERR_WORKER_OUT_OF_MEMORY' });
  });

  describe('while the core imports a large file', () => {
    const core = tempCore();
    afterAll(() => core.dispose());

    it('keeps answering other calls', async () => {
      const dataBase64 = Buffer.from(big).toString('base64');
      let done = false;
      const importing = core.invoke('person.import', { fileName: 'a.xlsx', dataBase64 }).finally(() => (done = true));
      let answeredDuring = 0;
      while (!done) {
        ok(await core.invoke('app.health', {}));
        if (!done) answeredDuring++;
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(ok(await importing).imported).toBe(4000);
      // Parsing on the main thread would have answered none of them until the import was done.
      expect(answeredDuring).toBeGreaterThan(10);
    });
  });
});
