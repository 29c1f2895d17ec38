import { useMemo, useState } from 'react';
import type { TopicDetail } from '../../../../shared/contract/topics';
import type { Decision } from '../../../../shared/domain/topicState';
import { ErrorText, Field, FieldGroup } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useHotkey } from '../../components/useHotkey';
import { todayIso } from '../../lib/dates';
import { useAction, useCall } from '../../lib/query';
import { t as common } from '../../components/text';
import { topicDecision, topicStatus } from '../../lib/values';
import { t } from './text';

const w = t.wizard;
const needsNote: readonly Decision[] = [topicDecision.back, topicDecision.reject, topicDecision.reopen];

/**
 * The decisions the shared reducer allows (`options`), and the fields each one asks for.
 * `beforePass` saves the step's form first, so 通过 never runs on stale fields.
 */
export function DecisionPanel({
  topic,
  options,
  stepNames,
  defaultBody,
  beforePass,
}: {
  topic: TopicDetail;
  /** What the shared reducer allows from the topic's state (never empty here). */
  options: readonly Decision[];
  stepNames: readonly string[];
  defaultBody: string;
  beforePass: () => Promise<boolean>;
}) {
  const toast = useToast();
  const decide = useAction('topic.decide', { errorInPlace: true });
  const all = useCall('topic.list', {});
  const [decision, setDecision] = useState<Decision | null>(null);
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [body, setBody] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [toStep, setToStep] = useState(Math.max(1, topic.step - 1));
  const [otherTopicId, setOtherTopicId] = useState(0);
  const [deferredTo, setDeferredTo] = useState(new Date().getFullYear() + 1);
  const [saving, setSaving] = useState(false);
  const targets = useMemo(
    () => (all.data ?? []).filter((x) => x.status === topicStatus.open && x.id !== topic.id),
    [all.data, topic.id],
  );

  const choose = (d: Decision) => {
    setDecision(d);
    decide.reset();
  };

  const submit = async () => {
    if (!decision || saving || decide.isPending) return;
    setSaving(true);
    try {
      if (decision === topicDecision.pass && !(await beforePass())) return;
      decide.mutate(
        {
          topicId: topic.id,
          decision: decision as Exclude<Decision, typeof topicDecision.receiveMerge>,
          step: topic.step,
          decidedOn,
          body: body ?? defaultBody,
          note,
          ...(decision === topicDecision.back ? { toStep } : {}),
          ...(decision === topicDecision.merge && otherTopicId ? { otherTopicId } : {}),
          ...(decision === topicDecision.defer ? { deferredTo } : {}),
        },
        {
          onSuccess: () => {
            toast(w.done(decision));
            setDecision(null);
            setNote('');
            setBody(null);
          },
        },
      );
    } finally {
      setSaving(false);
    }
  };
  useHotkey('mod+enter', () => void submit(), decision !== null);

  return (
    <div className="decision-panel">
      <FieldGroup label={w.decision}>
        <div className="decision-buttons" role="radiogroup" aria-label={w.decision}>
          {options.map((d) => (
            <button
              type="button"
              key={d}
              role="radio"
              aria-checked={decision === d}
              className={`decision-button d-${d}${decision === d ? ' on' : ''}`}
              onClick={() => choose(d)}
            >
              {d}
            </button>
          ))}
        </div>
      </FieldGroup>
      {decision && (
        <div className="decision-form">
          <div className="form-row">
            <Field label={w.decidedOn} required>
              <input type="date" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />
            </Field>
            <Field label={w.body} required>
              <input value={body ?? defaultBody} onChange={(e) => setBody(e.target.value)} maxLength={60} />
            </Field>
          </div>
          {decision === topicDecision.back && (
            <Field label={w.toStep} required>
              <select value={toStep} onChange={(e) => setToStep(Number(e.target.value))}>
                {stepNames.slice(0, topic.step - 1).map((name, i) => (
                  <option key={name} value={i + 1}>
                    {t.step(i + 1, name)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {decision === topicDecision.merge && (
            <Field label={w.mergeInto} hint={w.mergeHint} required>
              <select value={otherTopicId} onChange={(e) => setOtherTopicId(Number(e.target.value))}>
                <option value={0}>{w.chooseTopic}</option>
                {targets.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.narrowedTitle || x.title}
                    {t.inStep(x.step)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {decision === topicDecision.defer && (
            <Field label={w.deferTo} required>
              <select value={deferredTo} onChange={(e) => setDeferredTo(Number(e.target.value))}>
                {[1, 2, 3].map((n) => {
                  const y = new Date().getFullYear() + n;
                  return (
                    <option key={y} value={y}>
                      {t.yearLabel(y)}
                    </option>
                  );
                })}
              </select>
            </Field>
          )}
          <Field label={needsNote.includes(decision) ? w.noteRequired : w.note}>
            <textarea
              value={note}
              onChange={(e) => (setNote(e.target.value), decide.error && decide.reset())}
              rows={2}
              maxLength={2000}
            />
          </Field>
          <div className="decision-actions">
            {decision === topicDecision.pass && <span className="hint">{w.autoSaveNote}</span>}
            <span className="spacer" />
            <span className="hint">Ctrl+Enter</span>
            <button type="button" className="button" onClick={() => setDecision(null)}>
              {common.cancel}
            </button>
            <button
              type="button"
              className={`button primary`}
              disabled={saving || decide.isPending}
              onClick={() => void submit()}
            >
              {w.confirm(decision)}
            </button>
          </div>
          <ErrorText error={decide.error} />
        </div>
      )}
    </div>
  );
}
