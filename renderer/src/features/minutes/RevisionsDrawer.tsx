import { useState } from 'react';
import { Drawer } from '../../components/Drawer';
import { ErrorText } from '../../components/Field';
import { clockDateTime } from '../../lib/dates';
import { useApi, useCall } from '../../lib/query';
import { t } from './text';

/**
 * The snapshots of a meeting's minutes, newest first. Restoring one is a change to the shared
 * document that every open window receives; the current text is kept as one more revision first.
 */
export function RevisionsDrawer({
  meetingId,
  readOnly,
  onRestored,
  onClose,
}: {
  meetingId: number;
  readOnly: boolean;
  onRestored(): void;
  onClose(): void;
}) {
  const api = useApi();
  const revisions = useCall('minutes.revisions', { meetingId });
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const r = t.revisions;

  async function restore(revisionId: number) {
    if (!window.confirm(r.confirm)) return;
    setBusy(true);
    setError(null);
    try {
      await api.call('minutes.restore', { revisionId });
      onRestored();
      onClose();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer title={r.title} onClose={onClose}>
      {revisions.data?.length === 0 && <p className="muted">{r.empty}</p>}
      <ol className="revision-list">
        {revisions.data?.map((rev) => (
          <li key={rev.id}>
            <div className="revision-head">
              <strong>{clockDateTime(rev.createdAt)}</strong>
              <span className="tag">{rev.reason}</span>
              <span className="muted">
                {r.version(rev.version)} · {r.chars(rev.chars)}
              </span>
            </div>
            <p className="revision-preview">{rev.preview || '—'}</p>
            {!readOnly && (
              <button type="button" className="button small" disabled={busy} onClick={() => void restore(rev.id)}>
                {r.restore}
              </button>
            )}
          </li>
        ))}
      </ol>
      <ErrorText error={error} />
    </Drawer>
  );
}
