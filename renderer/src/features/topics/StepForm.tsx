import type { TopicDetail } from '../../../../shared/contract/topics';
import { meetingForms, type MeetingForm } from '../../../../shared/domain/topics';
import { Field } from '../../components/Field';
import { useUnits } from '../../lib/useUnits';
import { defaults } from '../../lib/values';
import { t } from './text';

export interface StepFormValues {
  committeeId: number;
  narrowedTitle: string;
  rationale: string;
  rank: number | null;
  planMonth: number | null;
  meetingForm: string;
  leadCommitteeId: number;
}

export function stepFormOf(topic: TopicDetail): StepFormValues {
  return {
    committeeId: topic.committeeId ?? 0,
    narrowedTitle: topic.narrowedTitle,
    rationale: topic.rationale,
    rank: topic.rank,
    planMonth: topic.planMonth,
    meetingForm: topic.meetingForm || defaults.meetingForm,
    // The committee that narrowed the topic usually leads its meeting.
    leadCommitteeId: topic.leadCommitteeId ?? topic.committeeId ?? 0,
  };
}

/** The update a step's form makes (null for steps without one). */
export function stepUpdate(step: number, form: StepFormValues) {
  if (step === 2)
    return { committeeId: form.committeeId || null, narrowedTitle: form.narrowedTitle, rationale: form.rationale };
  if (step === 3) return { rank: form.rank };
  if (step === 6)
    return {
      planMonth: form.planMonth,
      meetingForm: form.meetingForm as MeetingForm,
      leadCommitteeId: form.leadCommitteeId || null,
    };
  return null;
}

/** Whether the form differs from what is stored (step 6's suggested defaults count as unsaved). */
export function stepFormDirty(step: number, form: StepFormValues, topic: TopicDetail): boolean {
  const stored = { ...stepFormOf(topic), meetingForm: topic.meetingForm, leadCommitteeId: topic.leadCommitteeId ?? 0 };
  return JSON.stringify(stepUpdate(step, form)) !== JSON.stringify(stepUpdate(step, stored));
}

const f = t.stepFields;

export function StepForm({
  step,
  form,
  onChange,
  disabled,
}: {
  step: number;
  form: StepFormValues;
  onChange: (next: StepFormValues) => void;
  disabled?: boolean;
}) {
  const committees = useUnits('committee');
  const set = <K extends keyof StepFormValues>(key: K, value: StepFormValues[K]) => onChange({ ...form, [key]: value });
  const committeeOptions = (current: number) =>
    committees.units
      .filter((c) => !c.retired || c.id === current)
      .map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ));

  if (step === 1) return <p className="muted-text">{t.wizard.step1Hint}</p>;
  if (step === 4 || step === 5) return <p className="muted-text">{t.wizard.noStepForm}</p>;
  return (
    <fieldset className="step-form" disabled={disabled}>
      {step === 2 && (
        <>
          <Field label={f.committee} required>
            <select value={form.committeeId} onChange={(e) => set('committeeId', Number(e.target.value))}>
              <option value={0}>{f.choose}</option>
              {committeeOptions(form.committeeId)}
            </select>
          </Field>
          <Field label={f.narrowedTitle} required>
            <input value={form.narrowedTitle} onChange={(e) => set('narrowedTitle', e.target.value)} maxLength={80} />
          </Field>
          <Field label={f.rationale}>
            <textarea
              value={form.rationale}
              onChange={(e) => set('rationale', e.target.value)}
              rows={3}
              maxLength={4000}
            />
          </Field>
        </>
      )}
      {step === 3 && (
        <Field label={f.rank} hint={f.rankHint} required>
          <input
            type="number"
            min={1}
            max={999}
            value={form.rank ?? ''}
            onChange={(e) => set('rank', e.target.value ? Number(e.target.value) : null)}
            className="short"
          />
        </Field>
      )}
      {step === 6 && (
        <div className="grid-3">
          <Field label={f.planMonth} required>
            <select value={form.planMonth ?? 0} onChange={(e) => set('planMonth', Number(e.target.value) || null)}>
              <option value={0}>{f.choose}</option>
              {Array.from({ length: 12 }, (_, i) => (
                <option key={i + 1} value={i + 1}>
                  {t.planPage.month(i + 1)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={f.meetingForm} required>
            <select value={form.meetingForm} onChange={(e) => set('meetingForm', e.target.value)}>
              {meetingForms.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </Field>
          <Field label={f.leadCommittee} required>
            <select value={form.leadCommitteeId} onChange={(e) => set('leadCommitteeId', Number(e.target.value))}>
              <option value={0}>{f.choose}</option>
              {committeeOptions(form.leadCommitteeId)}
            </select>
          </Field>
        </div>
      )}
    </fieldset>
  );
}
