import { useState, type FormEvent } from 'react';
import type { TopicDetail } from '../../../../shared/contract/topics';
import type { TopicSource } from '../../../../shared/domain/topics';
import { Drawer } from '../../components/Drawer';
import { ErrorText } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useToast } from '../../components/Toasts';
import { useHotkey } from '../../components/useHotkey';
import { todayIso } from '../../lib/dates';
import { useAction } from '../../lib/query';
import { defaults } from '../../lib/values';
import { IntakeFields } from './IntakeFields';
import { t } from './text';

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

  return (
    <Drawer
      title={topic ? t.intake.edit : t.intake.title}
      onClose={onClose}
      footer={<FormFooter formId="intake-form" saving={pending} onCancel={onClose} />}
    >
      <form id="intake-form" className="form" onSubmit={submit}>
        <IntakeFields form={form} set={set} showYear={!!topic} />
        <ErrorText error={create.error ?? update.error} />
      </form>
    </Drawer>
  );
}
