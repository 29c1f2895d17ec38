import { useExportPackage } from './useExportPackage';
import { t } from './text';

/** 导出会议包 of one meeting, from its own page. */
export function ExportOneButton({ meetingId }: { meetingId: number }) {
  const { exportMeetings, pending } = useExportPackage();
  return (
    <button
      type="button"
      className="button"
      onClick={() => void exportMeetings([meetingId])}
      disabled={pending}
      title={t.export.oneHint}
    >
      {pending ? t.export.going : t.export.one}
    </button>
  );
}
