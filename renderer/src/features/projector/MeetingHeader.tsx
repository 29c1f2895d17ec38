import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { t } from './text';
import { hhmm } from '../../lib/dates';
import { useNow } from '../../lib/useNow';

/** The band on top of every meeting screen: which meeting, and the time. */
export function MeetingHeader({ meeting }: { meeting: MeetingDetail }) {
  const now = useNow(1000);
  return (
    <header className="projector-header">
      <div className="projector-header-text">
        <p className="projector-issue">{t.issue(meeting.form, meeting.issueNo, meeting.place)}</p>
        <h1 className="projector-title">{meeting.title}</h1>
      </div>
      <p className="projector-header-clock">{hhmm(now)}</p>
    </header>
  );
}
