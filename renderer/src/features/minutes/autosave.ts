/**
 * When the minutes are saved, independent of React and Lexical so the rules can be tested with
 * a fake clock: within IDLE_MS of the last keystroke, and no later than MAX_MS after the first
 * unsaved one while typing goes on; one save in flight at a time; a failed save keeps the text
 * dirty and retries with a growing pause; a flush saves now and resolves when the text is stored.
 */

export const IDLE_MS = 1000;
export const MAX_MS = 5000;
const RETRY_MS = [1000, 2000, 4000, 8000, 10_000];

export type SavePhase = 'saved' | 'dirty' | 'saving' | 'failed' | 'blocked';

export interface SaveState {
  phase: SavePhase;
  /** Clock time of the last successful save. */
  savedAt: number | null;
  /** Why the last save failed (failed: retrying; blocked: waiting for an edit or for the user). */
  error: string | null;
  /** For 'blocked': what lets saving go on ('change': the next edit; 'user': a decision). */
  waitingFor: RetryWhen | null;
  failures: number;
}

/** What the saver needs from its host. `save` rejects with a SaveError on failure. */
export interface AutosaveHost {
  serialize(): string;
  save(doc: string, closing: boolean): Promise<void>;
  /** The text could not be stored: keep it somewhere safe (the browser's own storage). */
  keepDraft?(doc: string): void;
  onState(state: SaveState): void;
  /** Resolves at a moment the page is idle (bounded): where a timed save does its heavy work. */
  whenIdle?(): Promise<void>;
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * How a failed save is retried: 'timer' for a disk or connection problem that may pass, 'change'
 * when the text itself was refused (the next edit tries again), 'user' when someone must decide
 * (another window saved newer text).
 */
export type RetryWhen = 'timer' | 'change' | 'user';

export class SaveError extends Error {
  constructor(
    message: string,
    readonly retry: RetryWhen,
  ) {
    super(message);
  }
}

export class Autosaver {
  private dirty = false;
  private firstChangeAt: number | null = null;
  private lastChangeAt = 0;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private state: SaveState = { phase: 'saved', savedAt: null, error: null, waitingFor: null, failures: 0 };
  private disposed = false;
  /** Closing flushes waiting: whichever flush saves next, the save says the editor is closing. */
  private closers = 0;

  constructor(private readonly host: AutosaveHost) {}

  get current(): SaveState {
    return this.state;
  }

  get hasUnsaved(): boolean {
    return this.dirty;
  }

  /** The document changed (a keystroke, an inserted header, a mark). */
  changed(): void {
    if (this.disposed) return;
    const now = this.host.now();
    this.dirty = true;
    this.lastChangeAt = now;
    this.firstChangeAt ??= now;
    if (this.state.phase === 'saved') this.set({ phase: 'dirty' });
    if (this.state.phase === 'blocked' && this.state.waitingFor === 'change')
      this.set({ phase: 'dirty', error: null, waitingFor: null });
    if (this.state.phase === 'blocked') return;
    if (this.state.phase !== 'failed') this.schedule();
  }

  /**
   * Saves now, after the save in flight, until nothing is unsaved (text typed meanwhile is saved
   * too). Resolves 'clean' (nothing was unsaved), 'saved', or 'failed' (a save failed: the text
   * is still unsaved and the retry is scheduled). `closing` goes with every save it makes.
   */
  async flush(closing = false): Promise<'clean' | 'saved' | 'failed'> {
    this.cancelTimer();
    if (closing) this.closers++;
    try {
      let saved = false;
      for (;;) {
        if (this.inFlight) {
          await this.inFlight;
          continue;
        }
        if (!this.dirty) return saved ? 'saved' : 'clean';
        await this.run(this.closers > 0);
        if (this.state.phase === 'failed' || this.state.phase === 'blocked') return 'failed';
        saved = true;
      }
    } finally {
      if (closing) this.closers--;
    }
  }

  /** After the user resolved a blocking problem (chose to overwrite, or the meeting reopened). */
  unblock(): void {
    if (this.state.phase !== 'blocked') return;
    this.set({ phase: this.dirty ? 'dirty' : 'saved', error: null, waitingFor: null, failures: 0 });
    if (this.dirty) this.schedule(0);
  }

  /** The host loaded another text: nothing here is unsaved any more. */
  reset(savedAt: number | null): void {
    this.cancelTimer();
    this.dirty = false;
    this.firstChangeAt = null;
    this.set({ phase: 'saved', savedAt, error: null, waitingFor: null, failures: 0 });
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  private schedule(delay?: number): void {
    this.cancelTimer();
    const now = this.host.now();
    const due = delay ?? Math.max(0, Math.min(this.lastChangeAt + IDLE_MS, (this.firstChangeAt ?? now) + MAX_MS) - now);
    this.timer = this.host.setTimeout(() => {
      this.timer = null;
      void this.run(false, true);
    }, due);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.host.clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * One save. A save the timer starts first waits for a moment the page is idle (between two
   * keystrokes), so turning 60,000 characters into JSON never holds up a keystroke's frame;
   * a flush (leaving the editor, closing, a new mark) does not wait.
   */
  private run(closing: boolean, whenIdle = false): Promise<void> {
    if (this.inFlight) return this.inFlight; // one save at a time; the timer re-arms afterwards
    if (!this.dirty) return Promise.resolve();
    const attempt = (async () => {
      if (whenIdle && this.host.whenIdle) await this.host.whenIdle();
      const doc = this.host.serialize();
      const startedAt = this.host.now();
      const firstChangeAt = this.firstChangeAt;
      this.dirty = false;
      this.firstChangeAt = null;
      this.set({ phase: 'saving' });
      try {
        await this.host.save(doc, closing);
        this.set({
          phase: this.dirty ? 'dirty' : 'saved',
          savedAt: startedAt,
          error: null,
          waitingFor: null,
          failures: 0,
        });
      } catch (e) {
        // The text is still only in the editor: dirty again, from the first unsaved change.
        this.dirty = true;
        this.firstChangeAt = Math.min(firstChangeAt ?? startedAt, this.firstChangeAt ?? Infinity);
        this.host.keepDraft?.(doc);
        const retry = e instanceof SaveError ? e.retry : 'timer';
        const message = e instanceof Error ? e.message : String(e);
        this.set({
          phase: retry === 'timer' ? 'failed' : 'blocked',
          error: message,
          waitingFor: retry === 'timer' ? null : retry,
          failures: this.state.failures + 1,
        });
      }
    })();
    this.inFlight = attempt.finally(() => {
      this.inFlight = null;
      if (this.disposed || !this.dirty) return;
      if (this.state.phase === 'failed')
        this.schedule(RETRY_MS[Math.min(this.state.failures - 1, RETRY_MS.length - 1)]);
      else if (this.state.phase !== 'blocked') this.schedule();
    });
    return this.inFlight;
  }

  private set(patch: Partial<SaveState>): void {
    this.state = { ...this.state, ...patch };
    this.host.onState(this.state);
  }
}
