import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { meetingStatus } from '../../lib/values';
import { MarkHeld } from './MarkHeld';
import { t } from './text';
import { useStatusActions } from './useMeetingPage';

/** The meeting's next steps by its status: start (or mark held after the fact), end, reopen, archive, unarchive with a reason. */
export function StatusActions({ meeting }: { meeting: MeetingDetail }) {
  const actions = useStatusActions(meeting);
  const s = t.status;
  return (
    <>
      {meeting.status === meetingStatus.preparing && (
        <>
          <MarkHeld meeting={meeting} />
          <button type="button" className="button primary" onClick={() => actions.go(meetingStatus.running)}>
            {s.start}
          </button>
        </>
      )}
      {meeting.status === meetingStatus.running && (
        <button type="button" className="button" onClick={() => actions.ask(meetingStatus.ended)}>
          {s.end}
        </button>
      )}
      {meeting.status === meetingStatus.ended && (
        <>
          <button type="button" className="button" onClick={() => actions.go(meetingStatus.running)}>
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
