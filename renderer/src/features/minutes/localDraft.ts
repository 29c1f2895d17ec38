/**
 * The last line of defence for typed text: when a save fails, or the page goes away with text
 * not yet saved, the document is kept in the browser's own storage until a save succeeds.
 * Keyed by data file and meeting, so another data file's meeting 3 never picks it up.
 */
export interface Draft {
  doc: string;
  /** The stored version the text was based on. */
  baseVersion: number;
  /** When it was kept (ms since epoch). */
  at: number;
  /**
   * The data file's generation when it was kept (a restore gives the file a new one): a draft from
   * before a restore is offered, never saved over the restored text unasked.
   */
  generation?: string;
}

export class LocalDraft {
  private readonly key: string;

  constructor(
    dataFile: string,
    meetingId: number,
    readonly generation = '',
  ) {
    this.key = `bcsl.minutes.draft:${dataFile}:${meetingId}`;
  }

  read(): Draft | null {
    try {
      const raw = localStorage.getItem(this.key);
      if (!raw) return null;
      const d = JSON.parse(raw) as Partial<Draft>;
      return typeof d.doc === 'string' && typeof d.baseVersion === 'number' && typeof d.at === 'number'
        ? (d as Draft)
        : null;
    } catch {
      return null;
    }
  }

  keep(doc: string, baseVersion: number): void {
    try {
      localStorage.setItem(
        this.key,
        JSON.stringify({ doc, baseVersion, at: Date.now(), generation: this.generation } satisfies Draft),
      );
    } catch {
      // Storage full or disabled: the editor still holds the text and saving keeps retrying.
    }
  }

  drop(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      // nothing kept, nothing to drop
    }
  }
}
