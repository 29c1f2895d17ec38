import { useEffect, useMemo, useRef, useState } from 'react';
import type { MeetingDetail, Speech } from '../../../../shared/contract/meetings';
import { usePageShortcuts } from '../../components/ShortcutHelp';
import { useFlushEditors } from '../../lib/beforeClose';
import { hhmm } from '../../lib/dates';
import { useAction, useCall } from '../../lib/query';
import { useNow } from '../../lib/useNow';
import { meetingStatus, speechState } from '../../lib/values';
import type { SpeakerInfo } from '../minutes/SpeakerNode';
import { consoleHelp } from './consoleKeys';
import { useQueueUndo } from './useQueueUndo';
import { t } from './text';

/** The live console's data: the queue on the clock, who holds the floor (for the minutes), the undo of a start. */
export function useConsole(meeting: MeetingDetail) {
  const queue = useCall('queue.get', { meetingId: meeting.id });
  const settings = useCall('settings.get', {});
  const now = useNow(250);
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
  const undone = useUndoneStarts(entries);
  const undo = useQueueUndo(entries, now);
  usePageShortcuts(consoleHelp);
  return { settings, now, entries, floor, undone, undo };
}

type Status = MeetingDetail['status'];

/** Steps that are not taken back with one click: asked first (Enter confirms, Esc cancels). */
const asked: Partial<Record<Status, { title: string; body: string; confirm: string }>> = {
  已结束: { title: t.confirm.endTitle, body: t.confirm.endBody, confirm: t.status.end },
  已归档: { title: t.confirm.archiveTitle, body: t.confirm.archiveBody, confirm: t.status.archive },
};

/**
 * Speeches seen on the floor (or just ended) that wait again: their start was undone, here or in
 * another window, and the header their start put in the minutes goes. A header of a speech that
 * merely waits (typed ahead, or from an older text) is not touched.
 */
function useUndoneStarts(entries: readonly Speech[]): ReadonlySet<number> {
  const seen = useRef(new Map<number, Speech['state']>());
  const [undone, setUndone] = useState<ReadonlySet<number>>(new Set());
  useEffect(() => {
    const back = entries.filter(
      (e) =>
        e.state === speechState.waiting &&
        ([speechState.speaking, speechState.paused, speechState.spoken] as Speech['state'][]).includes(
          seen.current.get(e.id) ?? speechState.waiting,
        ),
    );
    seen.current = new Map(entries.map((e) => [e.id, e.state]));
    if (back.length) setUndone((u) => new Set([...u, ...back.map((e) => e.id)]));
  }, [entries]);
  // Only while they wait: a speech started again for real gets its header back.
  const key = entries
    .filter((e) => e.state === speechState.waiting && undone.has(e.id))
    .map((e) => e.id)
    .join();
  return useMemo(() => new Set(key.split(',').filter(Boolean).map(Number)), [key]);
}

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
