import { useAction, useCall } from '../../lib/query';
import { t } from './text';

/**
 * How far a restore or backup in the core has come, read a few times a second while it runs, with
 * 取消 while it can still be stopped without touching the current data.
 */
export function TaskProgress({ withCancel = false }: { withCancel?: boolean }) {
  const progress = useCall('backup.progress', {}, { refetchInterval: 300 });
  const cancel = useAction('backup.cancel', { errorInPlace: true });
  const p = progress.data;
  if (!p?.task) return null;
  return (
    <div className="backup-upload" role="status">
      <span>{t.progress(p.step, p.percent)}</span>
      <progress max={100} value={p.percent} aria-label={withCancel ? t.taskProgress : t.backupProgress} />
      {withCancel && (
        <button
          type="button"
          className="button"
          onClick={() => cancel.mutate({})}
          disabled={!p.cancellable || cancel.isPending}
          title={p.cancellable ? undefined : t.notCancellable}
        >
          {t.cancelRestore}
        </button>
      )}
    </div>
  );
}
