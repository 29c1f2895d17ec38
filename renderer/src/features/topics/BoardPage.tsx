import { Link } from 'react-router';
import { topicSources } from '../../../../shared/domain/topics';
import type { Topic } from '../../../../shared/contract/topics';
import { STEPS } from '../../../../shared/domain/topicState';
import { EmptyState } from '../../components/EmptyState';
import { SearchBox } from '../../components/SearchBox';
import { BatchBar } from './BatchBar';
import { IntakeDrawer } from './IntakeDrawer';
import { PasteDialog } from './PasteDialog';
import { t } from './text';
import { TopicCard } from './TopicCard';
import { useBoardPage } from './useBoardPage';

export function BoardPage() {
  const {
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
    clearFilters,
  } = useBoardPage();

  return (
    <section className="page wide">
      <header className="page-head">
        <div>
          <h1>{t.board}</h1>
          <p className="page-sub">
            {t.boardSub(shownYear === 'all' ? t.allYears : t.yearLabel(shownYear), shown.length, decided.length)}
          </p>
        </div>
        <div className="page-actions">
          <Link className="button" to="/topics/plan">
            {t.plan}
          </Link>
          <button type="button" className="button" onClick={() => setAdding('list')}>
            {t.pasteList}
          </button>
          <button type="button" className="button primary" onClick={() => setAdding('one')} title="Ctrl+N">
            + {t.addTopic}
          </button>
        </div>
      </header>

      <div className="toolbar">
        <SearchBox
          label={t.labels.search}
          placeholder={t.searchPlaceholder}
          value={query}
          onChange={setQuery}
          onEnter={() => shown.length === 1 && open(shown[0])}
        />
        <select
          aria-label={t.labels.year}
          value={String(shownYear)}
          onChange={(e) => setYear(e.target.value === 'all' ? 'all' : Number(e.target.value))}
        >
          <option value="all">{t.allYears}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {t.yearLabel(y)}
            </option>
          ))}
        </select>
        <select aria-label={t.labels.field} value={field} onChange={(e) => setField(e.target.value)}>
          <option value="">{t.allFields}</option>
          {fields.map((f) => (
            <option key={f}>{f}</option>
          ))}
        </select>
        <select aria-label={t.labels.source} value={source} onChange={(e) => setSource(e.target.value)}>
          <option value="">{t.allSources}</option>
          {topicSources.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <select
          aria-label={t.labels.committee}
          value={committeeId}
          onChange={(e) => setCommitteeId(Number(e.target.value))}
        >
          <option value={0}>{t.allCommittees}</option>
          {committees.active.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>

      {all.isSuccess && topics.length === 0 ? (
        <EmptyState
          title={t.emptyBoard}
          actions={
            <>
              <button type="button" className="button primary" onClick={() => setAdding('one')}>
                {t.addTopic}
              </button>
              <button type="button" className="button" onClick={() => setAdding('list')}>
                {t.pasteList}
              </button>
            </>
          }
        >
          {t.emptyBoardHint}
        </EmptyState>
      ) : all.isSuccess && shown.length === 0 ? (
        <EmptyState
          title={t.noMatch}
          actions={
            filtered ? (
              <button type="button" className="button" onClick={clearFilters}>
                {t.clearFilters}
              </button>
            ) : undefined
          }
        >
          {t.noMatchHint}
        </EmptyState>
      ) : (
        <>
          <div className="board" role="list" aria-label={t.board}>
            {STEPS.map((step) => (
              <Column
                key={step}
                label={stepNames[step - 1]}
                badge={String(step)}
                topics={inStep(step)}
                onSelectAll={step >= 4 && inStep(step).length > 1 ? () => selectAll(step) : undefined}
              >
                {(topic) => (
                  <TopicCard
                    key={topic.id}
                    topic={topic}
                    committee={committees.names.get(topic.committeeId ?? 0)}
                    onOpen={open}
                    selectable={step >= 4}
                    selected={selected.ids.includes(topic.id)}
                    onToggle={toggle}
                  />
                )}
              </Column>
            ))}
            <Column label={t.decided} badge="✓" topics={decided} tone="done">
              {(topic) => (
                <TopicCard
                  key={topic.id}
                  topic={topic}
                  committee={committees.names.get(topic.leadCommitteeId ?? 0)}
                  onOpen={open}
                />
              )}
            </Column>
          </div>
          {closed.length > 0 && (
            <section className="closed-topics" aria-label={t.closed}>
              <h2>
                {t.closed} <span className="count">{closed.length}</span>
              </h2>
              <div className="closed-list">
                {closed.map((topic) => (
                  <TopicCard key={topic.id} topic={topic} onOpen={open} />
                ))}
              </div>
            </section>
          )}
        </>
      )}

      {selected.ids.length > 0 && (
        <BatchBar
          step={selected.step}
          ids={selected.ids}
          stepName={stepNames[selected.step - 1]}
          onDone={clearSelection}
        />
      )}
      {adding === 'one' && <IntakeDrawer onClose={() => setAdding(null)} />}
      {adding === 'list' && <PasteDialog onClose={() => setAdding(null)} />}
    </section>
  );
}

function Column({
  label,
  badge,
  topics,
  tone,
  onSelectAll,
  children,
}: {
  label: string;
  badge: string;
  topics: Topic[];
  tone?: 'done';
  onSelectAll?: () => void;
  children: (topic: Topic) => React.ReactNode;
}) {
  return (
    <div
      className={`board-column${tone ? ` ${tone}` : ''}`}
      role="listitem"
      aria-label={t.column(label, topics.length)}
    >
      <header className="board-column-head">
        <span className="step-no">{badge}</span>
        <span className="board-column-name">{label}</span>
        {onSelectAll && (
          <button type="button" className="column-select" onClick={onSelectAll} title={t.selectAllHint}>
            {t.selectAll}
          </button>
        )}
        <span className="count">{topics.length}</span>
      </header>
      <div className="board-column-body">
        {topics.length ? topics.map(children) : <p className="board-empty">{t.emptyColumn}</p>}
      </div>
    </div>
  );
}
