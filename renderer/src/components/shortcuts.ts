/**
 * Keyboard shortcuts: what a key combination is, when a page may take a key, and how it reads.
 * A page declares its shortcuts once in a table (keys + what they do); the handlers match keys
 * against that table and the help overlay lists it, so the two cannot drift apart.
 */

/** One shortcut: one or more combinations ("n", "space", "mod+s", "alt+arrowup") and what it does. */
export interface Shortcut {
  keys: readonly string[];
  label: string;
  /** Where it works, when not anywhere on the page (e.g. "在会议记录中"). */
  where?: string;
}

export interface ShortcutGroup {
  title: string;
  items: readonly Shortcut[];
}

interface Combo {
  key: string;
  mod: boolean;
  alt: boolean;
  shift: boolean;
}

const aliases: Record<string, string> = { space: ' ', esc: 'escape' };

function parse(combo: string): Combo {
  const parts = combo.toLowerCase().split('+');
  // "+" itself is a key: "shift++" or "+" end with an empty part.
  const last = parts.pop() || (parts.pop(), '+');
  return {
    key: aliases[last] ?? last,
    mod: parts.includes('mod'),
    alt: parts.includes('alt'),
    shift: parts.includes('shift'),
  };
}

/** Keys such as "?" and "+" need Shift on some layouts and not on others: Shift is not compared for them. */
const isSymbol = (key: string) => key.length === 1 && !/[a-z0-9 ]/.test(key);

/** Whether the event is exactly this combination: every modifier must match, none may be extra. */
export function matchesCombo(e: KeyboardEvent | React.KeyboardEvent, combo: string): boolean {
  const c = parse(combo);
  if (e.key.toLowerCase() !== c.key) return false;
  if (c.mod !== (e.ctrlKey || e.metaKey) || c.alt !== e.altKey) return false;
  return isSymbol(c.key) || c.shift === e.shiftKey;
}

export const matches = (e: KeyboardEvent | React.KeyboardEvent, shortcut: Shortcut) =>
  shortcut.keys.some((k) => matchesCombo(e, k));

const INTERACTIVE =
  'a[href], button, input, select, textarea, summary, [contenteditable]:not([contenteditable="false"]), [tabindex]:not([tabindex="-1"]), ' +
  '[role="button"], [role="link"], [role="tab"], [role="checkbox"], [role="radio"], [role="switch"], [role="menuitem"], [role="option"], [role="slider"], [role="combobox"], [role="textbox"]';

/** An open dialog or drawer owns the keyboard: nothing behind it reacts to a key. */
export const dialogOpen = () => document.querySelector('[aria-modal="true"], dialog[open]') !== null;

/**
 * A plain key (no Ctrl/⌘) is the page's only while the focus is on nothing that expects keys
 * itself: a focused button keeps Space and Enter, a field keeps its letters, a dialog keeps all.
 */
export function focusIsFree(target: EventTarget | null): boolean {
  if (dialogOpen()) return false;
  if (!(target instanceof Element) || target === document.body || target === document.documentElement) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return false;
  return !target.matches(INTERACTIVE);
}

/** Whether a window-level shortcut may act on this event: see focusIsFree, and the mod keys below. */
export function pageMayTake(e: KeyboardEvent, combo: string, inDialog = false): boolean {
  if (e.isComposing || e.defaultPrevented) return false;
  const { mod, alt } = parse(combo);
  // A combination with Ctrl or Alt is meant for the page even from a field (Ctrl+S in the minutes),
  // but not for a page behind a dialog, unless it is the dialog's own.
  if (mod || alt) return inDialog || !dialogOpen();
  // A held key repeats: Space held down must not toggle the timer ten times.
  if (e.repeat) return false;
  return focusIsFree(e.target);
}

const names: Record<string, string> = {
  ' ': '空格',
  escape: 'Esc',
  enter: 'Enter',
  arrowup: '↑',
  arrowdown: '↓',
  arrowleft: '←',
  arrowright: '→',
  home: 'Home',
  end: 'End',
  tab: 'Tab',
};

/** How a combination reads on a key cap: "Ctrl+S", "Alt+↑", "空格", "N". */
export function keyLabel(combo: string): string {
  const c = parse(combo);
  const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  const parts = [
    c.mod && (mac ? '⌘' : 'Ctrl'),
    c.alt && (mac ? '⌥' : 'Alt'),
    c.shift && !isSymbol(c.key) && 'Shift',
    names[c.key] ?? c.key.toUpperCase(),
  ];
  return parts.filter(Boolean).join('+');
}
