import { useId } from 'react';
import { useDialogFocus } from './useDialogFocus';
import { t } from './text';

/**
 * Asks before a step that is hard to take back. The confirm button has the focus, so Enter
 * confirms and Esc cancels; Tab stays between the two buttons; focus returns where it was.
 */
export function ConfirmDialog({
  title,
  body,
  confirm,
  onConfirm,
  onCancel,
}: {
  title: string;
  body: string;
  confirm: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const ref = useDialogFocus<HTMLDivElement>('button.primary');
  const titleId = useId();
  const bodyId = useId();
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
    if (e.key === 'Tab') {
      const buttons = [...(ref.current?.querySelectorAll('button') ?? [])];
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      e.preventDefault();
      buttons[(at + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
    }
  };
  return (
    <div className="confirm-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <div
        className="confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        ref={ref}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        <p id={bodyId}>{body}</p>
        <div className="confirm-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t.cancel}
          </button>
          <button type="button" className="button primary" onClick={onConfirm}>
            {confirm}
          </button>
        </div>
        <p className="hint">{t.confirmHint}</p>
      </div>
    </div>
  );
}
