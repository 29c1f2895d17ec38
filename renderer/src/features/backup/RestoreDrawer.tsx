import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupFile, BackupSource } from '../../../../shared/contract/backup';
import { Drawer } from '../../components/Drawer';
import { ErrorText } from '../../components/Field';
import { useFlushEditors } from '../../lib/beforeClose';
import { clockDateTime } from '../../lib/dates';
import { useAction } from '../../lib/query';
import { TaskProgress } from './TaskProgress';
import { t } from './text';

/**
 * The confirmation before a restore: which backup, and that the current file is kept first.
 * Typed text still waiting in an editor is saved before (it goes into the kept copy); when the
 * restore is done every window reloads from the restored file.
 */
export function RestoreDrawer({
  backup,
  source,
  currentDamaged,
  onClose,
}: {
  backup: BackupFile;
  /** How the core finds the file: its name in the folder, or a chosen file's handle. */
  source: BackupSource;
  currentDamaged: boolean;
  onClose: () => void;
}) {
  const restore = useAction('backup.restore', { errorInPlace: true });
  const flushEditors = useFlushEditors();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    try {
      await flushEditors();
      await restore.mutateAsync(source);
      window.location.reload(); // the change event does this too; this window must not wait for it
    } catch {
      setBusy(false);
      // A backup put in place that then would not open leaves the file unavailable: show the recovery page.
      void client.invalidateQueries({ queryKey: ['app.health'] });
    }
  };
  const c = t.confirm;
  return (
    <Drawer
      title={c.title}
      onClose={busy ? () => {} : onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t.cancel}
          </button>
          <button type="button" className="button danger" onClick={() => void go()} disabled={busy}>
            {busy ? c.going : c.go}
          </button>
        </>
      }
    >
      <p>{c.lead}</p>
      <div className="restore-source">
        <strong>{backup.name}</strong>
        {t.kindName(backup)} · {clockDateTime(backup.writtenAt)} · {t.content(backup)} · {t.size(backup.bytes)}
      </div>
      <ul className="restore-notes">
        <li>{currentDamaged ? c.keepDamaged : c.keep}</li>
        <li>{c.windows}</li>
      </ul>
      {busy && <TaskProgress withCancel />}
      <ErrorText error={restore.error} />
    </Drawer>
  );
}
