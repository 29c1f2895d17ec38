import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import type { WorkerMessage } from './protocol';
import { workerScript } from './workerScript';

export interface RunOptions<P> {
  onProgress?: (progress: P) => void;
  /** Aborting ends the thread at once; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Buffers handed over rather than copied (the input's ArrayBuffers). */
  transfer?: ArrayBuffer[];
  /** The thread's heap bound: past it the thread ends (ERR_WORKER_OUT_OF_MEMORY), never the app. */
  memoryMb?: number;
}

/**
 * Runs the worker entry `name` (electron/core/workers/<name>.worker.ts, written with serveWorker)
 * on its own thread with `input`, so heavy work never holds up the calls of the main thread.
 * An AppError thrown in the worker comes back as an AppError with its Chinese message.
 */
export function runWorker<I, O, P = never>(name: string, input: I, options: RunOptions<P> = {}): Promise<O> {
  const { onProgress, signal, transfer, memoryMb } = options;
  return new Promise<O>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const { file, execArgv } = workerScript(name);
    const worker = new Worker(file, {
      workerData: input,
      transferList: transfer,
      execArgv,
      resourceLimits: memoryMb ? { maxOldGenerationSizeMb: memoryMb } : undefined,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      // A reader stopped early may hold open streams: the thread ends here, not when they drain.
      void worker.terminate();
      fn();
    };
    const onAbort = () => settle(() => reject(signal!.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerMessage<O, P>) => {
      if (m.kind === 'progress') onProgress?.(m.progress);
      else if (m.kind === 'done') settle(() => resolve(m.value));
      else
        settle(() =>
          reject(
            m.error.code ? new AppError(m.error.code as AppError['code'], m.error.message) : new Error(m.error.message),
          ),
        );
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) => settle(() => reject(new Error(`工作线程意外退出（代码 ${code}）`))));
  });
}
