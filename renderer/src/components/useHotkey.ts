import { useEffect, useRef } from 'react';
import { matchesCombo, pageMayTake, type Shortcut } from './shortcuts';

/**
 * Calls `handler` on a key combination such as "mod+k", "/" or "mod+enter" ("mod" is Ctrl, or
 * ⌘ on a Mac). Modifiers must match exactly. A plain key acts only while the focus is on nothing
 * interactive (see focusIsFree); nothing acts behind an open dialog unless `inDialog` says the
 * shortcut is the dialog's own.
 */
export function useHotkey(
  combo: string,
  handler: (e: KeyboardEvent) => void,
  enabled = true,
  { inDialog = false } = {},
): void {
  useShortcut({ keys: [combo], label: combo }, handler, enabled, { inDialog });
}

/** The same for a shortcut of a page's table: any of its combinations. */
export function useShortcut(
  shortcut: Shortcut,
  handler: (e: KeyboardEvent) => void,
  enabled = true,
  { inDialog = false } = {},
): void {
  const ref = useRef(handler);
  ref.current = handler;
  const keys = shortcut.keys.join('|');
  useEffect(() => {
    if (!enabled) return;
    const combos = keys.split('|');
    const onKey = (e: KeyboardEvent) => {
      const combo = combos.find((c) => matchesCombo(e, c));
      if (!combo || !pageMayTake(e, combo, inDialog)) return;
      e.preventDefault();
      ref.current(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys, enabled, inDialog]);
}
