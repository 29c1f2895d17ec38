import { describe, expect, it } from 'vitest';
import { Autosaver, IDLE_MS, MAX_MS, SaveError, type SaveState } from '../../renderer/src/features/minutes/autosave';

/** A fake clock and a save whose outcome each test decides. */
function setup(extra: { whenIdle?: () => Promise<void> } = {}) {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  let text = '';
  const saves: { doc: string; closing: boolean; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const drafts: string[] = [];
  const states: SaveState[] = [];
  const saver = new Autosaver({
    serialize: () => text,
    save: (doc, closing) => new Promise<void>((resolve, reject) => saves.push({ doc, closing, resolve, reject })),
    keepDraft: (doc) => drafts.push(doc),
    onState: (s) => states.push(s),
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => (timers = timers.filter((t) => t.id !== id)),
    ...extra,
  });
  /** Advances the clock, firing due timers in order. */
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > end) break;
      timers.shift();
      now = next.at;
      next.fn();
      await Promise.resolve();
    }
    now = end;
  };
  const type = (s: string) => {
    text += s;
    saver.changed();
  };
  const settle = async (i: number, ok = true, error?: unknown) => {
    if (ok) saves[i].resolve();
    else saves[i].reject(error);
    for (let k = 0; k < 5; k++) await Promise.resolve();
  };
  return { saver, saves, drafts, states, advance, type, settle, time: () => now };
}

