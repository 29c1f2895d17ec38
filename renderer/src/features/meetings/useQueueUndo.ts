import { useEffect, useState } from 'react';
import type { Speech } from '../../../../shared/contract/meetings';
import { nextWaiting, undoStartLeftMs } from '../../../../shared/domain/queueOrder';
import { useToast } from '../../components/Toasts';
import { useAction } from '../../lib/query';
import { t } from './text';

/** How long the bar offering to take back a withdrawal stays. */
const WITHDRAW_UNDO_MS = 30_000;

export interface QueueUndo {
  /** Speeches started moments before `now`, whose start can still be taken back (latest first), and the ms left. */
  recentAt(now: number): { speech: Speech; leftMs: number }[];
  /** The speech withdrawn moments ago, while the bar offers it back. */
  withdrawn: Speech | null;
  withdraw(speech: Speech): void;
  undoStart(speech: Speech): void;
  restore(speech: Speech): void;
  /** Takes back the latest start, else the recent withdrawal; false when there is nothing to undo. */
  undo(): boolean;
  /** Moves an absent speaker to the end of the line: the one just started, else the next in line. */
  skip(speech?: Speech): void;
}

/**
 * Mistakes in the heat of a meeting cost one key: a start (an absent speaker, the wrong row) can
 * be taken back for a few seconds, a withdrawal at any time. What is undoable is read off the
 * queue itself, so a start made in another window can be taken back here too.
 */
export function useQueueUndo(entries: readonly Speech[]): QueueUndo {
  const toast = useToast();
  const undoStart = useAction('queue.undoStart');
  const skipCall = useAction('queue.skip');
  const restoreCall = useAction('queue.restore');
  const withdrawCall = useAction('queue.withdraw');
  const [withdrawnAt, setWithdrawnAt] = useState<{ id: number; at: number } | null>(null);

  // N pressed twice over an absent speaker leaves two recent starts: both can be taken back.
  const recentAt = (now: number) =>
    entries
      .map((speech) => ({
        speech,
        leftMs: speech.state !== '等待' && speech.intervals[0] ? undoStartLeftMs(speech.intervals[0].from, now) : 0,
      }))
      .filter((r) => r.leftMs > 0)
      .sort((a, b) => b.leftMs - a.leftMs);
  // The bar goes by itself when its time is up: no clock ticks for it.
  useEffect(() => {
    if (!withdrawnAt) return;
    const timer = setTimeout(() => setWithdrawnAt(null), withdrawnAt.at + WITHDRAW_UNDO_MS - Date.now());
    return () => clearTimeout(timer);
  }, [withdrawnAt]);
  const withdrawnSpeech = withdrawnAt
    ? (entries.find((e) => e.id === withdrawnAt.id && e.state === '撤回') ?? null)
    : null;

  const takeBack = (speech: Speech) =>
    undoStart.mutate({ id: speech.id }, { onSuccess: () => toast(t.undo.undone(speech.name)) });
  const restore = (speech: Speech) =>
    restoreCall.mutate(
      { id: speech.id },
      { onSuccess: () => (setWithdrawnAt(null), toast(t.undo.restored(speech.name))) },
    );

  return {
    recentAt,
    withdrawn: withdrawnSpeech,
    withdraw: (speech) =>
      withdrawCall.mutate({ id: speech.id }, { onSuccess: () => setWithdrawnAt({ id: speech.id, at: Date.now() }) }),
    restore,
    undoStart: takeBack,
    undo: () => {
      const recent = recentAt(Date.now());
      if (recent[0]) takeBack(recent[0].speech);
      else if (withdrawnSpeech) restore(withdrawnSpeech);
      else return false;
      return true;
    },
    skip: (speech) => {
      const target = speech ?? recentAt(Date.now())[0]?.speech ?? nextWaiting(entries);
      if (target) skipCall.mutate({ id: target.id }, { onSuccess: () => toast(t.undo.skipped(target.name)) });
    },
  };
}
