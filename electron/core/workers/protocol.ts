/** What a worker thread posts back to the thread that started it. */
export type WorkerMessage<O, P> =
  | { kind: 'progress'; progress: P }
  | { kind: 'done'; value: O }
  | {
      kind: 'failed';
      error: { message: string; /** An AppError's code: the caller rethrows it as one. */ code?: string };
    };