describe('autosave', () => {
  it('saves one second after the last keystroke', async () => {
    const s = setup();
    s.type('会');
    await s.advance(500);
    s.type('议');
    await s.advance(IDLE_MS - 1);
    expect(s.saves).toHaveLength(0);
    await s.advance(1);
    expect(s.saves.map((x) => x.doc)).toEqual(['会议']);
    await s.settle(0);
    expect(s.saver.current.phase).toBe('saved');
  });

  it('saves at least every five seconds while typing goes on', async () => {
    const s = setup();
    // A keystroke every 400 ms: the one-second pause never comes.
    for (let t = 0; t < MAX_MS; t += 400) {
      s.type('字');
      await s.advance(Math.min(400, MAX_MS - 1 - t));
    }
    expect(s.saves).toHaveLength(0);
    await s.advance(1);
    expect(s.time()).toBe(MAX_MS);
    expect(s.saves).toHaveLength(1);
    await s.settle(0);
    // The next unsaved keystroke starts the next five seconds.
    const firstOfNext = s.time();
    for (let t = 0; t < MAX_MS; t += 400) {
      s.type('词');
      await s.advance(Math.min(400, MAX_MS - 1 - t));
    }
    expect(s.saves).toHaveLength(1);
    await s.advance(firstOfNext + MAX_MS - s.time());
    expect(s.saves).toHaveLength(2);
    expect(s.saves[1].doc).toContain('词'.repeat(MAX_MS / 400));
  });

  it('keeps one save in flight; what is typed meanwhile is saved right after', async () => {
    const s = setup();
    s.type('甲');
    await s.advance(IDLE_MS);
    expect(s.saves).toHaveLength(1);
    s.type('乙');
    await s.advance(IDLE_MS * 3);
    expect(s.saves).toHaveLength(1); // still waiting for the first
    await s.settle(0);
    await s.advance(IDLE_MS);
    expect(s.saves.map((x) => x.doc)).toEqual(['甲', '甲乙']);
  });

  it('a failed save keeps the text, keeps a draft, shows the error and retries until it works', async () => {
    const s = setup();
    s.type('不能丢的字');
    await s.advance(IDLE_MS);
    await s.settle(0, false, new SaveError('操作未能完成：磁盘已满。数据未做改动。', 'timer'));
    expect(s.saver.current).toMatchObject({
      phase: 'failed',
      error: '操作未能完成：磁盘已满。数据未做改动。',
      failures: 1,
    });
    expect(s.saver.hasUnsaved).toBe(true);
    expect(s.drafts).toEqual(['不能丢的字']);
    s.type('又一句');
    await s.advance(999);
    expect(s.saves).toHaveLength(1); // typing does not hammer a failing disk
    await s.advance(1);
    expect(s.saves[1].doc).toBe('不能丢的字又一句');
    await s.settle(1, false, new Error('断开'));
    await s.advance(2000);
    expect(s.saves).toHaveLength(3);
    await s.settle(2);
    expect(s.saver.current).toMatchObject({ phase: 'saved', error: null, failures: 0 });
    expect(s.saver.hasUnsaved).toBe(false);
  });

  it('a conflict blocks autosaving until the user decides, without losing the text', async () => {
    const s = setup();
    s.type('本窗口');
    await s.advance(IDLE_MS);
    await s.settle(0, false, new SaveError('其他窗口保存了更新的内容', 'user'));
    expect(s.saver.current.phase).toBe('blocked');
    s.type('继续写');
    await s.advance(60_000);
    expect(s.saves).toHaveLength(1);
    s.saver.unblock();
    await s.advance(0);
    expect(s.saves[1].doc).toBe('本窗口继续写');
  });

  it('refused text is tried again at the next edit, not on a timer', async () => {
    const s = setup();
    s.type('含其他会议标记');
    await s.advance(IDLE_MS);
    await s.settle(0, false, new SaveError('粘贴的内容含有其他会议的标记', 'change'));
    expect(s.saver.current.phase).toBe('blocked');
    await s.advance(60_000);
    expect(s.saves).toHaveLength(1);
    s.type('，已改');
    expect(s.saver.current.phase).toBe('dirty');
    await s.advance(IDLE_MS);
    expect(s.saves[1].doc).toBe('含其他会议标记，已改');
  });

  it('two flushes at once: the closing one waits for everything typed and passes its flag on', async () => {
    const s = setup();
    s.type('甲');
    await s.advance(IDLE_MS);
    s.type('乙');
    const plain = s.saver.flush();
    const closing = s.saver.flush(true);
    await s.settle(0);
    await Promise.resolve();
    expect(s.saves).toHaveLength(2);
    s.type('丙'); // typed while the second save is in flight
    await s.settle(1);
    await Promise.resolve();
    expect(s.saves[2]).toMatchObject({ doc: '甲乙丙', closing: true });
    await s.settle(2);
    // Whichever flush made the saves, neither reports a failure and nothing is left unsaved.
    expect(await closing).not.toBe('failed');
    expect(await plain).not.toBe('failed');
    expect(s.saver.hasUnsaved).toBe(false);
  });

  it('flush reports a failure and keeps the text unsaved', async () => {
    const s = setup();
    s.type('甲');
    const flushed = s.saver.flush(true);
    await s.settle(0, false, new SaveError('磁盘已满', 'timer'));
    expect(await flushed).toBe('failed');
    expect(s.saver.hasUnsaved).toBe(true);
    expect(s.drafts).toEqual(['甲']);
  });

  it('a timed save does its heavy work when the page is idle; a flush does not wait', async () => {
    let idle: (() => void) | null = null;
    const s = setup({ whenIdle: () => new Promise<void>((r) => (idle = r)) });
    s.type('甲');
    await s.advance(IDLE_MS);
    expect(s.saves).toHaveLength(0); // waiting for a gap between keystrokes
    s.type('乙');
    idle!();
    await Promise.resolve();
    await Promise.resolve();
    expect(s.saves.map((x) => x.doc)).toEqual(['甲乙']); // what was typed meanwhile goes too
    await s.settle(0);
    s.type('丙');
    const flushed = s.saver.flush();
    await Promise.resolve();
    expect(s.saves[1].doc).toBe('甲乙丙');
    await s.settle(1);
    expect(await flushed).toBe('saved');
  });

  it('a disposed saver schedules nothing more', async () => {
    const s = setup();
    s.saver.dispose();
    s.type('甲');
    await s.advance(MAX_MS * 2);
    expect(s.saves).toHaveLength(0);
  });

  it('flush saves now, after the save in flight, and reports the outcome', async () => {
    const s = setup();
    s.type('甲');
    await s.advance(IDLE_MS);
    s.type('乙');
    const flushed = s.saver.flush(true);
    await s.settle(0);
    await Promise.resolve();
    expect(s.saves[1]).toMatchObject({ doc: '甲乙', closing: true });
    await s.settle(1);
    expect(await flushed).toBe('saved');
    expect(await s.saver.flush()).toBe('clean');
  });
});
