import type { Topic } from '../../../../shared/contract/topics';
import { labelled } from '../../components/text';
import { topicStatus } from '../../lib/values';
import { t } from './text';

/** One topic on the board: its (narrowed) title, where it came from, who owns it. */
export function TopicCard({
  topic,
  committee,
  onOpen,
  selectable,
  selected,
  onToggle,
}: {
  topic: Topic;
  committee?: string;
  onOpen: (topic: Topic) => void;
  selectable?: boolean;
  selected?: boolean;
  onToggle?: (topic: Topic) => void;
}) {
  const title = topic.narrowedTitle || topic.title;
  return (
    <article
      className={`topic-card${selected ? ' selected' : ''} status-${topic.status}`}
      tabIndex={0}
      aria-label={title}
      onClick={() => onOpen(topic)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen(topic);
        if (e.key === ' ' && selectable) {
          e.preventDefault();
          onToggle?.(topic);
        }
      }}
    >
      {selectable && (
        <input
          type="checkbox"
          className="topic-select"
          aria-label={labelled(t.selectForBatch, title)}
          checked={!!selected}
          onClick={(e) => e.stopPropagation()}
          onChange={() => onToggle?.(topic)}
        />
      )}
      <h3 className="topic-title">{title}</h3>
      <div className="topic-meta">
        <span className="tag">{topic.source}</span>
        {topic.field && <span className="tag muted">{topic.field}</span>}
        {topic.status !== topicStatus.open && topic.status !== topicStatus.decided && (
          <span className={`tag status`}>{t.status[topic.status]}</span>
        )}
        {topic.rank != null && topic.step >= 3 && topic.status === topicStatus.open && (
          <span className="tag rank">{t.rank(topic.rank)}</span>
        )}
        {topic.status === topicStatus.decided && topic.planMonth && (
          <span className="tag rank">{t.planPage.month(topic.planMonth)}</span>
        )}
      </div>
      {committee && <div className="topic-owner">{committee}</div>}
    </article>
  );
}
