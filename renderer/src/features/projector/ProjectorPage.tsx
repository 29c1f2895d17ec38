import { useCall } from '../../lib/query';
import { AgendaScreen } from './AgendaScreen';
import { JoinScreen } from './JoinScreen';
import { SpeakerScreen } from './SpeakerScreen';
import { t } from './text';
import { hhmm } from '../../lib/dates';
import { useNow } from '../../lib/useNow';
import './projector.css';

/**
 * The projector window: what screen.set chose for the room. It never polls: the console's
 * changes arrive as change events and refresh screen.get, and only the clock ticks here.
 */
export function ProjectorPage() {
  const screen = useCall('screen.get', {});
  const view = screen.data;
  if (screen.error && !view) return <Idle note={t.loadError} />;
  if (!view) return <main className="projector" data-mode="loading" />;
  const { meeting } = view;
  if (!meeting) return <Idle note={t.idleNote} />;
  // Any mode this window does not know shows the agenda.
  const mode = (['speaker', 'message', 'blank', 'join'] as const).find((m) => m === view.mode) ?? 'agenda';
  return (
    <main className={`projector mode-${mode}`} data-mode={mode}>
      {mode === 'agenda' && <AgendaScreen meeting={meeting} />}
      {mode === 'join' && <JoinScreen view={view} />}
      {mode === 'speaker' && <SpeakerScreen meeting={meeting} queue={view.queue} warnSeconds={view.warnSeconds} />}
      {mode === 'message' && (
        <p className={`projector-message${view.message.length > 24 ? ' long' : ''}`} data-testid="projector-message">
          {view.message || meeting.title}
        </p>
      )}
    </main>
  );
}

/** No meeting to show: the organisation's name and the time. */
function Idle({ note }: { note: string }) {
  const settings = useCall('settings.get', {});
  const now = useNow(1000);
  return (
    <main className="projector" data-mode="idle">
      <div className="projector-idle">
        <p className="projector-org">{settings.data?.orgName ?? ''}</p>
        <h1>{t.idleTitle}</h1>
        <p className="projector-clock">{hhmm(now)}</p>
        <p className="projector-note">{note}</p>
      </div>
    </main>
  );
}
