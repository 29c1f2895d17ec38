import { useState } from 'react';
import type { BackupFile } from '../../../../shared/contract/backup';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useAction, useApi, useCall } from '../../lib/query';
import { todayIso } from '../../lib/dates';
import { BackupTable } from './BackupTable';
import { PathDrawer } from './PathDrawer';
import { RestoreDrawer } from './RestoreDrawer';
import { t } from './text';
import './backup.css';

/** 备份与恢复: the backups folder, a backup now or to a chosen file, a restore after confirmation, the integrity check. */
export function BackupPage() {
  const api = useApi();
  const toast = useToast();
  const list = useCall('backup.list', {});
  const create = useAction('backup.create');
  const check = useAction('backup.check');
  const [asking, setAsking] = useState<'save' | 'open' | null>(null);
  const [restoring, setRestoring] = useState<BackupFile | null>(null);
  const data = list.data;

  const backup = async (file?: string) => {
    try {
      const made = await create.mutateAsync(file ? { file } : {});
      toast(t.made(made.path));
      setAsking(null);
    } catch {
      // Refused: the error channel has toasted the message.
    }
  };
  const suggested = t.suggestedName(todayIso());
  // Electron asks with its own dialogs; the browser asks for a path.
  const choose = async (mode: 'save' | 'open') => {
    if (!api.chooseBackupFile) return setAsking(mode);
    const path = await api.chooseBackupFile(mode, suggested);
    if (path && mode === 'save') await backup(path);
    if (path && mode === 'open') await openRestore(path);
  };
  // A file from elsewhere is read first, so the confirmation shows what it really holds.
  const openRestore = async (path: string) => {
    try {
      const known = data?.backups.find((b) => b.path === path) ?? (await api.call('backup.describe', { path }));
      setAsking(null);
      if (!known.readable) return toast(t.notRestorable(known.name, known.problem), 'error');
      setRestoring(known);
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };

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
          <button type="button" className="button" onClick={() => void choose('open')}>
            {t.restoreFrom}
          </button>
          <button type="button" className="button" onClick={() => void choose('save')} disabled={create.isPending}>
            {t.backupTo}
          </button>
          <button type="button" className="button primary" onClick={() => void backup()} disabled={create.isPending}>
            {create.isPending ? t.working : t.backupNow}
          </button>
        </div>
      </header>
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
          <BackupTable backups={data.backups} onRestore={setRestoring} />
        ))}
      {asking && (
        <PathDrawer
          mode={asking}
          suggested={asking === 'save' && data ? `${data.folder}/${suggested}` : ''}
          onClose={() => setAsking(null)}
          onChoose={(path) => void (asking === 'save' ? backup(path) : openRestore(path))}
        />
      )}
      {restoring && <RestoreDrawer backup={restoring} currentDamaged={false} onClose={() => setRestoring(null)} />}
    </section>
  );
}
