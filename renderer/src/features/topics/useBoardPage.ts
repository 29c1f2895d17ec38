import { useDeferredValue, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Topic } from '../../../../shared/contract/topics';
import { topicFields } from '../../../../shared/domain/topics';
import { useHotkey } from '../../components/useHotkey';
import { useCall } from '../../lib/query';
import { useUnits } from '../../lib/useUnits';
import { topicStatus } from '../../lib/values';
import { useStepNames } from './steps';

/** Until the list arrives: one array for every render, so the memos below hold. */
const NO_TOPICS: readonly Topic[] = [];
const closedStatuses = [topicStatus.rejected, topicStatus.merged, topicStatus.deferred] as const;

/** The board's state and what it derives: the filters, the topics of each column, the batch selection. */
export function useBoardPage() {
  const navigate = useNavigate();
  const all = useCall('topic.list', {});
  const stepNames = useStepNames();
  const committees = useUnits('committee');
  const [year, setYear] = useState<number | 'all' | null>(null);
  const [field, setField] = useState('');
  const [source, setSource] = useState('');
  const [committeeId, setCommitteeId] = useState(0);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState<'one' | 'list' | 'backfill' | null>(null);
  const [selected, setSelected] = useState<{ step: number; ids: number[] }>({ step: 0, ids: [] });
  useHotkey('mod+n', () => setAdding('one'));

  const topics = all.data ?? NO_TOPICS;
  const years = useMemo(() => [...new Set(topics.map((x) => x.year))].sort((a, b) => b - a), [topics]);
  // Until the user picks one, the board shows the newest year that has topics.
  const shownYear = year ?? years[0] ?? 'all';
  const fields = useMemo(() => [...new Set([...topicFields, ...topics.map((x) => x.field).filter(Boolean)])], [topics]);

  // All topics of an office fit in the window: filtering here is instant on every keystroke.
  const deferredQuery = useDeferredValue(query.trim());
  const shown = useMemo(
    () =>
      topics.filter(
        (x) =>
          (shownYear === 'all' || x.year === shownYear) &&
          (!field || x.field === field) &&
          (!source || x.source === source) &&
          (!committeeId || x.committeeId === committeeId || x.leadCommitteeId === committeeId) &&
          (!deferredQuery || x.title.includes(deferredQuery) || x.narrowedTitle.includes(deferredQuery)),
      ),
    [topics, shownYear, field, source, committeeId, deferredQuery],
  );
  const inStep = (step: number) => shown.filter((x) => x.status === topicStatus.open && x.step === step);
  const decided = shown.filter((x) => x.status === topicStatus.decided);
  const closed = shown.filter((x) => (closedStatuses as readonly string[]).includes(x.status));
  const filtered = field || source || committeeId || deferredQuery;

  const toggle = (topic: Topic) =>
    setSelected((s) => {
      const ids = s.step === topic.step ? s.ids : [];
      return { step: topic.step, ids: ids.includes(topic.id) ? ids.filter((i) => i !== topic.id) : [...ids, topic.id] };
    });
  const open = (topic: Topic) => navigate(`/topics/${topic.id}`);
  const openId = (id: number) => navigate(`/topics/${id}`);
  const clearFilters = () => (setField(''), setSource(''), setCommitteeId(0), setQuery(''));
  const selectAll = (step: number) => setSelected({ step, ids: inStep(step).map((x) => x.id) });
  const clearSelection = () => setSelected({ step: 0, ids: [] });

  return {
    all,
    topics,
    stepNames,
    committees,
    filters: { field, setField, source, setSource, committeeId, setCommitteeId, query, setQuery, setYear },
    years,
    shownYear,
    fields,
    shown,
    inStep,
    decided,
    closed,
    filtered,
    adding,
    setAdding,
    selected,
    selectAll,
    clearSelection,
    toggle,
    open,
    openId,
    clearFilters,
  };
}

export type BoardPageState = ReturnType<typeof useBoardPage>;
