import { Link, useParams } from 'react-router';
import { useCall } from '../../lib/query';
import { topicStatus } from '../../lib/values';
import type { TopicDetail } from '../../../../shared/contract/topics';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/Field';
import { DecisionPanel } from './DecisionPanel';
import { IntakeDrawer } from './IntakeDrawer';
import { StepForm } from './StepForm';
import { Stepper } from './Stepper';
import { labelled } from '../../components/text';
import { t } from './text';
import { Timeline } from './Timeline';
import { TopicInfo } from './TopicInfo';
import { useTopicPage } from './useTopicPage';

const w = t.wizard;

export function TopicPage() {
  const id = Number(useParams().id);
  const topic = useCall('topic.get', { id }, { enabled: Number.isInteger(id) && id > 0 });
  if (topic.error) {
    return (
      <section className="page">
        <Link className="back-link" to="/topics">
          {w.back}
        </Link>
        <EmptyState title={topic.error.message} />
      </section>
    );
  }
  if (!topic.data) return <section className="page" aria-busy="true" />;
  return <Wizard topic={topic.data} key={topic.data.id} />;
}

function Wizard({ topic }: { topic: TopicDetail }) {
  const page = useTopicPage(topic);

  return (
    <section className="page wizard">
      <Link className="back-link" to="/topics">
        {w.back}
      </Link>
      <header className="page-head">
        <div>
          <h1>{page.title}</h1>
          <p className="page-sub">
            <span className={`tag status-tag s-${topic.status}`}>{t.status[topic.status]}</span>
            <span className="tag">{topic.source}</span>
            {topic.field && <span className="tag muted">{topic.field}</span>}
            <span className="tag muted">{t.yearLabel(topic.year)}</span>
            {topic.narrowedTitle && topic.narrowedTitle !== topic.title && (
              <span className="original-title">{labelled(w.originalTitle, topic.title)}</span>
            )}
          </p>
        </div>
        <div className="page-actions">
          {topic.status !== topicStatus.merged && (
            <button type="button" className="button" onClick={() => page.setEditing(true)}>
              {t.intake.edit}
            </button>
          )}
        </div>
      </header>

      <Stepper topic={topic} stepNames={page.stepNames} />
      {page.banner && (
        <div className={`status-banner s-${topic.status}`}>
          {page.banner}
          {topic.status === topicStatus.decided && (
            <Link to="/topics/plan" className="banner-link">
              {w.seePlan}
            </Link>
          )}
        </div>
      )}

      <div className={`wizard-grid${page.decidable ? '' : ' single'}`}>
        {page.decidable && (
          <div className="card">
            {page.active && (
              <>
                <h2 className="card-title">{w.stepForm(topic.step, page.stepNames[topic.step - 1])}</h2>
                <StepForm step={topic.step} form={page.form} onChange={page.setForm} />
                {page.dirty && (
                  <div className="decision-actions">
                    <span className="hint warn">{w.unsaved}</span>
                    <span className="spacer" />
                    <button
                      type="button"
                      className="button"
                      disabled={page.update.isPending}
                      onClick={page.saveWithToast}
                    >
                      {w.saveForm}
                    </button>
                  </div>
                )}
                <ErrorText error={page.update.error} />
                <hr className="divider" />
              </>
            )}
            <DecisionPanel
              key={`${topic.step}-${topic.status}-${topic.events.length}`}
              topic={topic}
              options={page.options}
              stepNames={page.stepNames}
              defaultBody={page.body}
              beforePass={page.saveForm}
            />
          </div>
        )}

        <TopicInfo topic={topic} page={page} />
      </div>

      <section className="card history">
        <h2 className="card-title">{w.history}</h2>
        <Timeline events={topic.events} stepNames={page.stepNames} />
      </section>

      {page.editing && <IntakeDrawer topic={topic} onClose={() => page.setEditing(false)} />}
    </section>
  );
}
