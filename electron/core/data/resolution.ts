import type { Ctx, QueryCtx } from '../context';
import { column, get, run, sql, value } from '../db/sql';

/**
 * The resolution aggregate (tables resolution, resolution_co, resolution_speech, resolution_mark
 * and resolution_confirmation): the only module that writes them. A meeting's resolutions are
 * numbered 1..n; the chair's confirmation covers the list as it stands.
 */

export interface ResolutionRow {
  id: number;
  meeting_id: number;
  position: number;
  text: string;
  lead_department_id: number | null;
  deadline: string | null;
}

export const findResolution = (ctx: QueryCtx, id: number) =>
  get<ResolutionRow>(
    ctx.db,
    sql`SELECT id, meeting_id, position, text, lead_department_id, deadline FROM resolution WHERE id = ${id}`,
  );

export const orderedResolutionIds = (ctx: QueryCtx, meetingId: number) =>
  column<number>(ctx.db, sql`SELECT id FROM resolution WHERE meeting_id = ${meetingId} ORDER BY position`);

export const coDepartmentIds = (ctx: QueryCtx, id: number) =>
  column<number>(ctx.db, sql`SELECT department_id FROM resolution_co WHERE resolution_id = ${id} ORDER BY ord`);

/** What the chair confirmed: text, departments and deadline (sources do not change what is agreed). */
export function substance(ctx: QueryCtx, id: number): string {
  const r = get(ctx.db, sql`SELECT text, lead_department_id, deadline FROM resolution WHERE id = ${id}`);
  return JSON.stringify([r, coDepartmentIds(ctx, id)]);
}

/** Whether any resolution was made from the mark. */
export const markTaken = (ctx: QueryCtx, markId: string) =>
  value(ctx.db, sql`SELECT 1 FROM resolution_mark WHERE mark_id = ${markId}`) !== undefined;

/** The position of another resolution (not `exceptId`) already made from the mark, if any. */
export const markTakenBy = (ctx: QueryCtx, markId: string, exceptId: number) =>
  value<number>(
    ctx.db,
    sql`SELECT r.position FROM resolution_mark rm JOIN resolution r ON r.id = rm.resolution_id
         WHERE rm.mark_id = ${markId} AND rm.resolution_id <> ${exceptId}`,
  );

export interface ResolutionFields {
  text: string;
  leadDepartmentId: number | null;
  deadline: string | null;
}

/** A new resolution at the end of the meeting's list. */
export function insertResolution(ctx: Ctx, meetingId: number, f: ResolutionFields, at: string): number {
  const position =
    (value<number | null>(ctx.db, sql`SELECT max(position) FROM resolution WHERE meeting_id = ${meetingId}`) ?? 0) + 1;
  return Number(
    run(
      ctx.db,
      sql`INSERT INTO resolution (meeting_id, position, text, lead_department_id, deadline, created_at, updated_at)
          VALUES (${meetingId}, ${position}, ${f.text}, ${f.leadDepartmentId}, ${f.deadline}, ${at}, ${at})`,
    ).lastInsertRowid,
  );
}

export const updateResolution = (ctx: Ctx, id: number, f: ResolutionFields, at: string) =>
  run(
    ctx.db,
    sql`UPDATE resolution SET text = ${f.text}, lead_department_id = ${f.leadDepartmentId}, deadline = ${f.deadline},
               updated_at = ${at} WHERE id = ${id}`,
  );

export const deleteResolution = (ctx: Ctx, id: number) => run(ctx.db, sql`DELETE FROM resolution WHERE id = ${id}`);

/** Writes positions 1..n in the given order. */
export function renumberResolutions(ctx: Ctx, meetingId: number, ids: readonly number[]): void {
  ids.forEach((id, i) =>
    run(ctx.db, sql`UPDATE resolution SET position = ${i + 1} WHERE id = ${id} AND meeting_id = ${meetingId}`),
  );
}

export interface ResolutionSources {
  coDepartmentIds: readonly number[];
  markIds: readonly string[];
  speechIds: readonly number[];
}

/** Records that the resolution was made from the mark (once). */
export const linkMark = (ctx: Ctx, resolutionId: number, markId: string) =>
  run(ctx.db, sql`INSERT OR IGNORE INTO resolution_mark (resolution_id, mark_id) VALUES (${resolutionId}, ${markId})`);

/** The co-departments, marks and speeches of the form, replacing the earlier ones. */
/** Only the kinds given are replaced: a partial update leaves the others as they are. */
export function replaceLinks(ctx: Ctx, id: number, f: Partial<ResolutionSources>): void {
  if (f.coDepartmentIds !== undefined) {
    run(ctx.db, sql`DELETE FROM resolution_co WHERE resolution_id = ${id}`);
    [...new Set(f.coDepartmentIds)].forEach((d, i) =>
      run(ctx.db, sql`INSERT INTO resolution_co (resolution_id, department_id, ord) VALUES (${id}, ${d}, ${i})`),
    );
  }
  if (f.markIds !== undefined) {
    // A link whose mark is out of the text just now (cut, not yet pasted back) is not the form's to drop.
    run(ctx.db, sql`DELETE FROM resolution_mark WHERE resolution_id = ${id} AND mark_id IN (SELECT id FROM mark)`);
    for (const m of new Set(f.markIds)) linkMark(ctx, id, m);
  }
  if (f.speechIds !== undefined) {
    run(ctx.db, sql`DELETE FROM resolution_speech WHERE resolution_id = ${id}`);
    for (const s of new Set(f.speechIds))
      run(ctx.db, sql`INSERT INTO resolution_speech (resolution_id, speech_id) VALUES (${id}, ${s})`);
  }
}

export const findConfirmation = (ctx: QueryCtx, meetingId: number) =>
  get<{ by: string; at: string }>(
    ctx.db,
    sql`SELECT confirmed_by AS "by", confirmed_at AS "at" FROM resolution_confirmation
         WHERE meeting_id = ${meetingId} AND withdrawn_at IS NULL`,
  );

/** The confirmation a change withdrew: who confirmed, when, and the lines they confirmed. */
export function findWithdrawn(ctx: QueryCtx, meetingId: number) {
  const row = get<{ by: string; at: string; snapshot: string }>(
    ctx.db,
    sql`SELECT confirmed_by AS "by", confirmed_at AS "at", snapshot FROM resolution_confirmation
         WHERE meeting_id = ${meetingId} AND withdrawn_at IS NOT NULL`,
  );
  return row && { by: row.by, at: row.at, lines: JSON.parse(row.snapshot) as string[] };
}

/** `lines`: each resolution as confirmed (confirmedLine), kept to show what a later change changed. */
export const confirmResolutions = (ctx: Ctx, meetingId: number, by: string, at: string, lines: readonly string[]) =>
  run(
    ctx.db,
    sql`INSERT INTO resolution_confirmation (meeting_id, confirmed_by, confirmed_at, snapshot)
        VALUES (${meetingId}, ${by}, ${at}, ${JSON.stringify(lines)})
        ON CONFLICT (meeting_id) DO UPDATE SET confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at,
          snapshot = excluded.snapshot, withdrawn_at = NULL`,
  );

/**
 * Any change to the list withdraws the chair's confirmation: what was confirmed is no longer what
 * is there. The confirmed lines stay, so the chair sees what changed and confirms again in one step.
 */
export const withdrawConfirmation = (ctx: Ctx, meetingId: number, at: string) =>
  run(
    ctx.db,
    sql`UPDATE resolution_confirmation SET withdrawn_at = ${at} WHERE meeting_id = ${meetingId} AND withdrawn_at IS NULL`,
  );
