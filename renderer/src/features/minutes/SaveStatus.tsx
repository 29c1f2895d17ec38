import { clockTime } from '../../lib/dates';
import type { SaveState } from './autosave';
import { t } from './text';

/** One line under the editor: is everything stored, and how long the minutes are. */
export function SaveStatus({ state, chars }: { state: SaveState; chars: number }) {
  const s = t.save;
  const text =
    state.phase === 'saving'
      ? s.saving
      : state.phase === 'failed' || state.phase === 'blocked'
        ? s.failed
        : state.phase === 'dirty'
          ? s.dirty
          : state.savedAt
            ? s.saved(clockTime(state.savedAt))
            : s.never;
  return (
    <footer className={`minutes-status phase-${state.phase}`} data-testid="save-status" data-phase={state.phase}>
      <span>{text}</span>
      <span className="num-left">{s.chars(chars)}</span>
    </footer>
  );
}
