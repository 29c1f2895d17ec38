import type { SyncState } from './sync/provider';
import { t } from './text';

type Phase = 'saved' | 'saving' | 'offline' | 'connecting' | 'readonly';

function phaseOf(state: SyncState | null, readOnly: boolean): Phase {
  if (readOnly) return 'readonly';
  if (!state || state.link === 'connecting') return state && !state.durable ? 'offline' : 'connecting';
  if (state.link === 'offline') return 'offline';
  return state.durable ? 'saved' : 'saving';
}

/** One line under the editor: where the words are (in the data file, on their way, only in this window), and how long the minutes are. */
export function SaveStatus({ state, readOnly, chars }: { state: SyncState | null; readOnly: boolean; chars: number }) {
  const s = t.save;
  const phase = phaseOf(state, readOnly);
  return (
    <footer className={`minutes-status phase-${phase}`} data-testid="save-status" data-phase={phase}>
      <span role="status">{s.phase[phase]}</span>
      <span className="num-left">{s.chars(chars)}</span>
    </footer>
  );
}
