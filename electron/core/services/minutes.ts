import type { MinutesState, SaveResult } from '../../../shared/contract/minutes';
import { MEETING } from '../../../shared/domain/meetings';
import { readMinutesDoc, type DocMark, type DocSummary } from '../../../shared/domain/minutesDoc';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import { deleteMark, insertMark, listMarks, markMeeting, meetingMarkRows, updateMark } from '../data/mark';
import {
  findMinutes,
  findRevision,
  lastRevisionAt,
  listRevisions,
  markMinutesClean,
  minutesVersion,
  saveMinutes,
} from '../data/minutes';
import { orderedSpeeches } from '../data/speech';
import { badInput, conflict, notFound } from '../errors';
import { handlers } from '../handler';
import { meetingRow, writableMeeting } from './meetings';
import { snapshotMinutes } from './minutesRevisions';

/** A revision is kept whenever the last one is this old (and at meeting end, before a restore). */
export const REVISION_EVERY_MS = 5 * 60 * 1000;

function summarise(doc: string): DocSummary {
  const read = readMinutesDoc(doc);
  if (!read.ok) throw badInput(`${read.reason}，未保存`);
  return read.value;
}

function staleMessage(ctx: Ctx, meetingId: number): string {
  const r = findMinutes(ctx, meetingId);
  const when = r ? new Date(r.saved_at).toLocaleTimeString('zh-CN', { hour12: false }) : '';
  return `会议记录已在其他窗口保存了更新的内容（${when}）。本窗口的内容仍在编辑器中，没有被覆盖`;
}

function getMinutes(ctx: QueryCtx, meetingId: number): MinutesState {
  const m = meetingRow(ctx, meetingId);
  const r = findMinutes(ctx, meetingId);
  const archived = m.status === MEETING.archived;
  return {
    meetingId,
    doc: r?.doc ?? null,
    version: r?.version ?? 0,
    savedAt: r?.saved_at ?? null,
    chars: r?.chars ?? 0,
    // An archived meeting's minutes cannot have been open for typing since: no notice for them.
    recoveredFrom: r && !r.clean && r.session !== ctx.session && !archived ? r.saved_at : null,
    readOnly: archived,
  };
}

/** Writes the document, its plain text and its marks as one version, and snapshots when due. */
function writeMinutes(ctx: Ctx, meetingId: number, doc: string, summary: DocSummary, clean: boolean): SaveResult {
  const now = isoNow(ctx);
  const version = minutesVersion(ctx, meetingId) + 1;
  saveMinutes(ctx, meetingId, {
    doc,
    plain: summary.plain,
    chars: summary.chars,
    version,
    savedAt: now,
    session: ctx.session,
    clean,
  });
  const last = lastRevisionAt(ctx, meetingId);
  if (!last || ctx.now().getTime() - Date.parse(last) >= REVISION_EVERY_MS) snapshotMinutes(ctx, meetingId, '定时');
  syncMarks(ctx, meetingId, summary.marks, now);
  return { version, savedAt: now, chars: summary.chars, marks: summary.marks.length };
}

/** Marks follow the document: new ones are recorded, changed ones updated, removed ones deleted. */
function syncMarks(ctx: Ctx, meetingId: number, marks: readonly DocMark[], now: string): void {
  const existing = new Map(meetingMarkRows(ctx, meetingId).map((r) => [r.id, r]));
  if (!marks.length && !existing.size) return;
  const speeches = new Set(orderedSpeeches(ctx, meetingId).map((s) => s.id));
  for (const mark of marks) {
    const m = { ...mark, speechId: mark.speechId !== null && speeches.has(mark.speechId) ? mark.speechId : null };
    const row = existing.get(m.id);
    existing.delete(m.id);
    if (!row) {
      // Text pasted from another meeting's minutes brings that meeting's mark ids along: the text
      // is saved, but such a mark stays that meeting's record (mark it again here to record it).
      const owner = markMeeting(ctx, m.id);
      if (owner !== undefined && owner !== meetingId) continue;
      insertMark(ctx, meetingId, m, now);
    } else if (
      row.kind !== m.kind ||
      row.excerpt !== m.excerpt ||
      row.speech_id !== m.speechId ||
      row.ord !== m.order
    ) {
      updateMark(ctx, m);
    }
  }
  for (const id of existing.keys()) deleteMark(ctx, id);
}

export const minutesHandlers = handlers({
  'minutes.get': ({ meetingId }, ctx) => getMinutes(ctx, meetingId),

  'minutes.status': ({ meetingId }, ctx) => {
    meetingRow(ctx, meetingId);
    const r = findMinutes(ctx, meetingId);
    return { version: r?.version ?? 0, savedAt: r?.saved_at ?? null, chars: r?.chars ?? 0 };
  },

  'minutes.save': {
    // Reading the document is the slow part: done before the write transaction opens.
    prepare: async ({ doc }) => summarise(doc),
    run: ({ meetingId, doc, baseVersion, closing, overwrite }, ctx, summary: DocSummary) => {
      writableMeeting(ctx, meetingId);
      if (minutesVersion(ctx, meetingId) !== baseVersion) {
        if (!overwrite) throw conflict(staleMessage(ctx, meetingId));
        snapshotMinutes(ctx, meetingId, '覆盖前');
      }
      return writeMinutes(ctx, meetingId, doc, summary, closing === true);
    },
  },

  'minutes.close': ({ meetingId, version }, ctx) => {
    writableMeeting(ctx, meetingId);
    return { closed: markMinutesClean(ctx, meetingId, version) };
  },

  'minutes.revisions': ({ meetingId }, ctx) => {
    meetingRow(ctx, meetingId);
    return listRevisions(ctx, meetingId).map((r) => ({
      ...r,
      preview: r.preview.replace(/\s+/g, ' ').trim().slice(0, 80),
    }));
  },

  'minutes.restore': ({ revisionId, baseVersion }, ctx) => {
    const rev = findRevision(ctx, revisionId);
    if (!rev) throw notFound('历史版本', revisionId);
    writableMeeting(ctx, rev.meeting_id);
    if (minutesVersion(ctx, rev.meeting_id) !== baseVersion) throw conflict(staleMessage(ctx, rev.meeting_id));
    snapshotMinutes(ctx, rev.meeting_id, '恢复前');
    writeMinutes(ctx, rev.meeting_id, rev.doc, summarise(rev.doc), false);
    return getMinutes(ctx, rev.meeting_id);
  },

  'mark.list': ({ meetingId }, ctx) => {
    meetingRow(ctx, meetingId);
    return listMarks(ctx, meetingId);
  },
});
