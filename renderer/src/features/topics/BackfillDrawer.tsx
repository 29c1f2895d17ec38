import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TopicSource } from '../../../../shared/domain/topics';
import { Drawer } from '../../components/Drawer';
import { ErrorText } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useToast } from '../../components/Toasts';
import { useHotkey } from '../../components/useHotkey';
import { todayIso } from '../../lib/dates';
import { useAction, useCall } from '../../lib/query';
import { useUnits } from '../../lib/useUnits';
import { defaults } from '../../lib/values';
import { BackfillStep, type BackfillRow } from './BackfillStep';
import { IntakeFields, type IntakeValues } from './IntakeFields';
import { defaultBody, useStepNames } from './steps';
import { stepUpdate, type StepFormValues } from './StepForm';
import { t } from './text';

const emptyForm: StepFormValues = {
  committeeId: 0,
  narrowedTitle: '',
  rationale: '',
  rank: null,
  planMonth: null,
  meetingForm: defaults.meetingForm,
  leadCommitteeId: 0,
};

/**
 * 补录: a topic decided on paper, with the steps it passed, in one form and one call. The core
 * applies the wizard's own rules to every row; its Chinese message names the row that failed.
 */
export function BackfillDrawer({ onClose, onCreated }: { onClose: () => void; onCreated?: (id: number) => void }) {
  const toast = useToast();
  const backfill = useAction('topic.backfill', { errorInPlace: true });
  const stepNames = useStepNames();
  const office = useCall('settings.get', {}).data?.office ?? '';
  const committees = useUnits('committee');
  const [intake, setIntake] = useState<IntakeValues>({
    title: '',
    description: '',
    source: defaults.topicSource as TopicSource,
    submitter: '',
    receivedOn: todayIso(),
    field: '',
    sectorIds: [],
    year: 0,
  });
  const set = <K extends keyof IntakeValues>(key: K, value: IntakeValues[K]) =>
    setIntake((s) => ({ ...s, [key]: value }));
  const [rows, setRows] = useState<BackfillRow[]>(() => [
    { decidedOn: todayIso(), body: null, note: '', form: emptyForm },
  ]);
  // Step 2's committee decides there, as the wizard suggests: its full name is step 2's usual body.
  const committee = committees.units.find((c) => c.id === rows[1]?.form.committeeId)?.name;
  const bodyOf = (step: number) => defaultBody(step, stepNames, office, committee);

  const addNext = () =>
    setRows((rs) => {
      const step = rs.length + 1;
      const committeeId = rs[1]?.form.committeeId ?? 0;
      // The committee that narrowed the topic usually leads its meeting, as in the wizard.
      const form = step === 6 ? { ...emptyForm, leadCommitteeId: committeeId } : emptyForm;
      return [...rs, { decidedOn: rs.at(-1)?.decidedOn ?? todayIso(), body: null, note: '', form }];
    });
  const removeLast = () => setRows((rs) => (rs.length > 1 ? rs.slice(0, -1) : rs));

  // Keyboard use: a new row takes the focus at its date, the first field to fill.
  const rowsRef = useRef<HTMLDivElement>(null);
  const shown = useRef(rows.length);
  useEffect(() => {
    if (rows.length > shown.current)
      rowsRef.current?.querySelector<HTMLInputElement>(`[data-step="${rows.length}"] input`)?.focus();
    shown.current = rows.length;
  }, [rows.length]);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (backfill.isPending) return;
    const { year: _year, ...fields } = intake;
    const decisions = rows.map((r, i) => ({
      step: i + 1,
      decidedOn: r.decidedOn,
      body: r.body ?? bodyOf(i + 1),
      note: r.note,
      ...stepUpdate(i + 1, r.form),
    }));
    backfill.mutate(
      { ...fields, decisions },
      {
        onSuccess: (created) => {
          toast(t.backfill.saved(created.title, decisions.length));
          onClose();
          onCreated?.(created.id);
        },
      },
    );
  };
  useHotkey('mod+enter', () => submit(), true, { inDialog: true });

  const next = rows.length + 1;
  return (
    <Drawer
      title={t.backfill.title}
      onClose={onClose}
      footer={<FormFooter formId="backfill-form" saving={backfill.isPending} onCancel={onClose} />}
    >
      <form id="backfill-form" className="form backfill-form" onSubmit={submit}>
        <p className="muted-text">{t.backfill.hint}</p>
        <h3 className="form-section">{t.backfill.intake}</h3>
        <IntakeFields form={intake} set={set} />
        <h3 className="form-section">{t.backfill.decisions}</h3>
        <div className="backfill-steps" ref={rowsRef}>
          {rows.map((row, i) => (
            <BackfillStep
              key={i}
              step={i + 1}
              stepName={stepNames[i]}
              row={row}
              defaultBody={bodyOf(i + 1)}
              onChange={(r) => setRows((rs) => rs.map((x, j) => (j === i ? r : x)))}
            />
          ))}
        </div>
        <div className="backfill-actions">
          {next <= 6 ? (
            <button type="button" className="button" onClick={addNext}>
              {t.backfill.addNext(next, stepNames[next - 1])}
            </button>
          ) : (
            <span className="muted-text">{t.backfill.allSteps}</span>
          )}
          <button type="button" className="button subtle" onClick={removeLast} disabled={rows.length < 2}>
            {t.backfill.removeLast}
          </button>
        </div>
        <ErrorText error={backfill.error} />
      </form>
    </Drawer>
  );
}
