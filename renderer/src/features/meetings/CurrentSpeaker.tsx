import type { MeetingDetail, Speech } from '../../../../shared/contract/meetings';
import { nextWaiting, onFloor } from '../../../../shared/domain/queueOrder';
import { elapsedMs, timerView } from '../../../../shared/domain/speechTimer';
import { ErrorText } from '../../components/Field';
import { useHotkey } from '../../components/useHotkey';
import { useAction } from '../../lib/query';
import { t } from './text';

const q = t.queue;

/** Who has the floor, the countdown every window derives from the same timestamps, and the controls. */
export function CurrentSpeaker({ meeting, entries, now, warnSeconds, readOnly }: { meeting: MeetingDetail; entries: Speech[]; now: number; warnSeconds: number; readOnly: boolean }) {
  const start = useAction('queue.start');
  const pause = useAction('queue.pause');
  const resume = useAction('queue.resume');
  const end = useAction('queue.end');
  const extend = useAction('queue.extend');
  const next = useAction('queue.next');
  const current = onFloor(entries);
  const upcoming = nextWaiting(entries);
  const timer = current && timerView(current.limitSeconds, elapsedMs(current.intervals, now), warnSeconds);

  // One key starts or pauses, one moves to the next speaker.
  const toggle = () => {
    if (current?.state === '发言中') pause.mutate({ id: current.id });
    else if (current?.state === '暂停') resume.mutate({ id: current.id });
    else if (upcoming) start.mutate({ id: upcoming.id });
  };
  useHotkey(' ', toggle, !readOnly);
  useHotkey('n', () => next.mutate({ meetingId: meeting.id }), !readOnly);
  const error = start.error ?? pause.error ?? resume.error ?? end.error ?? extend.error ?? next.error;

  return (
    <section className={`card speaker-card tone-${timer?.tone ?? 'idle'}`} aria-label="当前发言">
      {current && timer ? (
        <div className="speaker-now">
          <div>
            <div className="speaker-kind">{current.kind}</div>
            <div className="speaker-name" data-testid="console-speaker">
              {current.name}
            </div>
            <div className="muted-text">{current.affiliation}</div>
          </div>
          <div className="speaker-timer" data-testid="console-countdown" data-tone={timer.tone}>
            {timer.text}
            {current.state === '暂停' && <span className="paused-badge">{q.pause}</span>}
          </div>
        </div>
      ) : (
        <div className="speaker-now idle">
          <span className="muted-text">{q.nobody}</span>
          {upcoming && (
            <span>
              下一位：<span className="strong">{upcoming.name}</span>（{upcoming.kind}）
            </span>
          )}
        </div>
      )}
      {!readOnly && (
        <div className="speaker-controls">
          {current?.state === '发言中' && (
            <button type="button" className="button" onClick={() => pause.mutate({ id: current.id })} title="空格">
              ❚❚ {q.pause}
            </button>
          )}
          {current?.state === '暂停' && (
            <button type="button" className="button" onClick={() => resume.mutate({ id: current.id })} title="空格">
              ▶ {q.resume}
            </button>
          )}
          {!current && upcoming && (
            <button type="button" className="button primary" onClick={() => start.mutate({ id: upcoming.id })} title="空格">
              ▶ {q.start}：{upcoming.name}
            </button>
          )}
          {current && (
            <>
              <button type="button" className="button" onClick={() => extend.mutate({ id: current.id, seconds: 60 })}>
                {q.extend}
              </button>
              <button type="button" className="button" onClick={() => end.mutate({ id: current.id })}>
                ■ {q.end}
              </button>
            </>
          )}
          <span className="spacer" />
          <button type="button" className="button primary" disabled={!current && !upcoming} onClick={() => next.mutate({ meetingId: meeting.id })} title="N">
            {q.next} »
          </button>
        </div>
      )}
      <ErrorText error={error} />
    </section>
  );
}
