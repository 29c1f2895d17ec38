import type { BackupFile } from '../../../../shared/contract/backup';
import { clockDateTime } from '../../lib/dates';
import { t } from './text';

/** The backups, newest first; only a readable one can be restored. In the browser each can be downloaded. */
export function BackupTable({
  backups,
  onRestore,
  onDownload,
}: {
  backups: BackupFile[];
  onRestore: (b: BackupFile) => void;
  onDownload?: (b: BackupFile) => void;
}) {
  const c = t.columns;
  return (
    <div className="table-wrap">
      <table className="table backup-table" aria-label={t.list}>
        <thead>
          <tr>
            <th>{c.name}</th>
            <th>{c.kind}</th>
            <th>{c.writtenAt}</th>
            <th>{c.size}</th>
            <th>{c.content}</th>
            <th>{c.actions}</th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.path} className={b.readable ? '' : 'unreadable'}>
              <td>{b.name}</td>
              <td>{t.kindName(b)}</td>
              <td className="num">{clockDateTime(b.writtenAt)}</td>
              <td className="num">{t.size(b.bytes)}</td>
              <td>{t.content(b)}</td>
              <td>
                <button
                  type="button"
                  className="button"
                  disabled={!b.readable}
                  title={b.problem || undefined}
                  onClick={() => onRestore(b)}
                  aria-label={`${t.restore} ${b.name}`}
                >
                  {t.restore}
                </button>
                {onDownload && (
                  <button
                    type="button"
                    className="button link"
                    onClick={() => onDownload(b)}
                    aria-label={`${t.download} ${b.name}`}
                  >
                    {t.download}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
