import type { MeetingSummary } from '../../../shared/contract/resolutions';
import { draftSummary, sectionsOfKind } from '../../../shared/domain/meetingSummary';
import { readMinutesDoc } from '../../../shared/domain/minutesDoc';
import { isoNow, type QueryCtx } from '../context';
import { listMarks } from '../data/mark';
import { findMinutes } from '../data/minutes';
import { clearSummary, findSummary, saveSummary } from '../data/meetingSummary';
import { handlers } from '../handler';
import { writableMeeting } from './meetings';
import { listResolutions } from './resolutionList';
import { readSettings } from './settings';

/** The 纪要's narrative drafted from the meeting as it stands: consensus marks, the chair's summary, the resolutions. */
function draftOf(ctx: QueryCtx, meetingId: number): string {
  const minutes = findMinutes(ctx, meetingId);
  const read = minutes ? readMinutesDoc(minutes.doc) : null;
  const root = read?.ok ? read.value.root : null;
  return draftSummary({
    consensus: listMarks(ctx, meetingId)
      .filter((m) => m.kind === '共识')
      .map((m) => m.excerpt),
    chairSummary: root ? sectionsOfKind(root, '主持人总结') : '',
    departments: listResolutions(ctx, meetingId).items.map((r) => r.leadDepartment),
    office: readSettings(ctx).office,
  });
}

export function meetingSummary(ctx: QueryCtx, meetingId: number): MeetingSummary {
  const saved = findSummary(ctx, meetingId);
  const draft = draftOf(ctx, meetingId);
  return {
    meetingId,
    body: saved?.body ?? draft,
    edited: saved !== undefined,
    draft,
    updatedAt: saved?.updatedAt ?? null,
  };
}

export const summaryHandlers = handlers({
  'summary.get': ({ meetingId }, ctx) => meetingSummary(ctx, meetingId),
  'summary.save': ({ meetingId, body }, ctx) => {
    writableMeeting(ctx, meetingId);
    if (body === null) clearSummary(ctx, meetingId);
    else saveSummary(ctx, meetingId, body, isoNow(ctx));
    return meetingSummary(ctx, meetingId);
  },
});
