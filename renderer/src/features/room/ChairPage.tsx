import { REQUEST, type DeviceView } from '../../../../shared/contract/lan';
import { useAction, useCall } from '../../lib/query';
import { speechState } from '../../lib/values';
import { CurrentSpeaker } from '../meetings/CurrentSpeaker';
import { ScreenControl } from '../meetings/ScreenControl';
import { useQueueUndo } from '../meetings/useQueueUndo';
import { MinutesEditor } from '../minutes/MinutesEditor';
import { LinkBanner } from './LinkBanner';
import { t } from './text';

/** The warning before the limit when the chair's tablet cannot read the settings (they are the secretary's). */
const WARN_SECONDS = 60;

/**
 * The chair's tablet: the floor and its controls, the waiting list in order, the requests from
 * the phones to accept or decline, the minutes to read. Touch-sized; no keyboard needed.
 */
export function ChairPage({ me }: { me: DeviceView }) {
  const meeting = useCall('meeting.get', { id: me.meetingId });
  const queue = useCall('queue.get', { meetingId: me.meetingId });
  const entries = queue.data?.entries ?? [];
  const undo = useQueueUndo(entries);
  if (!meeting.data) return <main className="room room-message">{t.loading}</main>;
  return (
    <main className="room room-chair">
      <LinkBanner />
      <header className="room-head">
        <h1>{meeting.data.title}</h1>
        <span className="room-sub">{t.chairTitle}</span>
      </header>
      <div className="room-chair-grid">
        <div>
          <CurrentSpeaker
            meeting={meeting.data}
            entries={entries}
            warnSeconds={WARN_SECONDS}
            readOnly={false}
            undo={undo}
          />
          <Requests meetingId={me.meetingId} />
          <ScreenControl meetingId={me.meetingId} opensWindow={false} />
          <Waiting entries={entries} />
        </div>
        <MinutesEditor meetingId={me.meetingId} readOnly floor={null} readOnlyNote={t.minutesReadOnly} />
      </div>
    </main>
  );
}

function Requests({ meetingId }: { meetingId: number }) {
  const requests = useCall('speakRequest.list', { meetingId });
  const decide = useAction('speakRequest.decide');
  const pending = (requests.data ?? []).filter((r) => r.state === REQUEST.pending);
  return (
    <section className="room-card" aria-label={t.requestsTitle}>
      <h2>{t.requestsTitle}</h2>
      {pending.length === 0 && <p className="room-note">{t.noRequests}</p>}
      <ul className="room-list">
        {pending.map((r) => (
          <li key={r.id} className="room-request" data-testid="speak-request">
            <span>
              <strong>{r.name}</strong> <span className="room-sub">{t.requestLine(r.kind, r.subject, r.state)}</span>
            </span>
            <button
              type="button"
              className="room-button primary"
              onClick={() => decide.mutate({ id: r.id, accept: true })}
            >
              {t.accept}
            </button>
            <button type="button" className="room-button" onClick={() => decide.mutate({ id: r.id, accept: false })}>
              {t.decline}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Waiting({ entries }: { entries: { id: number; name: string; kind: string; state: string }[] }) {
  const move = useAction('queue.move');
  const waiting = entries.filter((e) => e.state === speechState.waiting);
  return (
    <section className="room-card" aria-label={t.waitingTitle}>
      <h2>{t.waitingTitle}</h2>
      {waiting.length === 0 && <p className="room-note">{t.noneWaiting}</p>}
      <ol className="room-list">
        {waiting.map((e, i) => (
          <li key={e.id} className="room-waiting">
            <span>
              {e.name} <span className="room-sub">{e.kind}</span>
            </span>
            <button
              type="button"
              className="room-button"
              aria-label={`${t.up} ${e.name}`}
              disabled={i === 0}
              onClick={() => move.mutate({ id: e.id, toIndex: i - 1 })}
            >
              ↑
            </button>
            <button
              type="button"
              className="room-button"
              aria-label={`${t.down} ${e.name}`}
              disabled={i === waiting.length - 1}
              onClick={() => move.mutate({ id: e.id, toIndex: i + 1 })}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
