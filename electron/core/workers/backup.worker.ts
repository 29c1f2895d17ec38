import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors';
import { tasks, type TaskName } from '../backup/worker/tasks';
import { throttled, type Report } from '../backup/worker/progress';

// On Linux a nice value belongs to the thread: this one yields the CPU to the main thread, whose
// answers the projector's countdown waits for. (Elsewhere it would lower the whole process.)
if (process.platform === 'linux') setPriority(10);

/** The backup worker thread's entry (long-lived, unlike serveWorker's one-shot entries): runs each task of backup/worker/tasks.ts it is sent and posts the answer under the same id. */
parentPort!.on('message', async ({ id, task, input }: { id: number; task: TaskName; input: never }) => {
  try {
    // How far it has come goes to the main thread under the same id, a few times a second.
    const report = throttled((step, fraction) => parentPort!.postMessage({ id, progress: { step, fraction } }));
    const value = await (tasks[task] as (input: never, report: Report) => unknown)(input, report);
    parentPort!.postMessage({ id, ok: true, value });
  } catch (e) {
    parentPort!.postMessage({
      id,
      ok: false,
      code: e instanceof AppError ? e.code : 'internal',
      message: e instanceof Error ? e.message : String(e),
    });
  }
});
