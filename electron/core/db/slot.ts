import { AppError, refused } from '../errors';
import { openDatabase, type Db } from './open';
import type { Progress } from '../backup/worker/progress';

/** The task name of a restore: the one task that replaces the file under every connection. */
export const RESTORING = '正在从备份恢复';

/**
 * The data file as the services see it: open, or not openable (a corrupt or too-new file, kept as
 * found). Services read `db` at call time, so a restore swaps the connection under them without a
 * restart (it closes and reopens the slot within one synchronous step: no call arrives between).
 */
export class DatabaseSlot {
  private current: Db | undefined;
  /** Why the file could not be opened at start-up or after a restore. */
  failure: AppError | undefined;
  /** The backup or restore under way: one at a time. */
  task: string | undefined;
  /** Checks reading the file through their own connection (in a worker): any number at once, never during a restore's swap. */
  readers = 0;
  /** How far the task under way has come (backup.progress); `cancel` while it can still be stopped without harm. */
  progress: (Progress & { cancel?: () => void }) | undefined;
  /** Signs of damage inside an open file (a failed check, a corrupt page met by a call): shown as a banner. */
  warning: string | undefined;

  constructor(readonly file: string) {}

  /** Opens (and migrates) the file; a file that cannot be opened leaves the slot unavailable, never throws. */
  open(): boolean {
    try {
      this.current = openDatabase(this.file);
      this.failure = undefined;
      this.warning = undefined;
      return true;
    } catch (e) {
      this.current = undefined;
      // Whatever failed (a damaged page, a migration on a full disk), the app starts and says why.
      this.failure =
        e instanceof AppError
          ? e
          : new AppError(
              'db_unreadable',
              `无法打开数据文件：${e instanceof Error ? e.message : String(e)}。文件未做任何改动。`,
            );
      return false;
    }
  }

  get isOpen(): boolean {
    return this.current !== undefined;
  }

  /** Why there is no connection (Chinese), or undefined when the file is open. */
  get unavailable(): string | undefined {
    return this.current ? undefined : (this.failure?.message ?? '数据文件未打开');
  }

  /** The connection, or the Chinese reason there is none. */
  get db(): Db {
    if (!this.current) throw new AppError('unavailable', this.unavailable!);
    return this.current;
  }

  /**
   * The restore under way, if any: the one task during which the minutes' links must wait. A backup
   * copies through its own connection and takes every write made meanwhile, so links stay open then.
   */
  get replacing(): string | undefined {
    return this.task === RESTORING ? this.task : undefined;
  }

  /** The connection when open, without throwing (backups check for it themselves). */
  get raw(): Db | undefined {
    return this.current;
  }

  /** The background task under way (the daily backup), which a person's own request waits for instead of being refused. */
  private background: Promise<unknown> | undefined;

  /**
   * Runs a backup or restore; a second one while it is under way is refused with what is running,
   * except behind the app's own background work, which it waits for.
   */
  async exclusive<T>(what: string, work: () => Promise<T>, { background = false } = {}): Promise<T> {
    while (this.background && !background) await this.background.catch(() => undefined);
    if (this.task) throw refused(`${this.task}，请稍候再试`);
    this.task = what;
    this.progress = { step: what, fraction: 0 };
    let running: Promise<T> | undefined;
    try {
      running = work();
      if (background) this.background = running;
      return await running;
    } finally {
      this.task = undefined;
      this.progress = undefined;
      if (this.background === running) this.background = undefined;
    }
  }

  /**
   * Runs a check that reads the file through its own connection. Not exclusive: calls, backups and
   * other checks go on meanwhile; only a restore, which replaces the file, waits for none and is refused.
   */
  async reading<T>(work: () => Promise<T>): Promise<T> {
    if (this.task === RESTORING) throw refused(`${this.task}，请稍候再试`);
    this.readers++;
    try {
      return await work();
    } finally {
      this.readers--;
    }
  }

  close(): void {
    if (this.current?.open) this.current.close();
    this.current = undefined;
  }
}
