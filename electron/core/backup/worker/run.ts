import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors';
import { workerScript } from '../../workers/workerScript';
import type { TaskName, Tasks } from './tasks';

type Answer = { id: number; ok: true; value: never } | { id: number; ok: false; code: string; message: string };
interface Pending {
  resolve(value: never): void;
  reject(e: Error): void;
}

/**
 * One worker thread for the process, started on first use (starting one costs up to a second
 * from sources) and kept; it does not hold the process open while idle. Tasks run one after
 * another in it: the main thread is never the one waiting.
 */
class BackupWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  run(task: TaskName, input: unknown): Promise<never> {
    const worker = this.start();
    const id = this.nextId++;
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, task, input });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // Found as every worker entry is: built beside the bundle, or the source through tsx (workers/workerScript.ts).
    const { file, execArgv } = workerScript('backup');
    const worker = new Worker(file, { execArgv });
    worker.on('message', (m: Answer) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (!p) return;
      if (m.ok) p.resolve(m.value);
      else p.reject(m.code === 'internal' ? new Error(m.message) : new AppError(m.code as AppError['code'], m.message));
    });
    const fail = (why: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const p of this.pending.values()) p.reject(why);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`后台任务线程意外结束（退出码 ${code}）`)));
    this.worker = worker;
    return worker;
  }
}

const shared = new BackupWorker();

/** Runs one task of tasks.ts in the worker thread: the main thread keeps answering calls meanwhile. */
export function runInWorker<T extends TaskName>(
  task: T,
  input: Parameters<Tasks[T]>[0],
): Promise<Awaited<ReturnType<Tasks[T]>>> {
  return shared.run(task, input);
}
