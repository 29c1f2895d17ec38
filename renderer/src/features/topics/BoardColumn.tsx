import type { Topic } from '../../../../shared/contract/topics';
import { t } from './text';

/** One column of the board: its step (or 已决定), its count, its cards; some offer to select them all. */
export function BoardColumn({
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
