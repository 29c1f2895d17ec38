import type { Mark, MinutesState, Revision, SaveResult } from '../../../shared/contract/minutes';
import { readMinutesDoc, type DocMark, type DocSummary } from '../../../shared/domain/minutesDoc';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import { badInput, conflict, notFound } from '../errors';
import { handlers } from '../handler';
import { meetingRow, writableMeeting } from './meetings';
import { snapshotMinutes } from './minutesRevisions';

/** A revision is kept whenever the last one is this old (and at meeting end, before a restore). */
export const REVISION_EVERY_MS = 5 * 60 * 1000;

interface MinutesRow {
  meeting_id: number;
  doc: string;
  chars: number;
  version: number;
  saved_at: string;
  session: string;
  clean: number;
}

function minutesRow(ctx: QueryCtx, meetingId: number): MinutesRow | undefined {
  return ctx.db
    .prepare('SELECT meeting_id, doc, chars, version, saved_at, session, clean FROM minutes WHERE meeting_id = ?')
    .get(meetingId) as MinutesRow | undefined;
}

const currentVersion = (ctx: Ctx, meetingId: number) =>
  (ctx.db.prepare('SELECT version FROM minutes WHERE meeting_id = ?').pluck().get(meetingId) as number | undefined) ??
  0;

function summarise(doc: string): DocSummary {
  const read = readMinutesDoc(doc);
  if (!read.ok) throw badInput(`${read.reason}，未保存`);
  return read.value;
}

function staleMessage(ctx: Ctx, meetingId: number): string {
  const r = minutesRow(ctx, meetingId);
  const when = r ? new Date(r.saved_at).toLocaleTimeString('zh-CN', { hour12: false }) : '';
  return `会议记录已在其他窗口保存了更新的内容（${when}）。本窗口的内容仍在编辑器中，没有被覆盖`;
}

function getMinutes(ctx: QueryCtx, meetingId: number): MinutesState {
  const m = meetingRow(ctx, meetingId);
  const r = minutesRow(ctx, meetingId);
  return {
    meetingId,
    doc: r?.doc ?? null,
    version: r?.version ?? 0,
    savedAt: r?.saved_at ?? null,
    chars: r?.chars ?? 0,
    // An archived meeting's minutes cannot have been open for typing since: no notice for them.
    recoveredFrom: r && !r.clean && r.session !== ctx.session && m.status !== '已归档' ? r.saved_at : null,
    readOnly: m.status === '已归档',
  };
}

/** Writes the document, its plain text and its marks as one version, and snapshots when due. */
function writeMinutes(ctx: Ctx, meetingId: number, doc: string, summary: DocSummary, clean: boolean): SaveResult {
  const now = isoNow(ctx);
  const version = currentVersion(ctx, meetingId) + 1;
  ctx.db
    .prepare(
      `INSERT INTO minutes (meeting_id, doc, plain, chars, version, saved_at, session, clean) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (meeting_id) DO UPDATE SET doc = excluded.doc, plain = excluded.plain, chars = excluded.chars,
         version = excluded.version, saved_at = excluded.saved_at, session = excluded.session, clean = excluded.clean`,
    )
    .run(meetingId, doc, summary.plain, summary.chars, version, now, ctx.session, clean ? 1 : 0);
  const last = ctx.db
    .prepare('SELECT max(created_at) FROM minutes_revision WHERE meeting_id = ?')
    .pluck()
    .get(meetingId) as string | null;
  if (!last || ctx.now().getTime() - Date.parse(last) >= REVISION_EVERY_MS) snapshotMinutes(ctx, meetingId, '定时');
  syncMarks(ctx, meetingId, summary.marks, now);
  return { version, savedAt: now, chars: summary.chars, marks: summary.marks.length };
}

interface MarkRow {
  id: string;
  kind: string;
  excerpt: string;
  speech_id: number | null;
  ord: number;
}

