import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import type { Resolution } from '../../../../shared/contract/resolutions';
import { chineseNumeral } from '../../../../shared/domain/chineseText';
import { Drawer } from '../../components/Drawer';
import { ErrorText, Field, FieldGroup } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useToast } from '../../components/Toasts';
import { useHotkey } from '../../components/useHotkey';
import { useAction, useCall } from '../../lib/query';
import { useUnits } from '../../lib/useUnits';
import { colon, paren } from '../../components/text';
import { speechState } from '../../lib/values';
import { t } from './text';

const FORM_ID = 'resolution-form';

/** One resolution's text, departments, deadline and sources. */
export function ResolutionDrawer({
  meeting,
  resolution,
  onClose,
}: {
  meeting: MeetingDetail;
  resolution: Resolution | null;
  onClose(): void;
}) {
  const departments = useUnits('department');
  const marks = useCall('mark.list', { meetingId: meeting.id });
  const queue = useCall('queue.get', { meetingId: meeting.id });
  const create = useAction('resolution.create', { errorInPlace: true });
  const update = useAction('resolution.update', { errorInPlace: true });
  const toast = useToast();
  const [form, setForm] = useState({
    text: resolution?.text ?? '',
    leadDepartmentId: resolution?.leadDepartmentId ?? null,
    coDepartmentIds: resolution?.coDepartmentIds ?? [],
    deadline: resolution?.deadline ?? '',
    markIds: resolution?.markIds ?? [],
    // Only the speeches linked directly: those of the marks come with the marks.
    speechIds: resolution?.directSpeechIds ?? [],
  });
  const viaMarks = new Set(
    (marks.data ?? [])
      .filter((m) => form.markIds.includes(m.id) && m.speechId !== null)
      .map((m) => m.speechId as number),
  );
  const d = t.drawer;
  const pending = create.isPending || update.isPending;
  const toggle = <T,>(list: T[], x: T) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);
  // A retired department stays selectable only where it is already chosen.
  const choosable = departments.units.filter(
    (u) => !u.retired || u.id === form.leadDepartmentId || form.coDepartmentIds.includes(u.id),
  );

  const submit = () => {
    if (pending) return;
    const input = { ...form, deadline: form.deadline || null };
    const done = { onSuccess: () => (toast(t.saved), onClose()) };
    if (resolution) update.mutate({ id: resolution.id, ...input }, done);
    else create.mutate({ meetingId: meeting.id, ...input }, done);
  };
  useHotkey('mod+s', submit, true, { inDialog: true });

  return (
    <Drawer
      title={resolution ? d.edit(chineseNumeral(resolution.position)) : d.create}
      onClose={onClose}
      footer={<FormFooter formId={FORM_ID} saving={pending} onCancel={onClose} />}
    >
      <form
        id={FORM_ID}
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label={d.text} required>
          <textarea
            rows={4}
            value={form.text}
            maxLength={2000}
            onChange={(e) => setForm({ ...form, text: e.target.value })}
          />
        </Field>
        <Field label={d.lead}>
          <select
            value={form.leadDepartmentId ?? ''}
            onChange={(e) =>
              setForm({
                ...form,
                leadDepartmentId: e.target.value ? Number(e.target.value) : null,
                coDepartmentIds: form.coDepartmentIds.filter((c) => c !== Number(e.target.value)),
              })
            }
          >
            <option value="">{d.pick}</option>
            {choosable.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <FieldGroup label={d.co + paren(d.coHint)}>
          <div className="check-grid">
            {choosable
              .filter((u) => u.id !== form.leadDepartmentId)
              .map((u) => (
                <label key={u.id} className="check">
                  <input
                    type="checkbox"
                    checked={form.coDepartmentIds.includes(u.id)}
                    onChange={() => setForm({ ...form, coDepartmentIds: toggle(form.coDepartmentIds, u.id) })}
                  />
                  {u.shortName || u.name}
                </label>
              ))}
          </div>
        </FieldGroup>
        <Field label={d.deadline}>
          <input type="date" value={form.deadline} onChange={(e) => setForm({ ...form, deadline: e.target.value })} />
        </Field>
        {(marks.data?.length ?? 0) > 0 && (
          <FieldGroup label={d.marks}>
            <div className="check-list">
              {marks.data!.map((m) => (
                <label key={m.id} className="check">
                  <input
                    type="checkbox"
                    checked={form.markIds.includes(m.id)}
                    onChange={() => setForm({ ...form, markIds: toggle(form.markIds, m.id) })}
                  />
                  <span className="mark-kind" data-kind={m.kind}>
                    {m.kind}
                  </span>
                  {m.speaker && (
                    <span className="muted">
                      {m.speaker}
                      {colon}
                    </span>
                  )}
                  {m.excerpt.slice(0, 60)}
                </label>
              ))}
            </div>
          </FieldGroup>
        )}
        {(queue.data?.entries.length ?? 0) > 0 && (
          <FieldGroup label={d.speeches}>
            <div className="check-grid">
              {queue
                .data!.entries.filter(
                  (e) =>
                    e.state === speechState.spoken ||
                    e.state === speechState.speaking ||
                    e.state === speechState.paused ||
                    form.speechIds.includes(e.id),
                )
                .map((e) => (
                  <label key={e.id} className="check" title={viaMarks.has(e.id) ? d.viaMark : undefined}>
                    <input
                      type="checkbox"
                      checked={viaMarks.has(e.id) || form.speechIds.includes(e.id)}
                      disabled={viaMarks.has(e.id)}
                      onChange={() => setForm({ ...form, speechIds: toggle(form.speechIds, e.id) })}
                    />
                    {e.position}. {e.name}
                    {paren(e.kind)}
                  </label>
                ))}
            </div>
          </FieldGroup>
        )}
        <ErrorText error={create.error ?? update.error} />
      </form>
    </Drawer>
  );
}
