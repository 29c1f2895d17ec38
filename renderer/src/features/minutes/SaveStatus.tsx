import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { MinutesProvider, SyncState } from './sync/provider';
import { onLengthSettled } from './sync/useProviderState';
import { t } from './text';

type Phase = 'saved' | 'saving' | 'offline' | 'connecting' | 'readonly';

const SHOW_SAVING_AFTER_MS = 400;

function phaseOf(link: SyncState['link'] | null, durable: boolean | null, readOnly: boolean): Phase {
  if (readOnly) return 'readonly';
  if (link === null || link === 'connecting') return durable === false ? 'offline' : 'connecting';
  if (link === 'offline') return 'offline';
  return durable ? 'saved' : 'saving';
}

const phaseNow = (provider: MinutesProvider | null, readOnly: boolean) =>
  phaseOf(provider?.state.link ?? null, provider?.state.durable ?? null, readOnly);

/**
 * The phase as shown, and the exact one on `data-phase`. A keystroke is on disk within a few
 * hundred milliseconds: 正在保存… shows only when it takes longer. The exact phase flips twice at
 * every key; it is written on the element directly, because any render of the page while the
 * editor has focus costs React a walk through all of the minutes' text (to keep the caret).
 */
function useShownPhase(provider: MinutesProvider | null, readOnly: boolean, line: RefObject<HTMLElement | null>) {
  const [shown, setShown] = useState<Phase>(() => phaseNow(provider, readOnly));
  useEffect(() => {
    let slow: ReturnType<typeof setTimeout> | undefined;
    const follow = () => {
      const phase = phaseNow(provider, readOnly);
      line.current?.setAttribute('data-phase', phase);
      if (phase === 'saving') {
        slow ??= setTimeout(() => setShown('saving'), SHOW_SAVING_AFTER_MS);
        return;
      }
      clearTimeout(slow);
      slow = undefined;
      setShown(phase);
    };
    follow();
    provider?.on('state', follow);
    return () => {
      provider?.off('state', follow);
      clearTimeout(slow);
    };
  }, [provider, readOnly, line]);
  return shown;
}

/**
 * One line under the editor: where the words are (in the data file, on their way, only in this
 * window), and how long the minutes are. It follows the provider and the editor by itself and
 * re-renders only when what it shows changes, never at every key.
 */
export function SaveStatus({
  provider,
  readOnly,
  chars: opened,
}: {
  provider: MinutesProvider | null;
  readOnly: boolean;
  /** The length when the minutes opened, until the editor says otherwise. */
  chars: number;
}) {
  const [editor] = useLexicalComposerContext();
  const [chars, setChars] = useState(opened);
  useEffect(() => onLengthSettled(editor, setChars), [editor]);
  const line = useRef<HTMLElement>(null);
  const shown = useShownPhase(provider, readOnly, line);
  const s = t.save;
  return (
    <footer ref={line} className={`minutes-status phase-${shown}`} data-testid="save-status">
      <span role="status">{s.phase[shown]}</span>
      <span className="num-left">{s.chars(chars)}</span>
    </footer>
  );
}
