import { Worker } from 'node:worker_threads';
import { AppError, refused } from '../../errors';
import type { Progress } from './progress';
import { workerScript } from '../../workers/workerScript';
import type { TaskName, Tasks } from './tasks';

type Answer =
  | { id: number; ok: true; value: never }
  | { id: number; ok: false; code: string; message: string }
  | { id: number; progress: Progress };
interface Pending {
  resolve(value: never): void;
  reject(e: Error): void;
  onProgress?: (p: Progress) => void;
}

export interface RunOptions {
  /** Told how far the task has come, a few times a second. */
  onProgress?: (p: Progress) => void;
  /** Aborting stops the thread mid-task (a new one starts for the next task): the caller cleans up its files. */
  signal?: AbortSignal;
  /** The refusal a stopped task rejects with. */
  cancelled?: string;
}

/**
 * One worker thread for the process, started on first use (starting one costs up to a second
 * from sources) and kept; it does not hold the process open while idle. Tasks run one after
 * another in it: the main thread is never the one waiting.
 */
class BackupWorker {
  /** The thread and the tasks sent to it: each thread its own, so a stopped one takes only its own tasks along. */
  private current: { worker: Worker; pending: Map<number, Pending> } | undefined;
  private nextId = 1;

  run(task: TaskName, input: unknown, { onProgress, signal, cancelled = '已取消' }: RunOptions = {}): Promise<never> {
    const thread = this.start();
    const { worker, pending } = thread;
    const id = this.nextId++;
    worker.ref();
    return new Promise((resolve, reject) => {
      const stop = () => {
        if (!pending.delete(id)) return;
        reject(refused(cancelled));
        // SQLite's work in the thread cannot be interrupted from here: the thread goes, and with it the
        // task; the next task starts a new one.
        if (this.current === thread) this.current = undefined;
        void worker.terminate();
      };
      pending.set(id, {
        resolve: (v) => (signal?.removeEventListener('abort', stop), resolve(v)),
        reject: (e) => (signal?.removeEventListener('abort', stop), reject(e)),
        onProgress,
      });
      signal?.addEventListener('abort', stop, { once: true });
      worker.postMessage({ id, task, input });
    });
  }

  private start() {
    if (this.current) return this.current;
    // Found as every worker entry is: built beside the bundle, or the source through tsx (workers/workerScript.ts).
    const { file, execArgv } = workerScript('backup');
    const worker = new Worker(file, { execArgv });
    const pending = new Map<number, Pending>();
    const thread = { worker, pending };
    worker.on('message', (m: Answer) => {
      if ('progress' in m) return pending.get(m.id)?.onProgress?.(m.progress);
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (pending.size === 0) worker.unref();
      if (!p) return;
      if (m.ok) p.resolve(m.value);
      else p.reject(m.code === 'internal' ? new Error(m.message) : new AppError(m.code as AppError['code'], m.message));
    });
    const fail = (why: Error) => {
      if (this.current === thread) this.current = undefined;
      for (const p of pending.values()) p.reject(why);
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`后台任务线程意外结束（退出码 ${code}）`)));
    this.current = thread;
    return thread;
  }
}

const shared = new BackupWorker();

/** Runs one task of tasks.ts in the worker thread: the main thread keeps answering calls meanwhile. */
export function runInWorker<T extends TaskName>(
  task: T,
  input: Parameters<Tasks[T]>[0],
  options?: RunOptions,
): Promise<Awaited<ReturnType<Tasks[T]>>> {
  return shared.run(task, input, options);
}
