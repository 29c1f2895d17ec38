import { Link } from 'react-router';
import type { TopicEventOut } from '../../../../shared/contract/topics';
import { chineseDate } from '../../../../shared/domain/chineseText';
import { topicDecision } from '../../lib/values';
import { t } from './text';

const tone: Record<string, string> = {
  通过: 'ok',
  退回: 'warn',
  不予采纳: 'bad',
  合并: 'info',
  接收合并: 'info',
  暂缓: 'warn',
  重新启用: 'ok',
};

/** The append-only decision history, oldest first, as it happened. */
export function Timeline({ events, stepNames }: { events: TopicEventOut[]; stepNames: readonly string[] }) {
  if (!events.length) return <p className="muted-text">{t.wizard.historyEmpty}</p>;
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.seq} className={`timeline-item tone-${tone[e.decision] ?? 'info'}`}>
          <div className="timeline-date">{chineseDate(e.decidedOn)}</div>
          <div className="timeline-body">
            <div className="timeline-head">
              <span className={`decision tone-${tone[e.decision] ?? 'info'}`}>{e.decision}</span>
              <span className="muted-text">{t.step(e.step, stepNames[e.step - 1])}</span>
              {e.toStep && <span>{t.backTo(e.toStep, stepNames[e.toStep - 1])}</span>}
              {e.deferredTo && <span>{t.deferredTo(e.deferredTo)}</span>}
              {e.otherTopicId && (
                <span>
                  {e.decision === topicDecision.merge ? t.mergedInto : t.mergedFrom}
                  <Link to={`/topics/${e.otherTopicId}`}>{e.otherTopicTitle}</Link>
                </span>
              )}
              {e.batch && <span className="tag muted">{t.wizard.batch}</span>}
              {e.backfilled && (
                <span className="tag backfilled" title={t.backfill.tagHint}>
                  {t.backfill.tag}
                </span>
              )}
            </div>
            <div className="timeline-by">{e.body}</div>
            {e.note && <p className="timeline-note">{e.note}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
