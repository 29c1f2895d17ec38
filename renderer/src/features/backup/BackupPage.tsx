import { useState } from 'react';
import type { BackupFile, BackupSource, ChosenFile } from '../../../../shared/contract/backup';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useAction, useApi, useCall } from '../../lib/query';
import { todayIso } from '../../lib/dates';
import { BackupTable } from './BackupTable';
import { RestoreDrawer } from './RestoreDrawer';
import { TaskProgress } from './TaskProgress';
import { useFileFromElsewhere } from './useFileFromElsewhere';
import { t } from './text';
import './backup.css';

/** A backup about to be restored: what it holds, and how the core is to find it again. */
export interface RestoreChoice {
  backup: BackupFile;
  source: BackupSource;
}

/**
 * 备份与恢复: the backups folder, a backup now or to elsewhere, a restore after confirmation, the
 * integrity check. Files from elsewhere come through the desktop's own dialogs or, in the
 * browser, as an upload and a download: the page never names a path.
 */
export function BackupPage() {
  const api = useApi();
  const files = api.backupFiles;
  const toast = useToast();
  const list = useCall('backup.list', {});
  const create = useAction('backup.create');
  const check = useAction('backup.check');
  const [restoring, setRestoring] = useState<RestoreChoice | null>(null);
  const data = list.data;

  // In the browser a backup "elsewhere" is one made in the folder, then downloaded.
  const backupNow = async (thenDownload = false) => {
    try {
      const made = await create.mutateAsync({});
      if (thenDownload && files.kind === 'browser') {
        files.download(made.name);
        toast(t.downloading(made.name));
      } else toast(t.made(made.path));
    } catch {
      // Refused: the error channel has toasted the message.
    }
  };
  const backupElsewhere = async () => {
    if (files.kind === 'browser') return backupNow(true);
    try {
      const made = await files.saveAs(t.suggestedName(todayIso()));
      if (made) toast(t.made(made.path));
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };

  // A file from elsewhere is read first, so the confirmation shows what it really holds.
  const offer = async (chosen: ChosenFile) => {
    const source = { handle: chosen.handle };
    const described = await api.call('backup.describe', source);
    if (!described.readable) return toast(t.notRestorable(described.name, described.problem), 'error');
    setRestoring({ backup: described, source });
  };
  const elsewhere = useFileFromElsewhere('backup', t.chooseFile, offer);

  return (
    <section className="page backup-page">
      <header className="page-head">
        <div>
          <h1>{t.title}</h1>
          <p className="page-sub">{data && t.sub(data.keep)}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button" onClick={() => check.mutate({})} disabled={check.isPending}>
            {check.isPending ? t.checking : t.check}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void elsewhere.choose()}
            disabled={elsewhere.uploading}
          >
            {t.restoreFrom}
          </button>
          <button type="button" className="button" onClick={() => void backupElsewhere()} disabled={create.isPending}>
            {files.kind === 'browser' ? t.backupDownload : t.backupTo}
          </button>
          <button type="button" className="button primary" onClick={() => void backupNow()} disabled={create.isPending}>
            {create.isPending ? t.working : t.backupNow}
          </button>
        </div>
        {elsewhere.picker}
      </header>
      {elsewhere.progress}
      {create.isPending && <TaskProgress />}
      {data && (
        <dl className="backup-paths">
          <dt>{t.dataFile}</dt>
          <dd>{data.dataFile}</dd>
          <dt>{t.folder}</dt>
          <dd>{data.folder}</dd>
        </dl>
      )}
      {check.data && (
        <div className={`backup-check${check.data.ok ? '' : ' bad'}`} role="status">
          {check.data.ok ? t.checkOk(check.data.ms) : t.checkBad}
          {!check.data.ok && (
            <ul>
              {check.data.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ErrorText error={list.error} />
      {data &&
        (data.backups.length === 0 ? (
          <EmptyState title={t.empty}>{t.emptyHint}</EmptyState>
        ) : (
          <BackupTable
            backups={data.backups}
            onRestore={(b) => setRestoring({ backup: b, source: { name: b.name } })}
            onDownload={files.kind === 'browser' ? (b) => files.download(b.name) : undefined}
          />
        ))}
      {restoring && <RestoreDrawer {...restoring} currentDamaged={false} onClose={() => setRestoring(null)} />}
    </section>
  );
}
