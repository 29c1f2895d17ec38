import type { MeetingDetail, Speech } from '../../../../shared/contract/meetings';
import { nextWaiting, onFloor } from '../../../../shared/domain/queueOrder';
import { elapsedMs, timerView } from '../../../../shared/domain/speechTimer';
import { useShortcut } from '../../components/useHotkey';
import { keyLabel } from '../../components/shortcuts';
import { useAction } from '../../lib/query';
import { useNow } from '../../lib/useNow';
import { consoleKeys } from './consoleKeys';
import type { QueueUndo } from './useQueueUndo';
import { labelled, paren } from '../../components/text';
import { speechState } from '../../lib/values';
import { t } from './text';

const q = t.queue;
const k = (shortcut: { keys: readonly string[] }) => shortcut.keys.map(keyLabel).join(' / ');

/** Who has the floor, the countdown every window derives from the same timestamps, and the controls. */
export function CurrentSpeaker({
  meeting,
  entries,
  warnSeconds,
  readOnly,
  undo,
}: {
  meeting: MeetingDetail;
  entries: Speech[];
  warnSeconds: number;
  readOnly: boolean;
  undo: QueueUndo;
}) {
  const start = useAction('queue.start');
  const pause = useAction('queue.pause');
  const resume = useAction('queue.resume');
  const end = useAction('queue.end');
  const extend = useAction('queue.extend');
  const next = useAction('queue.next');
  const current = onFloor(entries);
  const upcoming = nextWaiting(entries);
  // The countdown ticks while someone holds the floor or a start can still be taken back.
  const ticking = current !== undefined || undo.recentAt(Date.now()).length > 0;
  const now = useNow(ticking ? 250 : null);
  const recent = undo.recentAt(now);
  const timer = current && timerView(current.limitSeconds, elapsedMs(current.intervals, now), warnSeconds);
  const live = !readOnly;

  // One key starts or pauses, one moves to the next speaker.
  const toggle = () => {
    if (current?.state === speechState.speaking) pause.mutate({ id: current.id });
    else if (current?.state === speechState.paused) resume.mutate({ id: current.id });
    else if (upcoming) start.mutate({ id: upcoming.id });
  };
  const goNext = () => (current || upcoming) && next.mutate({ meetingId: meeting.id });
  const addMinute = () => current && extend.mutate({ id: current.id, seconds: 60 });
  useShortcut(consoleKeys.toggle, toggle, live);
  useShortcut(consoleKeys.next, goNext, live);
  useShortcut(consoleKeys.extend, addMinute, live);
  useShortcut(consoleKeys.undo, () => undo.undo(), live);
  useShortcut(consoleKeys.skip, () => undo.skip(), live);

  return (
    <section className={`card speaker-card tone-${timer?.tone ?? 'idle'}`} aria-label={q.current}>
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
            {current.state === speechState.paused && <span className="paused-badge">{q.pause}</span>}
          </div>
        </div>
      ) : (
        <div className="speaker-now idle" data-testid="console-idle">
          <span className="muted-text">{q.nobody}</span>
          {upcoming && (
            <span>
              {q.upNext}
              <span className="strong">{upcoming.name}</span>
              {paren(upcoming.kind)}
            </span>
          )}
        </div>
      )}
      {live &&
        // Two lines at most: N pressed twice over an absent speaker is the case to mend.
        recent.slice(0, 2).map(({ speech, leftMs }, i) => (
          <div className="undo-bar" role="status" data-testid="undo-start" key={speech.id}>
            <span>{t.undo.started(speech.name, Math.ceil(leftMs / 1000))}</span>
            <button type="button" className="mini" onClick={() => undo.undoStart(speech)}>
              {i === 0 ? t.undo.undo : t.undo.undoPlain}
            </button>
            <button type="button" className="mini" onClick={() => undo.skip(speech)}>
              {i === 0 ? t.undo.skip : t.undo.skipPlain}
            </button>
          </div>
        ))}
      {live && (
        <div className="speaker-controls">
          {current?.state === speechState.speaking && (
            <button
              type="button"
              className="button"
              onClick={() => pause.mutate({ id: current.id })}
              title={k(consoleKeys.toggle)}
            >
              ❚❚ {q.pause}
            </button>
          )}
          {current?.state === speechState.paused && (
            <button
              type="button"
              className="button"
              onClick={() => resume.mutate({ id: current.id })}
              title={k(consoleKeys.toggle)}
            >
              ▶ {q.resume}
            </button>
          )}
          {!current && upcoming && (
            <>
              <button
                type="button"
                className="button primary"
                onClick={() => start.mutate({ id: upcoming.id })}
                title={k(consoleKeys.toggle)}
              >
                ▶ {labelled(q.start, upcoming.name)}
              </button>
              <button type="button" className="button" onClick={() => undo.skip(upcoming)} title={q.skipHint}>
                {q.skip}
              </button>
            </>
          )}
          {current && (
            <>
              <button type="button" className="button" onClick={addMinute} title={k(consoleKeys.extend)}>
                {q.extend}
              </button>
              <button type="button" className="button" onClick={() => end.mutate({ id: current.id })}>
                ■ {q.end}
              </button>
            </>
          )}
          <span className="spacer" />
          <button
            type="button"
            className="button primary"
            disabled={!current && !upcoming}
            onClick={goNext}
            title={k(consoleKeys.next)}
          >
            {q.next} »
          </button>
        </div>
      )}
    </section>
  );
}
