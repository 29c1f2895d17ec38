import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { useCall } from '../../lib/query';
import { MinutesEditor } from '../minutes/MinutesEditor';
import { ResolutionsPanel } from '../resolutions/ResolutionsPanel';
import { AgendaEditor } from './AgendaEditor';
import { AgendaProgress } from './AgendaProgress';
import { CurrentSpeaker } from './CurrentSpeaker';
import { MeetingDrawer } from './MeetingDrawer';
import { ParticipantsPanel } from './ParticipantsPanel';
import { ScreenControl } from './ScreenControl';
import { SpeakerQueue } from './SpeakerQueue';
import { SpeechStats } from './SpeechStats';
import { useConsole, useStatusActions } from './useMeetingPage';
import { StatusTag } from './StatusTag';
import { paren } from '../../components/text';
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
            now={live.now}
            warnSeconds={live.settings.data?.warnSeconds ?? 60}
            readOnly={readOnly}
            undo={live.undo}
          />
          {!readOnly && <ScreenControl meetingId={meeting.id} />}
        </div>
        <SpeakerQueue meeting={meeting} entries={live.entries} now={live.now} readOnly={readOnly} undo={live.undo} />
        <AgendaProgress meeting={meeting} now={live.now} readOnly={readOnly} />
        <SpeechStats entries={live.entries} now={live.now} />
      </div>
      <MinutesEditor meetingId={meeting.id} readOnly={readOnly} floor={live.floor} undone={live.undone} />
    </div>
  );
}

function StatusActions({ meeting }: { meeting: MeetingDetail }) {
  const actions = useStatusActions(meeting);
  const s = t.status;
  return (
    <>
      {meeting.status === meetingStatus.preparing && (
        <button type="button" className="button primary" onClick={() => actions.go(meetingStatus.live)}>
          {s.start}
        </button>
      )}
      {meeting.status === meetingStatus.live && (
        <button type="button" className="button" onClick={() => actions.ask(meetingStatus.ended)}>
          {s.end}
        </button>
      )}
      {meeting.status === meetingStatus.ended && (
        <>
          <button type="button" className="button" onClick={() => actions.go(meetingStatus.live)}>
            {s.reopen}
          </button>
          <button type="button" className="button primary" onClick={() => actions.ask(meetingStatus.archived)}>
            {s.archive}
          </button>
        </>
      )}
      {meeting.status === meetingStatus.archived &&
        (actions.reason === null ? (
          <button type="button" className="button" onClick={() => actions.setReason('')}>
            {s.unarchive}
          </button>
        ) : (
          // Electron has no window.prompt: the reason is asked for in place.
          <span className="inline-field">
            <input
              autoFocus
              aria-label={s.unarchiveReason}
              placeholder={s.unarchiveReason}
              value={actions.reason}
              maxLength={500}
              onChange={(e) => actions.setReason(e.target.value)}
            />
            <button type="button" className="button primary" onClick={actions.unarchive}>
              {s.unarchive}
            </button>
          </span>
        ))}
      {actions.asking && actions.question && (
        <ConfirmDialog
          title={actions.question.title}
          body={actions.question.body}
          confirm={actions.question.confirm}
          onCancel={() => actions.setAsking(null)}
          onConfirm={actions.confirm}
        />
      )}
    </>
  );
}

function MeetingInfo({ meeting }: { meeting: MeetingDetail }) {
  const people = new Map(meeting.participants.map((p) => [p.personId, p.name]));
  const f = t.fields;
  return (
    <section className="card">
      <dl className="info-list wide-dt">
        <dt>{f.form}</dt>
        <dd>{meeting.form}</dd>
        <dt>{f.issueNo}</dt>
        <dd>{t.issue(meeting.issueNo)}</dd>
        <dt>{f.startsAt}</dt>
        <dd>{meeting.startsAt.replace('T', ' ')}</dd>
        <dt>{f.place}</dt>
        <dd>{meeting.place || f.none}</dd>
        <dt>{f.chair}</dt>
        <dd>{(meeting.chairId && people.get(meeting.chairId)) || f.none}</dd>
        <dt>{f.recorder}</dt>
        <dd>{(meeting.recorderId && people.get(meeting.recorderId)) || f.none}</dd>
        <dt>{f.topic}</dt>
        <dd>{meeting.topicId ? <Link to={`/topics/${meeting.topicId}`}>{t.viewTopic}</Link> : t.adHoc}</dd>
      </dl>
      {meeting.statusLog.length > 0 && (
        <>
          <h3 className="card-title">{t.statusLog}</h3>
          <ul className="status-log">
            {meeting.statusLog.map((l, i) => (
              <li key={i}>
                {t.statusMove(new Date(l.at).toLocaleString('zh-CN'), l.from, l.to)}
                {l.reason && paren(l.reason)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
