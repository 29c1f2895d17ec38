import { useEffect, useState } from 'react';
import type { TopicDetail } from '../../../../shared/contract/topics';
import { possibleDecisions, type Step } from '../../../../shared/domain/topicState';
import { useToast } from '../../components/Toasts';
import { useHotkey } from '../../components/useHotkey';
import { useAction, useCall } from '../../lib/query';
import { useUnits } from '../../lib/useUnits';
import { topicDecision, topicStatus } from '../../lib/values';
import { stepFormDirty, stepFormOf, stepUpdate, type StepFormValues } from './StepForm';
import { defaultBody, useStepNames } from './steps';
import { t } from './text';

const w = t.wizard;

/** A topic's page: the step form (kept while typed, saved before a pass), what can be decided, and the record's names. */
export function useTopicPage(topic: TopicDetail) {
  const toast = useToast();
  const stepNames = useStepNames();
  const settings = useCall('settings.get', {});
  const committees = useUnits('committee');
  const sectors = useUnits('sector');
  const update = useAction('topic.update', { errorInPlace: true });
  const [form, setForm] = useState<StepFormValues>(() => stepFormOf(topic));
  const [editing, setEditing] = useState(false);
  const active = topic.status === topicStatus.open;
  const dirty = active && stepFormDirty(topic.step, form, topic);

  // Another window changed the topic: follow it unless there is unsaved typing here.
  useEffect(() => {
    if (!dirty) setForm(stepFormOf(topic));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [topic.updatedAt, topic.step]);

  const saveForm = async (): Promise<boolean> => {
    const changes = stepUpdate(topic.step, form);
    if (!changes || !dirty) return true;
    try {
      await update.mutateAsync({ id: topic.id, ...changes });
      return true;
    } catch {
      return false;
    }
  };
  const saveWithToast = () => void saveForm().then((ok) => ok && toast(w.formSaved));
  useHotkey('mod+s', saveWithToast, dirty);

  const committeeName = committees.names.get(topic.committeeId ?? 0);
  const committeeFullName = committees.units.find((c) => c.id === topic.committeeId)?.name;
  // A decided or merged topic has nothing left to decide: its page is the record, without an empty card.
  const options = possibleDecisions({ step: topic.step as Step, status: topic.status, mergedFrom: topic.mergedFrom });
  const decidable = options.length > 0;
  const title = topic.narrowedTitle || topic.title;
  const banner =
    topic.status === topicStatus.deferred
      ? t.statusBanner.暂缓(topic.deferredTo)
      : topic.status !== topicStatus.open
        ? t.statusBanner[topic.status]
        : null;

  const body = defaultBody(topic.step, stepNames, settings.data?.office ?? '', committeeFullName);
  const sectorNames = topic.sectorIds.map((s) => sectors.names.get(s));
  const leadCommitteeName = committees.names.get(topic.leadCommitteeId ?? 0);
  const mergedIntoTitle =
    topic.events.findLast((e) => e.decision === topicDecision.merge)?.otherTopicTitle ?? `#${topic.mergedInto}`;
  const mergedFrom = topic.events.filter((e) => e.decision === topicDecision.receiveMerge && e.otherTopicId);

  return {
    stepNames,
    update,
    form,
    setForm,
    editing,
    setEditing,
    active,
    dirty,
    saveForm,
    saveWithToast,
    committeeName,
    options,
    decidable,
    title,
    banner,
    body,
    sectorNames,
    leadCommitteeName,
    mergedIntoTitle,
    mergedFrom,
  };
}

export type TopicPageState = ReturnType<typeof useTopicPage>;
