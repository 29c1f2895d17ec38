import { useEffect, useState } from 'react';
import { useToast } from '../../components/Toasts';
import { useAction, useCall } from '../../lib/query';
import { t } from './text';

/**
 * The 纪要's narrative (会议认为… 会议指出… 会议要求…): the core drafts it from the consensus marks,
 * the chair's summary and the resolutions; the secretary edits and saves it, or goes back to the draft.
 * What is typed stays in the field until saved, whatever the draft does meanwhile.
 */
export function SummaryCard({ meetingId, readOnly }: { meetingId: number; readOnly: boolean }) {
  const s = t.summary;
  const summary = useCall('summary.get', { meetingId });
  const save = useAction('summary.save');
  const toast = useToast();
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? summary.data?.body ?? '';
  const dirty = text !== null && text !== summary.data?.body;
  // Back to following the stored text once it is what the field shows.
  useEffect(() => {
    if (text !== null && text === summary.data?.body) setText(null);
  }, [text, summary.data?.body]);
  if (!summary.data) return null;
  const submit = () => {
    if (!shown.trim()) return;
    save.mutate({ meetingId, body: shown }, { onSuccess: () => toast(s.saved) });
  };
  return (
    <section className="card summary-card" aria-label={s.title}>
      <header className="card-head">
        <h2 className="card-title">{s.title}</h2>
        <span className="muted small" data-testid="summary-state">
          {dirty ? s.unsaved : summary.data.edited ? s.edited : s.drafted}
        </span>
      </header>
      <p className="muted small">{s.hint}</p>
      <textarea
        className="summary-text"
        aria-label={s.title}
        value={shown}
        rows={8}
        maxLength={20000}
        readOnly={readOnly}
        placeholder={s.empty}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
      />
      {!readOnly && (
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            disabled={!dirty || !shown.trim() || save.isPending}
            onClick={submit}
          >
            {s.save}
          </button>
          <button
            type="button"
            className="button"
            disabled={!summary.data.edited || save.isPending}
            onClick={() => {
              if (!window.confirm(s.redraftConfirm)) return;
              setText(null);
              save.mutate({ meetingId, body: null }, { onSuccess: () => toast(s.redrafted) });
            }}
          >
            {s.redraft}
          </button>
        </div>
      )}
    </section>
  );
}
