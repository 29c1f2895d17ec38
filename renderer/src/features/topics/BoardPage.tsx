import { Link } from 'react-router';
import { STEPS } from '../../../../shared/domain/topicState';
import { EmptyState } from '../../components/EmptyState';
import { BackfillDrawer } from './BackfillDrawer';
import { BatchBar } from './BatchBar';
import { BoardFilters } from './BoardFilters';
import { BoardColumn } from './BoardColumn';
import { IntakeDrawer } from './IntakeDrawer';
import { PasteDialog } from './PasteDialog';
import { t } from './text';
import { TopicCard } from './TopicCard';
import { useBoardPage } from './useBoardPage';

export function BoardPage() {
  const page = useBoardPage();

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
          <button type="button" className="button" onClick={() => page.setAdding('backfill')}>
            {t.backfill.open}
          </button>
          <button type="button" className="button primary" onClick={() => page.setAdding('one')} title="Ctrl+N">
            + {t.addTopic}
          </button>
        </div>
      </header>

      <BoardFilters page={page} />

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
              <BoardColumn
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
              </BoardColumn>
            ))}
            <BoardColumn label={t.decided} badge="✓" topics={page.decided} tone="done">
              {(topic) => (
                <TopicCard
                  key={topic.id}
                  topic={topic}
                  committee={page.committees.names.get(topic.leadCommitteeId ?? 0)}
                  onOpen={page.open}
                />
              )}
            </BoardColumn>
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
      {page.adding === 'backfill' && <BackfillDrawer onClose={() => page.setAdding(null)} onCreated={page.openId} />}
    </section>
  );
}
