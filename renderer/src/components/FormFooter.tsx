import { t } from './text';

/** The footer of every form drawer: retire/restore on the left, cancel and save on the right. */
export function FormFooter({
  formId,
  saving,
  onCancel,
  retire,
}: {
  formId: string;
  saving: boolean;
  onCancel: () => void;
  retire?: { retired: boolean; pending: boolean; onToggle: () => void; hint?: string };
}) {
  return (
    <>
      {retire && (
        <button
          type="button"
          className="button subtle"
          onClick={retire.onToggle}
          disabled={retire.pending}
          title={retire.hint}
        >
          {retire.retired ? t.restore : t.retire}
        </button>
      )}
      <span className="spacer" />
      <span className="hint">{t.saveHint}</span>
      <button type="button" className="button" onClick={onCancel}>
        {t.cancel}
      </button>
      <button type="submit" form={formId} className="button primary" disabled={saving}>
        {saving ? t.saving : t.save}
      </button>
    </>
  );
}
