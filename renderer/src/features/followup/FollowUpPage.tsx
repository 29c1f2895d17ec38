import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/Field';
import { ActDrawer } from './ActDrawer';
import { FollowUpEntry } from './FollowUpEntry';
import { FollowUpFilters } from './FollowUpFilters';
import { FollowUpSummary } from './FollowUpSummary';
import { t } from './text';
import { useFollowUpPage } from './useFollowUpPage';
import './followup.css';

/** The follow-up board: overdue first, counts by status and department, one step at a time. */
export function FollowUpPage() {
  const page = useFollowUpPage();
  const { data, acting } = page;

  return (
    <section className="page wide followup-page">
      <header className="page-head">
        <div>
          <h1>{t.title}</h1>
          <p className="page-sub">{data && t.sub(data.items.length, page.overdue)}</p>
        </div>
      </header>
      <FollowUpFilters page={page} />
      <ErrorText error={page.board.error} />
      {data && (
        <div className="followup-grid">
          <div className="followup-main">
            {data.items.length === 0 ? (
              <EmptyState title={t.empty}>{t.emptyHint}</EmptyState>
            ) : (
              <ol className="followup-list" aria-label={t.items}>
                {data.items.map((item) => (
                  <FollowUpEntry
                    key={item.resolutionId}
                    item={item}
                    historyOpen={page.open === item.resolutionId}
                    onToggleHistory={() => page.toggleHistory(item.resolutionId)}
                    onAct={(action) => page.setActing({ item, action })}
                  />
                ))}
              </ol>
            )}
          </div>
          <FollowUpSummary data={data} />
        </div>
      )}
      {acting && (
        <ActDrawer
          item={acting.item}
          action={acting.action}
          today={data?.today ?? ''}
          onClose={() => page.setActing(null)}
        />
      )}
    </section>
  );
}
