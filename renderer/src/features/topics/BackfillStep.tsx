import { Field } from '../../components/Field';
import { StepForm, type StepFormValues } from './StepForm';
import { t } from './text';

/** One decision taken on paper: the step passed, its sitting, and that step's form. */
export interface BackfillRow {
  decidedOn: string;
  /** null until typed: the step's usual body is shown (and sent), as in the wizard. */
  body: string | null;
  note: string;
  form: StepFormValues;
}

const w = t.wizard;

/** A row of the 补录 form: the step it passed, the date, who decided, and the step's own form. */
export function BackfillStep({
  step,
  stepName,
  row,
  defaultBody,
  onChange,
}: {
  step: number;
  stepName: string;
  row: BackfillRow;
  defaultBody: string;
  onChange: (next: BackfillRow) => void;
}) {
  const set = <K extends keyof BackfillRow>(key: K, value: BackfillRow[K]) => onChange({ ...row, [key]: value });
  return (
    <fieldset className="backfill-step" data-step={step}>
      <legend>{t.backfill.row(step, stepName)}</legend>
      <div className="form-row">
        <Field label={w.decidedOn} required>
          <input type="date" value={row.decidedOn} onChange={(e) => set('decidedOn', e.target.value)} />
        </Field>
        <Field label={w.body} required>
          <input value={row.body ?? defaultBody} onChange={(e) => set('body', e.target.value)} maxLength={60} />
        </Field>
      </div>
      <Field label={w.note}>
        <textarea value={row.note} onChange={(e) => set('note', e.target.value)} rows={2} maxLength={2000} />
      </Field>
      {/* Steps 2, 3 and 6 have a form that must be filled before they pass, as in the wizard. */}
      {(step === 2 || step === 3 || step === 6) && (
        <StepForm step={step} form={row.form} onChange={(form) => set('form', form)} />
      )}
    </fieldset>
  );
}
