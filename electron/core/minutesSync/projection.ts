import type { RevisionReason } from '../../../shared/contract/minutes';
import { readMinutesDoc, type DocMark } from '../../../shared/domain/minutesDoc';
import { isoNow, type Ctx } from '../context';
import { deleteMark, insertMark, markMeeting, meetingMarkRows, updateMark } from '../data/mark';
import { addRevision, lastRevisionAt, minutesVersion, saveMinutes } from '../data/minutes';
import { orderedSpeeches } from '../data/speech';
import { opinionMarkIds } from '../data/writtenOpinion';

/** A revision is kept whenever the last one is this old (and at meeting end, before a restore). */
export const REVISION_EVERY_MS = 5 * 60 * 1000;

/**
 * What the rest of the app reads of the minutes, derived from the shared document: the minutes
 * row (Lexical's JSON, its plain text for search, its length), the marks, the 5-minute revisions.
 * Returns whether what other screens list changed (the marks, the revisions); false as well when
 * the document cannot be read (the row is kept as it is; the reason is logged).
 */
export function writeProjection(ctx: Ctx, meetingId: number, doc: string): boolean {
  const read = readMinutesDoc(doc);
  if (!read.ok) {
    console.error(`[会议记录] 第 ${meetingId} 次会议的文档无法读取：${read.reason}`);
    return false;
  }
  let listed = false;
  const now = isoNow(ctx);
  saveMinutes(ctx, meetingId, {
    doc,
    plain: read.value.plain,
    chars: read.value.chars,
    version: minutesVersion(ctx, meetingId) + 1,
    savedAt: now,
    session: ctx.session,
    clean: true,
  });
  const last = lastRevisionAt(ctx, meetingId);
  if (!last || ctx.now().getTime() - Date.parse(last) >= REVISION_EVERY_MS) {
    keepRevision(ctx, meetingId, '定时');
    listed = true;
  }
  return syncMarks(ctx, meetingId, read.value.marks, now) || listed;
}

/** Keeps the projected minutes as a revision (nothing to do before there are any). */
export const keepRevision = (ctx: Ctx, meetingId: number, reason: RevisionReason) =>
  addRevision(ctx, meetingId, reason, isoNow(ctx));

/** Marks follow the document: new ones are recorded, changed ones updated, removed ones deleted. Returns whether any moved. */
function syncMarks(ctx: Ctx, meetingId: number, marks: readonly DocMark[], now: string): boolean {
  const existing = new Map(meetingMarkRows(ctx, meetingId).map((r) => [r.id, r]));
  if (!marks.length && !existing.size) return false;
  let changed = false;
  const speeches = new Set(orderedSpeeches(ctx, meetingId).map((s) => s.id));
  const opinions = opinionMarkIds(ctx, meetingId);
  for (const mark of marks) {
    const ownSpeech = mark.speechId !== null && speeches.has(mark.speechId) && !opinions.has(mark.id);
    const m = { ...mark, speechId: ownSpeech ? mark.speechId : null };
    const row = existing.get(m.id);
    existing.delete(m.id);
    if (!row) {
      // Text pasted from another meeting's minutes brings that meeting's mark ids along: the text
      // is kept, but such a mark stays that meeting's record (mark it again here to record it).
      const owner = markMeeting(ctx, m.id);
      if (owner !== undefined && owner !== meetingId) continue;
      insertMark(ctx, meetingId, m, now);
      changed = true;
    } else if (
      row.kind !== m.kind ||
      row.excerpt !== m.excerpt ||
      row.speech_id !== m.speechId ||
      row.ord !== m.order
    ) {
      updateMark(ctx, m);
      changed = true;
    }
  }
  for (const id of existing.keys()) deleteMark(ctx, id);
  return changed || existing.size > 0;
}
