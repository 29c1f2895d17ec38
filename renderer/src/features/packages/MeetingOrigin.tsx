import { clockDateTime } from '../../lib/dates';
import { useCall } from '../../lib/query';
import { t } from './text';

/** 来自：<installation>，<date>, for a meeting a package brought (nothing for one held here). */
export function MeetingOrigin({ meetingId }: { meetingId: number }) {
  const origin = useCall('package.origin', { meetingId }).data;
  if (!origin) return null;
  return (
    <>
      <dt>{t.origin.label}</dt>
      <dd className="meeting-origin">
        {t.origin.from(origin.installation, clockDateTime(origin.exportedAt))}
        {origin.organisation && <span className="muted-text">{t.origin.organisation(origin.organisation)}</span>}
      </dd>
    </>
  );
}
