import { useMemo, useState } from 'react';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { usePageShortcuts } from '../../components/ShortcutHelp';
import { useFlushEditors } from '../../lib/beforeClose';
import { hhmm } from '../../lib/dates';
import { useAction, useCall } from '../../lib/query';
import { meetingStatus, speechState } from '../../lib/values';
import type { SpeakerInfo } from '../minutes/SpeakerNode';
import { consoleHelp } from './consoleKeys';
import { useQueueUndo } from './useQueueUndo';
import { t } from './text';

/**
 * The live console's data: the queue, who holds the floor (for the minutes), the undo of a start.
 * No clock here: each part that shows time ticks by itself, so the console (and the minutes
 * beside it) does not re-render four times a second.
 */
export function useConsole(meeting: MeetingDetail) {
  const queue = useCall('queue.get', { meetingId: meeting.id });
  const settings = useCall('settings.get', {});
  const entries = queue.data?.entries ?? [];
  const onFloor = entries.find((e) => e.state === speechState.speaking || e.state === speechState.paused);
  // Stable while the same speech holds the floor: the editor does not re-render with the clock.
  const floorId = onFloor?.id;
  const floor = useMemo<SpeakerInfo | null>(
    () =>
      onFloor
        ? {
            speechId: onFloor.id,
            name: onFloor.name,
            affiliation: onFloor.affiliation,
            kind: onFloor.kind,
            time: hhmm(Date.parse(onFloor.intervals[0]?.from ?? onFloor.endedAt ?? '')),
          }
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [floorId],
  );
  const undo = useQueueUndo(entries);
  usePageShortcuts(consoleHelp);
  return { settings, entries, floor, undo };
}

type Status = MeetingDetail['status'];

/** Steps that are not taken back with one click: asked first (Enter confirms, Esc cancels). */
const asked: Partial<Record<Status, { title: string; body: string; confirm: string }>> = {
  已结束: { title: t.confirm.endTitle, body: t.confirm.endBody, confirm: t.status.end },
  已归档: { title: t.confirm.archiveTitle, body: t.confirm.archiveBody, confirm: t.status.archive },
};

/** The meeting's next status: steps asked first, the minutes flushed before any step, the reason for unarchiving. */
export function useStatusActions(meeting: MeetingDetail) {
  const setStatus = useAction('meeting.setStatus');
  const flushEditors = useFlushEditors();
  const [reason, setReason] = useState<string | null>(null);
  const [asking, setAsking] = useState<Status | null>(null);
  // The minutes' last words go in first: ending snapshots them, archiving makes them read-only.
  const go = (status: Status, reason?: string) =>
    void flushEditors().then(() => setStatus.mutate({ id: meeting.id, status, reason }));
  const ask = (status: Status) => (asked[status] ? setAsking(status) : go(status));
  const question = asking && asked[asking];
  /** The asked step confirmed. */
  const confirm = () => {
    setAsking(null);
    if (asking) go(asking);
  };
  /** Back from the archive, with the reason typed. */
  const unarchive = () => go(meetingStatus.ended, reason ?? undefined);
  return { reason, setReason, asking, setAsking, go, ask, question, confirm, unarchive };
}