/** Marks follow the document: new ones are recorded, changed ones updated, removed ones deleted. */
function syncMarks(ctx: Ctx, meetingId: number, marks: readonly DocMark[], now: string): void {
  const existing = new Map(
    (
      ctx.db
        .prepare('SELECT id, kind, excerpt, speech_id, ord FROM mark WHERE meeting_id = ?')
        .all(meetingId) as MarkRow[]
    ).map((r) => [r.id, r]),
  );
  if (!marks.length && !existing.size) return;
  const speeches = new Set(
    ctx.db.prepare('SELECT id FROM speech WHERE meeting_id = ?').pluck().all(meetingId) as number[],
  );
  const taken = ctx.db.prepare('SELECT id FROM mark WHERE id = ? AND meeting_id <> ?').pluck();
  const insert = ctx.db.prepare(
    'INSERT INTO mark (id, meeting_id, kind, excerpt, speech_id, ord, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const update = ctx.db.prepare('UPDATE mark SET kind = ?, excerpt = ?, speech_id = ?, ord = ? WHERE id = ?');
  for (const mark of marks) {
    const speechId = mark.speechId !== null && speeches.has(mark.speechId) ? mark.speechId : null;
    const row = existing.get(mark.id);
    existing.delete(mark.id);
    if (!row) {
      // Text pasted from another meeting's minutes brings that meeting's mark ids along: the text
      // is saved, but such a mark stays that meeting's record (mark it again here to record it).
      if (taken.get(mark.id, meetingId) !== undefined) continue;
      insert.run(mark.id, meetingId, mark.kind, mark.excerpt, speechId, mark.order, now);
    } else if (
      row.kind !== mark.kind ||
      row.excerpt !== mark.excerpt ||
      row.speech_id !== speechId ||
      row.ord !== mark.order
    ) {
      update.run(mark.kind, mark.excerpt, speechId, mark.order, mark.id);
    }
  }
  const remove = ctx.db.prepare('DELETE FROM mark WHERE id = ?');
  for (const id of existing.keys()) remove.run(id);
}

export function listMarks(ctx: QueryCtx, meetingId: number): Mark[] {
  return ctx.db
    .prepare(
      `SELECT m.id, m.kind, m.excerpt, m.speech_id AS speechId, p.name AS speaker, m.ord AS "order", m.created_at AS createdAt
         FROM mark m LEFT JOIN speech s ON s.id = m.speech_id LEFT JOIN person p ON p.id = s.person_id
        WHERE m.meeting_id = ? ORDER BY m.ord`,
    )
    .all(meetingId) as Mark[];
}

export const minutesHandlers = handlers({
  'minutes.get': ({ meetingId }, ctx) => getMinutes(ctx, meetingId),

  'minutes.status': ({ meetingId }, ctx) => {
    meetingRow(ctx, meetingId);
    const r = minutesRow(ctx, meetingId);
    return { version: r?.version ?? 0, savedAt: r?.saved_at ?? null, chars: r?.chars ?? 0 };
  },

  'minutes.save': {
    // Reading the document is the slow part: done before the write transaction opens.
    prepare: async ({ doc }) => summarise(doc),
    run: ({ meetingId, doc, baseVersion, closing, overwrite }, ctx, summary: DocSummary) => {
      writableMeeting(ctx, meetingId);
      if (currentVersion(ctx, meetingId) !== baseVersion) {
        if (!overwrite) throw conflict(staleMessage(ctx, meetingId));
        snapshotMinutes(ctx, meetingId, '覆盖前');
      }
      return writeMinutes(ctx, meetingId, doc, summary, closing === true);
    },
  },

  'minutes.close': ({ meetingId, version }, ctx) => {
    writableMeeting(ctx, meetingId);
    const r = ctx.db
      .prepare('UPDATE minutes SET clean = 1 WHERE meeting_id = ? AND version = ?')
      .run(meetingId, version);
    return { closed: r.changes > 0 };
  },

  'minutes.revisions': ({ meetingId }, ctx) => {
    meetingRow(ctx, meetingId);
    const rows = ctx.db
      .prepare(
        'SELECT id, version, reason, created_at AS createdAt, chars, substr(plain, 1, 160) AS preview FROM minutes_revision WHERE meeting_id = ? ORDER BY id DESC',
      )
      .all(meetingId) as Revision[];
    return rows.map((r) => ({ ...r, preview: r.preview.replace(/\s+/g, ' ').trim().slice(0, 80) }));
  },

  'minutes.restore': ({ revisionId, baseVersion }, ctx) => {
    const rev = ctx.db.prepare('SELECT meeting_id, doc FROM minutes_revision WHERE id = ?').get(revisionId) as
      { meeting_id: number; doc: string } | undefined;
    if (!rev) throw notFound('历史版本', revisionId);
    writableMeeting(ctx, rev.meeting_id);
    if (currentVersion(ctx, rev.meeting_id) !== baseVersion) throw conflict(staleMessage(ctx, rev.meeting_id));
    snapshotMinutes(ctx, rev.meeting_id, '恢复前');
    writeMinutes(ctx, rev.meeting_id, rev.doc, summarise(rev.doc), false);
    return getMinutes(ctx, rev.meeting_id);
  },

  'mark.list': ({ meetingId }, ctx) => {
    meetingRow(ctx, meetingId);
    return listMarks(ctx, meetingId);
  },
});
