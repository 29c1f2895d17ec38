import { useState, type FormEvent } from 'react';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { meetingForms, type MeetingForm } from '../../../../shared/domain/topics';
import { Drawer } from '../../components/Drawer';
import { ErrorText, Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useToast } from '../../components/Toasts';
import { useHotkey } from '../../components/useHotkey';
import { todayIso } from '../../lib/dates';
import { useAction, useCall } from '../../lib/query';
import { useUnits } from '../../lib/useUnits';
import { paren } from '../../components/text';
import { defaults, personKind, topicStatus } from '../../lib/values';
import { t } from './text';

const f = t.fields;

/** A new meeting (from a decided topic, or ad hoc), or the details of an existing one. */
export function MeetingDrawer({
  meeting,
  onClose,
  onCreated,
}: {
  meeting?: MeetingDetail;
  onClose: () => void;
  onCreated?: (id: number) => void;
}) {
  const toast = useToast();
  const create = useAction('meeting.create', { errorInPlace: true });
  const update = useAction('meeting.update', { errorInPlace: true });
  const topics = useCall('topic.list', {});
  const people = useCall('person.list', {});
  const committees = useUnits('committee');
  const decided = (topics.data ?? []).filter((x) => x.status === topicStatus.decided);
  const [form, setForm] = useState({
    topicId: meeting?.topicId ?? 0,
    form: (meeting?.form ?? defaults.meetingForm) as MeetingForm,
    title: meeting?.title ?? '',
    issueNo: meeting?.issueNo ?? 0,
    startsAt: meeting?.startsAt ?? `${todayIso()}T09:00`,
    place: meeting?.place ?? '',
    chairId: meeting?.chairId ?? 0,
    committeeId: meeting?.committeeId ?? 0,
    recorderId: meeting?.recorderId ?? 0,
    useTemplate: true,
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((s) => ({ ...s, [key]: value }));
  // Until typed over, the issue number follows the year and form: 第X期 counts per year and form.
  const next = useCall(
    'meeting.nextIssueNo',
    { year: Number(form.startsAt.slice(0, 4)) || new Date().getFullYear(), form: form.form },
    { enabled: !meeting },
  );
  const issueNo = form.issueNo || next.data?.issueNo || 1;
  const pending = create.isPending || update.isPending;

  const chooseTopic = (id: number) => {
    const topic = decided.find((x) => x.id === id);
    setForm((s) => ({
      ...s,
      topicId: id,
      title: topic ? topic.narrowedTitle || topic.title : s.title,
      form: (topic?.meetingForm as MeetingForm) || s.form,
      committeeId: topic?.leadCommitteeId ?? s.committeeId,
    }));
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (pending) return;
    const common = {
      form: form.form,
      title: form.title,
      issueNo,
      startsAt: form.startsAt,
      place: form.place,
      chairId: form.chairId || null,
      committeeId: form.committeeId || null,
      recorderId: form.recorderId || null,
    };
    if (meeting) update.mutate({ id: meeting.id, ...common }, { onSuccess: () => (toast(t.saved), onClose()) });
    else
      create.mutate(
        { topicId: form.topicId || null, ...common, useTemplate: form.useTemplate },
        { onSuccess: (m) => (toast(t.created(m.title)), onClose(), onCreated?.(m.id)) },
      );
  };
  useHotkey('mod+enter', () => submit(), true, { inDialog: true });

  const personOptions = (kinds: string[]) =>
    (people.data ?? [])
      .filter((p) => kinds.includes(p.kind))
      .map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
          {p.title ? paren(p.title) : ''}
        </option>
      ));

  return (
    <Drawer
      title={meeting ? t.editMeeting : t.newMeeting}
      onClose={onClose}
      footer={<FormFooter formId="meeting-form" saving={pending} onCancel={onClose} />}
    >
      <form id="meeting-form" className="form" onSubmit={submit}>
        {!meeting && (
          <Field label={f.topic} hint={form.topicId ? undefined : t.adHocHint}>
            <select value={form.topicId} onChange={(e) => chooseTopic(Number(e.target.value))}>
              <option value={0}>{f.noTopic}</option>
              {decided.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.narrowedTitle || x.title}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={f.title} required>
          <input value={form.title} onChange={(e) => set('title', e.target.value)} maxLength={80} />
        </Field>
        <div className="form-row">
          <Field label={f.form} required>
            <select value={form.form} onChange={(e) => set('form', e.target.value as MeetingForm)}>
              {meetingForms.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </Field>
          <Field label={f.issueNo} required>
            <input
              type="number"
              min={1}
              max={999}
              value={issueNo}
              onChange={(e) => set('issueNo', Number(e.target.value))}
            />
          </Field>
        </div>
        <div className="form-row">
          <Field label={f.startsAt} required>
            <input type="datetime-local" value={form.startsAt} onChange={(e) => set('startsAt', e.target.value)} />
          </Field>
          <Field label={f.place}>
            <input value={form.place} onChange={(e) => set('place', e.target.value)} maxLength={60} />
          </Field>
        </div>
        <div className="form-row">
          <Field label={f.chair}>
            <select value={form.chairId} onChange={(e) => set('chairId', Number(e.target.value))}>
              <option value={0}>{f.none}</option>
              {personOptions([personKind.member])}
            </select>
          </Field>
          <Field label={f.recorder}>
            <select value={form.recorderId} onChange={(e) => set('recorderId', Number(e.target.value))}>
              <option value={0}>{f.none}</option>
              {personOptions([personKind.staff, personKind.member])}
            </select>
          </Field>
        </div>
        <Field label={f.committee}>
          <select value={form.committeeId} onChange={(e) => set('committeeId', Number(e.target.value))}>
            <option value={0}>{f.none}</option>
            {committees.active.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        {!meeting && (
          <label className="check">
            <input type="checkbox" checked={form.useTemplate} onChange={(e) => set('useTemplate', e.target.checked)} />
            {f.template}
          </label>
        )}
        <ErrorText error={create.error ?? update.error} />
      </form>
    </Drawer>
  );
}
