import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorText, Field } from '../../components/Field';
import { useFlushEditors } from '../../lib/beforeClose';
import { useAction } from '../../lib/query';
import { t } from './text';

/** A local minute as a datetime-local input shows it: 2026-05-14T11:00. */
function localMinute(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * 补记为已召开: a meeting held without the app running it (typed in the evening, or held elsewhere),
 * marked held at the times it really started and ended, after the same kind of confirmation as 结束会议.
 */
export function MarkHeld({ meeting }: { meeting: MeetingDetail }) {
  const s = t.status;
  const markHeld = useAction('meeting.markHeld', { errorInPlace: true });
  const [times, setTimes] = useState<{ startedAt: string; endedAt: string } | null>(null);
  const [asking, setAsking] = useState(false);
  const flushEditors = useFlushEditors();
  const open = () => {
    // Two hours from the planned start is a first guess the secretary corrects.
    const end = new Date(new Date(`${meeting.startsAt}:00`).getTime() + 2 * 3600_000);
    setTimes({ startedAt: meeting.startsAt, endedAt: localMinute(end) });
  };
  const close = () => (setTimes(null), markHeld.reset());
  const show = (v: string) => v.replace('T', ' ');
  return (
    <span className="mark-held">
      <button type="button" className="button" aria-expanded={!!times} onClick={times ? close : open}>
        {s.markHeld}
      </button>
      {/* A small panel under the button: the header's row of actions keeps its shape. */}
      {times && (
        <div
          className="mark-held-panel"
          role="group"
          aria-label={s.markHeld}
          onKeyDown={(e) => e.key === 'Escape' && !asking && close()}
        >
          <div className="form-row">
            <Field label={s.heldStart} required>
              <input
                type="datetime-local"
                autoFocus
                value={times.startedAt}
                onChange={(e) => (setTimes({ ...times, startedAt: e.target.value }), markHeld.reset())}
              />
            </Field>
            <Field label={s.heldEnd} required>
              <input
                type="datetime-local"
                value={times.endedAt}
                onChange={(e) => (setTimes({ ...times, endedAt: e.target.value }), markHeld.reset())}
              />
            </Field>
          </div>
          <ErrorText error={markHeld.error} />
          <div className="mark-held-actions">
            <button type="button" className="button subtle" onClick={close}>
              {s.heldCancel}
            </button>
            <button type="button" className="button primary" onClick={() => setAsking(true)}>
              {s.heldConfirm}
            </button>
          </div>
        </div>
      )}
      {asking && times && (
        <ConfirmDialog
          title={t.confirm.heldTitle}
          body={t.confirm.heldBody(show(times.startedAt), show(times.endedAt))}
          confirm={s.markHeld}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            // As 结束会议: the minutes' last words go in before their end revision is kept.
            void flushEditors().then(() =>
              markHeld.mutate({ id: meeting.id, ...times }, { onSuccess: () => setTimes(null) }),
            );
          }}
        />
      )}
    </span>
  );
}
