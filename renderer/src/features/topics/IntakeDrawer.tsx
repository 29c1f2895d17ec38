import { useState, type FormEvent } from 'react';
import type { TopicDetail } from '../../../../shared/contract/topics';
import { topicFields, topicSources, type TopicSource } from '../../../../shared/domain/topics';
import { Drawer } from '../../components/Drawer';
import { ErrorText, Field, FieldGroup } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useToast } from '../../components/Toasts';
import { useHotkey } from '../../components/useHotkey';
import { todayIso } from '../../lib/dates';
import { useAction } from '../../lib/query';
import { useUnits } from '../../lib/useUnits';
import { defaults } from '../../lib/values';
import { t } from './text';

const f = t.intake.fields;

/** 社会征题: registers a new topic, or edits what was registered. */
export function IntakeDrawer({
  topic,
  onClose,
  onCreated,
}: {
  topic?: TopicDetail;
  onClose: () => void;
  onCreated?: (id: number) => void;
}) {
  const toast = useToast();
  const create = useAction('topic.create', { errorInPlace: true });
  const update = useAction('topic.update', { errorInPlace: true });
  const sectors = useUnits('sector');
  const [form, setForm] = useState({
    title: topic?.title ?? '',
    description: topic?.description ?? '',
    source: (topic?.source ?? defaults.topicSource) as TopicSource,
    submitter: topic?.submitter ?? '',
    receivedOn: topic?.receivedOn ?? todayIso(),
    field: topic?.field ?? '',
    sectorIds: topic?.sectorIds ?? [],
    year: topic?.year ?? 0,
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((s) => ({ ...s, [key]: value }));
  const pending = create.isPending || update.isPending;

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (pending) return;
    const { year, ...intake } = form;
    if (topic) {
      const yearChanged = year !== topic.year && year !== Number(intake.receivedOn.slice(0, 4));
      update.mutate(
        { id: topic.id, ...intake, ...(yearChanged ? { year } : {}) },
        { onSuccess: () => (toast(t.intake.updated), onClose()) },
      );
    } else {
      create.mutate(intake, {
        onSuccess: (created) => {
          toast(t.intake.saved(created.title));
          onClose();
          onCreated?.(created.id);
        },
      });
    }
  };
  useHotkey('mod+enter', () => submit(), true, { inDialog: true });

  const toggleSector = (id: number) =>
    set('sectorIds', form.sectorIds.includes(id) ? form.sectorIds.filter((s) => s !== id) : [...form.sectorIds, id]);

  return (
    <Drawer
      title={topic ? t.intake.edit : t.intake.title}
      onClose={onClose}
      footer={<FormFooter formId="intake-form" saving={pending} onCancel={onClose} />}
    >
      <form id="intake-form" className="form" onSubmit={submit}>
        <Field label={f.title} required>
          <input value={form.title} onChange={(e) => set('title', e.target.value)} maxLength={80} autoComplete="off" />
        </Field>
        <Field label={f.description}>
          <textarea
            value={form.description}
            onChange={(e) => set('description', e.target.value)}
            maxLength={4000}
            rows={4}
          />
        </Field>
        <FieldGroup label={f.source} required>
          <div className="segmented" role="radiogroup" aria-label={f.source}>
            {topicSources.map((s) => (
              <button
                type="button"
                key={s}
                role="radio"
                aria-checked={form.source === s}
                className={form.source === s ? 'on' : ''}
                onClick={() => set('source', s)}
              >
                {s}
              </button>
            ))}
          </div>
        </FieldGroup>
        <div className="form-row">
          <Field label={f.submitter}>
            <input value={form.submitter} onChange={(e) => set('submitter', e.target.value)} maxLength={60} />
          </Field>
          <Field label={f.receivedOn} required>
            <input type="date" value={form.receivedOn} onChange={(e) => set('receivedOn', e.target.value)} />
          </Field>
        </div>
        <div className="form-row">
          <Field label={f.field} hint={t.intake.fieldHint}>
            <input
              value={form.field}
              onChange={(e) => set('field', e.target.value)}
              maxLength={20}
              list="topic-fields"
            />
            <datalist id="topic-fields">
              {topicFields.map((x) => (
                <option key={x} value={x} />
              ))}
            </datalist>
          </Field>
          {topic && (
            <Field label={f.year} hint={t.intake.yearHint}>
              <input
                type="number"
                value={form.year}
                min={2000}
                max={2100}
                onChange={(e) => set('year', Number(e.target.value))}
              />
            </Field>
          )}
        </div>
        <FieldGroup label={f.sectors}>
          <div className="chips sector-chips">
            {sectors.active.map((s) => (
              <button
                type="button"
                key={s.id}
                className={`chip${form.sectorIds.includes(s.id) ? ' on' : ''}`}
                aria-pressed={form.sectorIds.includes(s.id)}
                onClick={() => toggleSector(s.id)}
              >
                {s.name}
              </button>
            ))}
          </div>
        </FieldGroup>
        <ErrorText error={create.error ?? update.error} />
      </form>
    </Drawer>
  );
}
