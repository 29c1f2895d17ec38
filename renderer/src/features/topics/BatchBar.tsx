import { useState } from 'react';
import { ErrorText } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { todayIso } from '../../lib/dates';
import { useAction, useCall } from '../../lib/query';
import { topicDecision } from '../../lib/values';
import { defaultBody, useStepNames } from './steps';
import { t } from './text';

const batchDecisions = [topicDecision.pass, topicDecision.reject, topicDecision.defer] as const;
type BatchDecision = (typeof batchDecisions)[number];

/** Steps 4–6: one sitting decides many topics: one date, one body, one decision for all selected. */
export function BatchBar({
  step,
  ids,
  stepName,
  onDone,
}: {
  step: number;
  ids: number[];
  stepName: string;
  onDone: () => void;
}) {
  const toast = useToast();
  const stepNames = useStepNames();
  const settings = useCall('settings.get', {});
  const decide = useAction('topic.decideBatch', { errorInPlace: true });
  const [decision, setDecision] = useState<BatchDecision>(topicDecision.pass);
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [body, setBody] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [deferredTo, setDeferredTo] = useState(new Date().getFullYear() + 1);
  const shownBody = body ?? defaultBody(step, stepNames, settings.data?.office ?? '');

  const submit = () =>
    decide.mutate(
      {
        topicIds: ids,
        decision,
        step,
        decidedOn,
        body: shownBody,
        note,
        ...(decision === topicDecision.defer ? { deferredTo } : {}),
      },
      {
        onSuccess: () => {
          toast(t.batch.done(decision, ids.length));
          onDone();
        },
      },
    );

  return (
    <div className="batch-bar" role="region" aria-label={t.labels.batch}>
      <div className="batch-row">
        <strong>{t.batch.selected(ids.length, step, stepName)}</strong>
        <span className="hint">{t.batch.hint}</span>
        <span className="spacer" />
        <button type="button" className="button subtle" onClick={onDone}>
          {t.batch.clear}
        </button>
      </div>
      <div className="batch-row">
        <div className="segmented" role="radiogroup" aria-label={t.labels.batch}>
          {batchDecisions.map((d) => (
            <button
              type="button"
              key={d}
              role="radio"
              aria-checked={decision === d}
              className={decision === d ? 'on' : ''}
              onClick={() => setDecision(d)}
            >
              {d}
            </button>
          ))}
        </div>
        <label className="inline-field">
          {t.wizard.decidedOn}
          <input type="date" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />
        </label>
        <label className="inline-field">
          {t.wizard.body}
          <input value={shownBody} onChange={(e) => setBody(e.target.value)} maxLength={60} />
        </label>
        {decision === topicDecision.defer && (
          <label className="inline-field">
            {t.wizard.deferTo}
            <input
              type="number"
              value={deferredTo}
              min={2000}
              max={2100}
              onChange={(e) => setDeferredTo(Number(e.target.value))}
            />
          </label>
        )}
        <label className="inline-field grow">
          {decision === topicDecision.reject ? t.wizard.noteRequired : t.wizard.note}
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        </label>
        <button type="button" className="button primary" disabled={decide.isPending} onClick={submit}>
          {t.batch.confirm(decision, ids.length)}
        </button>
      </div>
      <ErrorText error={decide.error} />
    </div>
  );
}
