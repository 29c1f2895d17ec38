import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors';
import type { WorkerMessage } from './protocol';

/** The worker side of runWorker: does `work` with the thread's input and posts the answer back. */
export function serveWorker<I, O, P = never>(work: (input: I, progress: (p: P) => void) => O | Promise<O>): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorker runs only inside a worker thread');
  const post = (m: WorkerMessage<O, P>) => port.postMessage(m);
  Promise.resolve()
    .then(() => work(workerData as I, (progress) => post({ kind: 'progress', progress })))
    .then(
      (value) => post({ kind: 'done', value }),
      (e: unknown) =>
        post({
          kind: 'failed',
          error:
            e instanceof AppError
              ? { message: e.message, code: e.code }
              : { message: String(e instanceof Error ? e.stack : e) },
        }),
    );
}
