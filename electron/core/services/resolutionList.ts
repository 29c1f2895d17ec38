import { Resolution, type ResolutionList } from '../../../shared/contract/resolutions';
import type { QueryCtx } from '../context';
import { listMarks } from '../data/mark';
import { changesSince, confirmedLine } from '../../../shared/domain/resolutions';
import { findConfirmation, findWithdrawn, markTaken } from '../data/resolution';
import { groupByOwner } from '../db/groupByOwner';
import { rowMapper, type DbRow } from '../db/rows';
import { all, sql } from '../db/sql';
import { meetingRow } from './meetings';

/** The meeting's resolutions in order, with departments, sources, the confirmation and the marks not yet taken up. */
export function listResolutions(ctx: QueryCtx, meetingId: number): ResolutionList {
  meetingRow(ctx, meetingId);
  const ofMeeting = sql`SELECT id FROM resolution WHERE meeting_id = ${meetingId}`;
  const rows = all<DbRow>(
    ctx.db,
    sql`SELECT r.id, r.position, r.text, r.lead_department_id, d.name AS lead_department, r.deadline
          FROM resolution r LEFT JOIN department d ON d.id = r.lead_department_id
         WHERE r.meeting_id = ${meetingId} ORDER BY r.position`,
  );
  const co = groupByOwner(
    all<{ owner: number; id: number; name: string }>(
      ctx.db,
      sql`SELECT c.resolution_id AS owner, c.department_id AS id, d.name FROM resolution_co c JOIN department d ON d.id = c.department_id
           WHERE c.resolution_id IN (${ofMeeting}) ORDER BY c.ord`,
    ),
  );
  const marks = groupByOwner(
    all<{ owner: number; id: string; speechId: number | null }>(
      ctx.db,
      sql`SELECT rm.resolution_id AS owner, rm.mark_id AS id, m.speech_id AS speechId FROM resolution_mark rm JOIN mark m ON m.id = rm.mark_id
           WHERE rm.resolution_id IN (${ofMeeting}) ORDER BY m.ord`,
    ),
  );
  const direct = groupByOwner(
    all<{ owner: number; id: number }>(
      ctx.db,
      sql`SELECT rs.resolution_id AS owner, rs.speech_id AS id FROM resolution_speech rs
           WHERE rs.resolution_id IN (${ofMeeting})`,
    ),
  );
  const speakerOf = new Map(
    all<{ id: number; name: string }>(
      ctx.db,
      sql`SELECT s.id, p.name FROM speech s JOIN person p ON p.id = s.person_id WHERE s.meeting_id = ${meetingId}`,
    ).map((s) => [s.id, s.name]),
  );
  const idOf = (r: DbRow) => r.id as number;
  const directIds = (r: DbRow) => (direct.get(idOf(r)) ?? []).map((s) => s.id).sort((a, b) => a - b);
  // Every source speech: those of the marks and those linked directly.
  const speechIds = (r: DbRow) => {
    const fromMarks = (marks.get(idOf(r)) ?? []).map((m) => m.speechId).filter((s): s is number => s !== null);
    return [...new Set([...fromMarks, ...directIds(r)])].sort((a, b) => a - b);
  };
  const toResolution = rowMapper(Resolution, {
    leadDepartment: (r) => (r.lead_department as string | null) ?? '',
    coDepartmentIds: (r) => (co.get(idOf(r)) ?? []).map((c) => c.id),
    coDepartments: (r) => (co.get(idOf(r)) ?? []).map((c) => c.name),
    markIds: (r) => (marks.get(idOf(r)) ?? []).map((m) => m.id),
    directSpeechIds: directIds,
    speechIds,
    speakers: (r) => [
      ...new Set(
        speechIds(r)
          .map((s) => speakerOf.get(s))
          .filter((n): n is string => !!n),
      ),
    ],
  });
  const untaken = listMarks(ctx, meetingId).filter((m) => m.kind !== '共识' && !markTaken(ctx, m.id));
  const items = rows.map(toResolution);
  const withdrawn = findWithdrawn(ctx, meetingId);
  return {
    meetingId,
    items,
    confirmed: findConfirmation(ctx, meetingId) ?? null,
    changedSince: withdrawn
      ? { by: withdrawn.by, at: withdrawn.at, changes: changesSince(withdrawn.lines, items.map(confirmedLine)) }
      : null,
    untaken,
  };
}
