import type { Speech } from '../../../../shared/contract/meetings';
import { elapsedMs, timerView } from '../../../../shared/domain/speechTimer';
import { t } from './text';
import { useNow } from '../../lib/useNow';
import { speechState } from '../../lib/values';

/** The speaker's countdown, its own component so only it re-renders four times a second. */
export function Countdown({ speech, warnSeconds }: { speech: Speech; warnSeconds: number }) {
  const now = useNow(250);
  const paused = speech.state === speechState.paused;
  const view = timerView(speech.limitSeconds, elapsedMs(speech.intervals, now), warnSeconds);
  return (
    <div className={`projector-timer tone-${view.tone}${paused ? ' paused' : ''}`}>
      <p className="projector-timer-label">
        {paused ? <span className="projector-paused">{t.paused}</span> : view.tone === 'over' ? t.over : t.remaining}
      </p>
      <p
        className="projector-countdown"
        data-testid="projector-countdown"
        data-tone={view.tone}
        data-paused={paused || undefined}
      >
        {view.text}
      </p>
      <p className="projector-timer-limit">{t.limit(speech.limitSeconds)}</p>
    </div>
  );
}
