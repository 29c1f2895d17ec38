import { Link } from 'react-router';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { roleLabels } from '../../../../shared/contract/roles';
import { paren } from '../../components/text';
import { useCall } from '../../lib/query';
import { ExportOneButton } from '../packages/ExportOneButton';
import { MeetingOrigin } from '../packages/MeetingOrigin';
import { t } from './text';

/** The meeting's particulars and its status log. */
export function MeetingInfo({ meeting }: { meeting: MeetingDetail }) {
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
        <MeetingOrigin meetingId={meeting.id} />
      </dl>
      <div className="info-actions">
        <ExportOneButton meetingId={meeting.id} />
      </div>
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
      <DeviceRecord meetingId={meeting.id} />
    </section>
  );
}

/** What the room's devices did (会场互联), kept after the room is closed. */
function DeviceRecord({ meetingId }: { meetingId: number }) {
  const record = useCall('lan.record', { meetingId });
  if (!record.data?.length) return null;
  return (
    <>
      <h3 className="card-title">{t.deviceRecord}</h3>
      <ul className="status-log" aria-label={t.deviceRecord}>
        {record.data.map((e) => (
          <li key={e.id}>
            {t.deviceEvent(new Date(e.at).toLocaleString('zh-CN'), roleLabels[e.role], e.device, e.action, e.detail)}
          </li>
        ))}
      </ul>
    </>
  );
}
