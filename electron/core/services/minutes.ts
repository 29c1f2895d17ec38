import { createHash } from 'node:crypto';
import type { MinutesState } from '../../../shared/contract/minutes';
import { MEETING } from '../../../shared/domain/meetings';
import type { QueryCtx } from '../context';
import { listMarks } from '../data/mark';
import { findMinutes, findRevision, listRevisions } from '../data/minutes';
import { storedValue } from '../data/settings';
import { notFound } from '../errors';
import { handlers } from '../handler';
import { FILE_GENERATION } from './app';
import { meetingRow, writableMeeting } from './meetings';

/**
 * The name of this data file's copy of a meeting's document. A window keeps its own copy under
 * this name; after a backup is restored the name changes, so a copy of the old file's document is
 * never merged into the restored one.
 */
export function minutesDocKey(ctx: QueryCtx, meetingId: number): string {
  const generation = String(storedValue(ctx, FILE_GENERATION) ?? '');
  const file = createHash('sha256').update(`${ctx.dataFile}\0${generation}`).digest('hex').slice(0, 16);
  return `${file}-${meetingId}`;
}

function getMinutes(ctx: QueryCtx, meetingId: number): MinutesState {
  const m = meetingRow(ctx, meetingId);
  const r = findMinutes(ctx, meetingId);
  return {
    meetingId,
    doc: r?.doc ?? null,
    savedAt: r?.saved_at ?? null,
    chars: r?.chars ?? 0,
    readOnly: m.status === MEETING.archived,
    docKey: minutesDocKey(ctx, meetingId),
  };
}

/**
 * The minutes' calls. The document itself is edited through the sync protocol
 * (electron/core/minutesSync); these read its projection, list revisions and restore one.
 */
export const minutesHandlers = handlers({
  'minutes.get': ({ meetingId }, ctx) => getMinutes(ctx, meetingId),

  'minutes.revisions': ({ meetingId }, ctx) => {
    meetingRow(ctx, meetingId);
    return listRevisions(ctx, meetingId).map((r) => ({
      ...r,
      preview: r.preview.replace(/\s+/g, ' ').trim().slice(0, 80),
    }));
  },

  'minutes.restore': ({ revisionId }, ctx) => {
    const rev = findRevision(ctx, revisionId);
    if (!rev) throw notFound('历史版本', revisionId);
    writableMeeting(ctx, rev.meeting_id);
    ctx.minutesDocs.replace(rev.meeting_id, rev.doc);
    return getMinutes(ctx, rev.meeting_id);
  },

  'mark.list': ({ meetingId }, ctx) => {
    meetingRow(ctx, meetingId);
    return listMarks(ctx, meetingId);
  },
});
