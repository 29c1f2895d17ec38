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
  const page = useBoardPage();
  const { filters } = page;

  return (
    <section className="page wide">
      <header className="page-head">
        <div>
          <h1>{t.board}</h1>
          <p className="page-sub">
            {t.boardSub(
              page.shownYear === 'all' ? t.allYears : t.yearLabel(page.shownYear),
              page.shown.length,
              page.decided.length,
            )}
          </p>
        </div>
        <div className="page-actions">
          <Link className="button" to="/topics/plan">
            {t.plan}
          </Link>
          <button type="button" className="button" onClick={() => page.setAdding('list')}>
            {t.pasteList}
          </button>
          <button type="button" className="button primary" onClick={() => page.setAdding('one')} title="Ctrl+N">
            + {t.addTopic}
          </button>
        </div>
      </header>

      <div className="toolbar">
        <SearchBox
          label={t.labels.search}
          placeholder={t.searchPlaceholder}
          value={filters.query}
          onChange={filters.setQuery}
          onEnter={() => page.shown.length === 1 && page.open(page.shown[0])}
        />
        <select
          aria-label={t.labels.year}
          value={String(page.shownYear)}
          onChange={(e) => filters.setYear(e.target.value === 'all' ? 'all' : Number(e.target.value))}
        >
          <option value="all">{t.allYears}</option>
          {page.years.map((y) => (
            <option key={y} value={y}>
              {t.yearLabel(y)}
            </option>
          ))}
        </select>
        <select aria-label={t.labels.field} value={filters.field} onChange={(e) => filters.setField(e.target.value)}>
          <option value="">{t.allFields}</option>
          {page.fields.map((f) => (
            <option key={f}>{f}</option>
          ))}
        </select>
        <select aria-label={t.labels.source} value={filters.source} onChange={(e) => filters.setSource(e.target.value)}>
          <option value="">{t.allSources}</option>
          {topicSources.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <select
          aria-label={t.labels.committee}
          value={filters.committeeId}
          onChange={(e) => filters.setCommitteeId(Number(e.target.value))}
        >
          <option value={0}>{t.allCommittees}</option>
          {page.committees.active.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>

      {page.all.isSuccess && page.topics.length === 0 ? (
        <EmptyState
          title={t.emptyBoard}
          actions={
            <>
              <button type="button" className="button primary" onClick={() => page.setAdding('one')}>
                {t.addTopic}
              </button>
              <button type="button" className="button" onClick={() => page.setAdding('list')}>
                {t.pasteList}
              </button>
            </>
          }
        >
          {t.emptyBoardHint}
        </EmptyState>
      ) : page.all.isSuccess && page.shown.length === 0 ? (
        <EmptyState
          title={t.noMatch}
          actions={
            page.filtered ? (
              <button type="button" className="button" onClick={page.clearFilters}>
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
                label={page.stepNames[step - 1]}
                badge={String(step)}
                topics={page.inStep(step)}
                onSelectAll={step >= 4 && page.inStep(step).length > 1 ? () => page.selectAll(step) : undefined}
              >
                {(topic) => (
                  <TopicCard
                    key={topic.id}
                    topic={topic}
                    committee={page.committees.names.get(topic.committeeId ?? 0)}
                    onOpen={page.open}
                    selectable={step >= 4}
                    selected={page.selected.ids.includes(topic.id)}
                    onToggle={page.toggle}
                  />
                )}
              </Column>
            ))}
            <Column label={t.decided} badge="✓" topics={page.decided} tone="done">
              {(topic) => (
                <TopicCard
                  key={topic.id}
                  topic={topic}
                  committee={page.committees.names.get(topic.leadCommitteeId ?? 0)}
                  onOpen={page.open}
                />
              )}
            </Column>
          </div>
          {page.closed.length > 0 && (
            <section className="closed-topics" aria-label={t.closed}>
              <h2>
                {t.closed} <span className="count">{page.closed.length}</span>
              </h2>
              <div className="closed-list">
                {page.closed.map((topic) => (
                  <TopicCard key={topic.id} topic={topic} onOpen={page.open} />
                ))}
              </div>
            </section>
          )}
        </>
      )}

      {page.selected.ids.length > 0 && (
        <BatchBar
          step={page.selected.step}
          ids={page.selected.ids}
          stepName={page.stepNames[page.selected.step - 1]}
          onDone={page.clearSelection}
        />
      )}
      {page.adding === 'one' && <IntakeDrawer onClose={() => page.setAdding(null)} />}
      {page.adding === 'list' && <PasteDialog onClose={() => page.setAdding(null)} />}
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
