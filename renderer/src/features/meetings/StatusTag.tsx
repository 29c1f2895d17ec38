import type { MeetingStatus } from '../../../../shared/domain/meetings';

export function StatusTag({ status }: { status: MeetingStatus }) {
  return <span className={`tag meeting-status ms-${status}`}>{status}</span>;
}
