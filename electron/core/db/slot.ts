import { AppError } from '../errors';
import { openDatabase, type Db } from './open';

/**
 * The data file as the services see it: open, not openable (a corrupt or too-new file, kept as
 * found), or briefly closed while a backup is put in its place. Services read `db` at call time,
 * so a restore swaps the connection under them without a restart.
 */
export class DatabaseSlot {
  private current: Db | undefined;
  /** Why the file could not be opened at start-up or after a restore. */
  failure: AppError | undefined;
  /** Set while a restore has the file closed. */
  private pause: string | undefined;
  /** The backup or restore under way: one at a time. */
  task: string | undefined;
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
      this.failure = e instanceof AppError ? e : new AppError('db_unreadable', `无法打开数据文件：${e instanceof Error ? e.message : String(e)}。文件未做任何改动。`);
      return false;
    }
  }

  get isOpen(): boolean {
    return this.current !== undefined;
  }

  /** The connection, or the Chinese reason there is none. */
  get db(): Db {
    if (this.pause) throw new AppError('unavailable', this.pause);
    if (!this.current) throw new AppError('unavailable', this.failure?.message ?? '数据文件未打开');
    return this.current;
  }

  /** The connection even while paused (the restore itself copies it out first). */
  get raw(): Db | undefined {
    return this.current;
  }

  /** Closes the connection and refuses every call with `reason` until `resume`. */
  suspend(reason: string): void {
    this.pause = reason;
    this.close();
  }

  resume(): void {
    this.pause = undefined;
  }

  close(): void {
    if (this.current?.open) this.current.close();
    this.current = undefined;
  }
}
