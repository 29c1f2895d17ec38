import type { TopicDetail } from '../../../../shared/contract/topics';
import { STEPS } from '../../../../shared/domain/topicState';
import { topicStatus } from '../../lib/values';
import { t } from './text';

/** The six steps in a row: passed ones ticked, the current one highlighted, a closed topic marked where it stopped. */
export function Stepper({ topic, stepNames }: { topic: TopicDetail; stepNames: readonly string[] }) {
  const done = topic.status === topicStatus.decided;
  return (
    <ol className="stepper" aria-label={t.labels.steps}>
      {STEPS.map((step) => {
        const state =
          done || step < topic.step
            ? 'passed'
            : step === topic.step
              ? topic.status === topicStatus.open
                ? 'current'
                : 'stopped'
              : 'ahead';
        return (
          <li key={step} className={`stepper-step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="stepper-dot">{state === 'passed' ? '✓' : step}</span>
            <span className="stepper-name">{stepNames[step - 1]}</span>
          </li>
        );
      })}
    </ol>
  );
}
