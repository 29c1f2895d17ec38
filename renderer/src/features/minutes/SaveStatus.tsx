import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useState } from 'react';
import type { MinutesProvider, SyncState } from './sync/provider';
import { onLengthSettled, useProviderState } from './sync/useProviderState';
import { t } from './text';

type Phase = 'saved' | 'saving' | 'offline' | 'connecting' | 'readonly';

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
  return (
    <footer className={`minutes-status phase-${phase}`} data-testid="save-status" data-phase={phase}>
      <span role="status">{s.phase[phase]}</span>
      <span className="num-left">{s.chars(chars)}</span>
    </footer>
  );
}
