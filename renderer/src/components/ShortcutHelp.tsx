import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useDialogFocus } from './useDialogFocus';
import { keyLabel, matches, type Shortcut, type ShortcutGroup } from './shortcuts';
import { paren, t } from './text';
import { useShortcut } from './useHotkey';
import './overlay.css';

interface Help {
  setPage(groups: readonly ShortcutGroup[] | null): void;
  open(): void;
}
const HelpContext = createContext<Help>({ setPage: () => {}, open: () => {} });

/** A page names its shortcut table here; the overlay (?) lists it above the app's own keys. */
export function usePageShortcuts(groups: readonly ShortcutGroup[]): void {
  const { setPage } = useContext(HelpContext);
  useEffect(() => {
    setPage(groups);
    return () => setPage(null);
  }, [setPage, groups]);
}

/** Opens the shortcut overlay (for a button that says where the keys are listed). */
export const useShortcutHelp = () => useContext(HelpContext).open;

/** Holds the page's table and opens the overlay on `help` (?) from anywhere outside a field. */
export function ShortcutHelpProvider({
  app,
  help,
  children,
}: {
  app: ShortcutGroup;
  help: Shortcut;
  children: ReactNode;
}) {
  const [page, setPage] = useState<readonly ShortcutGroup[] | null>(null);
  const [open, setOpen] = useState(false);
  const value = useMemo(() => ({ setPage, open: () => setOpen(true) }), []);
  useShortcut(help, () => setOpen(true));
  return (
    <HelpContext.Provider value={value}>
      {children}
      {open && <ShortcutOverlay groups={[...(page ?? []), app]} help={help} onClose={() => setOpen(false)} />}
    </HelpContext.Provider>
  );
}

function ShortcutOverlay({
  groups,
  help,
  onClose,
}: {
  groups: readonly ShortcutGroup[];
  help: Shortcut;
  onClose(): void;
}) {
  const ref = useDialogFocus<HTMLDivElement>('button');
  return (
    <div className="confirm-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="shortcut-help"
        role="dialog"
        aria-modal="true"
        aria-label={t.shortcuts}
        ref={ref}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || matches(e, help)) {
            e.preventDefault();
            onClose();
          }
          if (e.key === 'Tab') e.preventDefault(); // one button: the focus stays here
        }}
      >
        <header className="shortcut-help-head">
          <h2>{t.shortcuts}</h2>
          <button type="button" className="icon-button" aria-label={t.close} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="shortcut-help-body">
          {groups.map((g) => (
            <section key={g.title}>
              <h3>{g.title}</h3>
              <dl>
                {g.items.map((s) => (
                  <div key={s.keys.join() + s.label} className="shortcut-row">
                    <dt>
                      {s.keys.map((k) => (
                        <kbd key={k}>{keyLabel(k)}</kbd>
                      ))}
                    </dt>
                    <dd>
                      {s.label}
                      {s.where && <span className="shortcut-where">{paren(s.where)}</span>}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <p className="hint">{t.shortcutsHint}</p>
      </div>
    </div>
  );
}
