import { t } from './text';
import { useEffect, type ReactNode } from 'react';
import { useDialogFocus } from './useDialogFocus';

/**
 * A side panel for a form. Esc closes it; focus moves into it when it opens and back to where it
 * was when it closes. It is modal: the page's single-key shortcuts wait until it is closed.
 */
export function Drawer({
  title,
  onClose,
  children,
  footer,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const ref = useDialogFocus<HTMLDivElement>('input, select, textarea');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="drawer-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      {/* A div: axe allows no dialog role on <aside>. */}
      <div className="drawer" role="dialog" aria-modal="true" aria-label={title} ref={ref}>
        <header className="drawer-head">
          <h2>{title}</h2>
          <button type="button" className="icon-button" aria-label={t.close} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="drawer-body">{children}</div>
        {footer && <footer className="drawer-foot">{footer}</footer>}
      </div>
    </div>
  );
}
