import { useState } from 'react';
import type { BackupFile } from '../../../../shared/contract/backup';
import { clockDateTime } from '../../lib/dates';
import { useCall } from '../../lib/query';
import { BackupTable } from './BackupTable';
import { RestoreDrawer } from './RestoreDrawer';
import { t } from './text';
import './backup.css';

/**
 * What the window shows instead of the app when the data file cannot be opened: why, in Chinese,
 * and the newest backup that opens, one click from a confirmed restore. Nothing is touched before.
 */
export function RecoveryPage({ message, dataFile }: { message: string; dataFile: string }) {
  const list = useCall('backup.list', {});
  const [restoring, setRestoring] = useState<BackupFile | null>(null);
  const usable = list.data?.backups.filter((b) => b.readable) ?? [];
  const newest = usable[0];
  const r = t.recovery;
  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{r.title}</h1>
      <p className="reason">{message}</p>
      <p>{r.lead}</p>
      <dl className="backup-paths">
        <dt>{t.dataFile}</dt>
        <dd>{dataFile}</dd>
        {list.data && (
          <>
            <dt>{t.folder}</dt>
            <dd>{list.data.folder}</dd>
          </>
        )}
      </dl>
      {list.data && !newest && <p>{r.none}</p>}
      {newest && (
        <div className="offer" aria-label={r.offer}>
          <div>
            <h2 style={{ margin: 0 }}>{r.offer}</h2>
            <strong>{newest.name}</strong>
            <div>
              {t.kindName(newest)} · {clockDateTime(newest.writtenAt)} · {t.content(newest)}
            </div>
          </div>
          <button type="button" className="button primary" onClick={() => setRestoring(newest)}>
            {t.restore}
          </button>
        </div>
      )}
      {list.data && list.data.backups.length > 1 && (
        <>
          <h2>{r.others}</h2>
          <BackupTable backups={list.data.backups.filter((b) => b !== newest)} onRestore={setRestoring} />
        </>
      )}
      {restoring && (
        <RestoreDrawer
          backup={restoring}
          source={{ name: restoring.name }}
          currentDamaged
          onClose={() => setRestoring(null)}
        />
      )}
    </main>
  );
}
