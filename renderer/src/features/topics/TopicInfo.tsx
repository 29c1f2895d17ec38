import { Link } from 'react-router';
import type { TopicDetail } from '../../../../shared/contract/topics';
import { chineseDate } from '../../../../shared/domain/chineseText';
import { list } from '../../components/text';
import { topicStatus } from '../../lib/values';
import { t } from './text';
import type { TopicPageState } from './useTopicPage';

const w = t.wizard;

/** The topic's record beside the step form: what was received, what was decided, what it was merged with. */
export function TopicInfo({ topic, page }: { topic: TopicDetail; page: TopicPageState }) {
  return (
    <aside className="card info-card" aria-label={w.info}>
      <h2 className="card-title">{w.info}</h2>
      <dl className="info-list">
        <dt>{t.intake.fields.description}</dt>
        <dd className="pre">{topic.description || w.none}</dd>
        <dt>{t.intake.fields.submitter}</dt>
        <dd>{topic.submitter || w.none}</dd>
        <dt>{t.intake.fields.receivedOn}</dt>
        <dd>{chineseDate(topic.receivedOn)}</dd>
        <dt>{t.intake.fields.sectors}</dt>
        <dd>{list(page.sectorNames) || w.none}</dd>
        {topic.committeeId && (
          <>
            <dt>{t.stepFields.committee}</dt>
            <dd>{page.committeeName}</dd>
          </>
        )}
        {topic.rationale && (
          <>
            <dt>{t.stepFields.rationale}</dt>
            <dd className="pre">{topic.rationale}</dd>
          </>
        )}
        {topic.rank != null && (
          <>
            <dt>{t.stepFields.rank}</dt>
            <dd>{t.rank(topic.rank)}</dd>
          </>
        )}
        {topic.status === topicStatus.decided && (
          <>
            <dt>{w.planLabel}</dt>
            <dd>{t.planLine(topic.planMonth, topic.meetingForm, page.leadCommitteeName)}</dd>
          </>
        )}
        {topic.mergedInto && (
          <>
            <dt>{w.mergedInto}</dt>
            <dd>
              <Link to={`/topics/${topic.mergedInto}`}>{page.mergedIntoTitle}</Link>
            </dd>
          </>
        )}
        {topic.mergedFrom.length > 0 && (
          <>
            <dt>{w.mergedFrom}</dt>
            <dd>
              {page.mergedFrom.map((e) => (
                <Link key={e.seq} className="block-link" to={`/topics/${e.otherTopicId}`}>
                  {e.otherTopicTitle}
                </Link>
              ))}
            </dd>
          </>
        )}
      </dl>
    </aside>
  );
}
