import { useState } from 'react';
import type { FollowUpItem } from '../../../../shared/contract/followUp';
import {
  evaluations,
  replyClasses,
  replyClassNames,
  type Evaluation,
  type FollowUpAction,
  type ReplyClass,
} from '../../../../shared/domain/followUp';
import { Drawer } from '../../components/Drawer';
import { ErrorText, Field, FieldGroup } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useToast } from '../../components/Toasts';
import { useHotkey } from '../../components/useHotkey';
import { useAction, useCall } from '../../lib/query';
import { followUpAction } from '../../lib/values';
import { t } from './text';

const FORM_ID = 'followup-form';

/** One step of the follow-up: the date it happened, who, a note, and what the step needs. */
export function ActDrawer({
  item,
  action,
  today,
  onClose,
}: {
  item: FollowUpItem;
  action: FollowUpAction;
  today: string;
  onClose(): void;
}) {
  const act = useAction('followup.act', { errorInPlace: true });
  const toast = useToast();
  const office = useCall('settings.get', {}).data?.office ?? '';
  // The department acts at 受理 and 答复; the office (政协办公厅) at every other step.
  const [form, setForm] = useState({
    date: today,
    by: action === followUpAction.accept || action === followUpAction.reply ? item.leadDepartment : office,
    note: '',
    replyText: '',
    replyClass: '' as ReplyClass | '',
    evaluation: '' as Evaluation | '',
  });
  const f = t.form;
  const submit = () => {
    if (act.isPending) return;
    act.mutate(
      {
        resolutionId: item.resolutionId,
        action,
        date: form.date,
        by: form.by,
        note: form.note,
        ...(action === followUpAction.reply
          ? { replyText: form.replyText, replyClass: form.replyClass || undefined }
          : {}),
        ...(action === followUpAction.evaluate ? { evaluation: form.evaluation || undefined } : {}),
      },
      { onSuccess: () => (toast(f.done(t.actions[action])), onClose()) },
    );
  };
  useHotkey('mod+s', submit, true, { inDialog: true });
  return (
    <Drawer
      title={f.title(t.actions[action], item.text.slice(0, 24))}
      onClose={onClose}
      footer={<FormFooter formId={FORM_ID} saving={act.isPending} onCancel={onClose} />}
    >
      <form
        id={FORM_ID}
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p className="muted">{item.text}</p>
        <Field label={f.date} required>
          <input type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
        </Field>
        <Field label={f.by} required>
          <input value={form.by} maxLength={60} onChange={(e) => setForm({ ...form, by: e.target.value })} />
        </Field>
        {action === followUpAction.reply && (
          <>
            <Field label={f.replyText} required>
              <textarea
                rows={4}
                maxLength={4000}
                value={form.replyText}
                onChange={(e) => setForm({ ...form, replyText: e.target.value })}
              />
            </Field>
            <FieldGroup label={f.replyClass} required>
              <div className="segmented">
                {replyClasses.map((c) => (
                  <button
                    type="button"
                    key={c}
                    className={form.replyClass === c ? 'on' : ''}
                    aria-pressed={form.replyClass === c}
                    onClick={() => setForm({ ...form, replyClass: c })}
                  >
                    {c} {replyClassNames[c]}
                  </button>
                ))}
              </div>
            </FieldGroup>
          </>
        )}
        {action === followUpAction.evaluate && (
          <FieldGroup label={f.evaluation} required>
            <div className="segmented">
              {evaluations.map((e) => (
                <button
                  type="button"
                  key={e}
                  className={form.evaluation === e ? 'on' : ''}
                  aria-pressed={form.evaluation === e}
                  onClick={() => setForm({ ...form, evaluation: e })}
                >
                  {e}
                </button>
              ))}
            </div>
          </FieldGroup>
        )}
        <Field label={f.note} hint={f.noteFor[action]}>
          <textarea
            rows={3}
            maxLength={2000}
            value={form.note}
            onChange={(e) => setForm({ ...form, note: e.target.value })}
          />
        </Field>
        <ErrorText error={act.error} />
      </form>
    </Drawer>
  );
}
