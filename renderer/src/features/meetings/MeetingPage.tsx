import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { EmptyState } from '../../components/EmptyState';
import { useCall } from '../../lib/query';
import { MinutesEditor } from '../minutes/MinutesEditor';
import { ResolutionsPanel } from '../resolutions/ResolutionsPanel';
import { AgendaEditor } from './AgendaEditor';
import { AgendaProgress } from './AgendaProgress';
import { CurrentSpeaker } from './CurrentSpeaker';
import { MeetingDrawer } from './MeetingDrawer';
import { MeetingInfo } from './MeetingInfo';
import { ParticipantsPanel } from './ParticipantsPanel';
import { ScreenControl } from './ScreenControl';
import { LanPanel } from '../lan/LanPanel';
import { SpeakerQueue } from './SpeakerQueue';
import { SpeechStats } from './SpeechStats';
import { StatusActions } from './StatusActions';
import { useConsole } from './useMeetingPage';
import { StatusTag } from './StatusTag';
import { meetingStatus } from '../../lib/values';
import { t } from './text';
import './console.css';

type Tab = keyof typeof t.tabs;

export function MeetingPage() {
  const id = Number(useParams().id);
  const meeting = useCall('meeting.get', { id }, { enabled: id > 0 });
  if (meeting.error) return <EmptyState title={meeting.error.message} />;
  if (!meeting.data) return <section className="page" aria-busy="true" />;
  return <Meeting meeting={meeting.data} key={meeting.data.id} />;
}

function Meeting({ meeting }: { meeting: MeetingDetail }) {
  const [tab, setTab] = useState<Tab>(meeting.status === meetingStatus.preparing ? 'people' : 'console');
  const [editing, setEditing] = useState(false);
  const readOnly = meeting.status === meetingStatus.archived;

  return (
    <section className="page wide meeting-page">
      <Link className="back-link" to="/meetings">
        ← {t.meetings}
      </Link>
      <header className="page-head">
        <div>
          <h1>{meeting.title}</h1>
          <p className="page-sub meeting-sub">
            <StatusTag status={meeting.status} />
            <span>
              {meeting.form} {t.issue(meeting.issueNo)}
            </span>
            <span>{meeting.startsAt.replace('T', ' ')}</span>
            {meeting.place && <span>{meeting.place}</span>}
            {meeting.adHoc && (
              <span className="tag warn-tag" title={t.adHocHint}>
                {t.adHoc}
              </span>
            )}
          </p>
        </div>
        <div className="page-actions">
          {!readOnly && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t.editMeeting}
            </button>
          )}
          <StatusActions meeting={meeting} />
        </div>
      </header>
      {readOnly && <div className="status-banner">{t.status.archivedNote}</div>}

      <div className="tabs" role="tablist">
        {(Object.keys(t.tabs) as Tab[]).map((k) => (
          <button
            type="button"
            role="tab"
            key={k}
            aria-selected={tab === k}
            className={tab === k ? 'on' : ''}
            onClick={() => setTab(k)}
          >
            {t.tabs[k]}
          </button>
        ))}
      </div>

      {tab === 'console' && <Console meeting={meeting} readOnly={readOnly} />}
      {tab === 'people' && <ParticipantsPanel meeting={meeting} readOnly={readOnly} />}
      {tab === 'agenda' && (
        <AgendaEditor meeting={meeting} readOnly={readOnly} key={meeting.agenda.map((a) => a.id).join()} />
      )}
      {tab === 'resolutions' && <ResolutionsPanel meeting={meeting} readOnly={readOnly} />}
      {tab === 'info' && <MeetingInfo meeting={meeting} />}
      {editing && <MeetingDrawer meeting={meeting} onClose={() => setEditing(false)} />}
    </section>
  );
}

/** The live console: timer and controls, the queue, the agenda, the projector, and the minutes beside them. */
function Console({ meeting, readOnly }: { meeting: MeetingDetail; readOnly: boolean }) {
  const live = useConsole(meeting);
  return (
    <div className="console-grid with-minutes">
      <div className="console-main">
        {/* Timer and projector stay in sight (sticky) while the queue scrolls under them. */}
        <div className="console-top">
          <CurrentSpeaker
            meeting={meeting}
            entries={live.entries}
            warnSeconds={live.settings.data?.warnSeconds ?? 60}
            readOnly={readOnly}
            undo={live.undo}
          />
          {!readOnly && <ScreenControl meetingId={meeting.id} />}
        </div>
        <SpeakerQueue meeting={meeting} entries={live.entries} readOnly={readOnly} undo={live.undo} />
        <AgendaProgress meeting={meeting} readOnly={readOnly} />
        <SpeechStats entries={live.entries} />
        {!readOnly && <LanPanel meetingId={meeting.id} />}
      </div>
      <MinutesEditor meetingId={meeting.id} readOnly={readOnly} floor={live.floor} />
    </div>
  );
}
