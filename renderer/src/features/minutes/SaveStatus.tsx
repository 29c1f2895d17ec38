import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useState } from 'react';
import type { MinutesProvider, SyncState } from './sync/provider';
import { onLengthSettled, useProviderState } from './sync/useProviderState';
import { t } from './text';

type Phase = 'saved' | 'saving' | 'offline' | 'connecting' | 'readonly';

const SHOW_SAVING_AFTER_MS = 400;

function phaseOf(link: SyncState['link'] | null, durable: boolean | null, readOnly: boolean): Phase {
  if (readOnly) return 'readonly';
  if (link === null || link === 'connecting') return durable === false ? 'offline' : 'connecting';
  if (link === 'offline') return 'offline';
  return durable ? 'saved' : 'saving';
}

/**
 * One line under the editor: where the words are (in the data file, on their way, only in this
 * window), and how long the minutes are. It follows the provider and the editor by itself, so a
 * keystroke re-renders this line and nothing else.
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
  const link = useProviderState(provider, (s) => s.link);
  const durable = useProviderState(provider, (s) => s.durable);
  const s = t.save;
  const phase = phaseOf(link, durable, readOnly);
  // A keystroke is on disk within a few hundred milliseconds: 正在保存… shows only when it takes
  // longer, so the line does not flicker (and repaint) at every key. data-phase is the exact state.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (phase !== 'saving') return setSlow(false);
    const timer = setTimeout(() => setSlow(true), SHOW_SAVING_AFTER_MS);
    return () => clearTimeout(timer);
  }, [phase]);
  const shown = phase === 'saving' && !slow ? 'saved' : phase;
  return (
    <footer className={`minutes-status phase-${shown}`} data-testid="save-status" data-phase={phase}>
      <span role="status">{s.phase[shown]}</span>
      <span className="num-left">{s.chars(chars)}</span>
    </footer>
  );
}
