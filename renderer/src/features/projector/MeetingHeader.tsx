import type { CSSProperties } from 'react';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { t } from './text';
import { Words } from './Words';
import { hhmm } from '../../lib/dates';
import { useNow } from '../../lib/useNow';

/** The band on top of every meeting screen: which meeting, and the time. */
export function MeetingHeader({ meeting }: { meeting: MeetingDetail }) {
  const now = useNow(1000);
  return (
    <header className="projector-header">
      <p className="projector-issue">{t.issue(meeting.form, meeting.issueNo, meeting.place)}</p>
      <p className="projector-header-clock">{hhmm(now)}</p>
      {/* The only place the room reads the meeting's name: the whole of it, on two lines if need be. */}
      <h1
        className="projector-title"
        style={{ '--chars': [...meeting.title].length } as CSSProperties}
        data-testid="projector-title"
      >
        <Words text={meeting.title} />
      </h1>
    </header>
  );
}
