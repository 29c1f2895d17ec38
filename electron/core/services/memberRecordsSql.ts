import { heldStatuses } from '../../../shared/domain/memberRecords';
import type { PersonKind } from '../../../shared/domain/people';
import { isoNow, type QueryCtx } from '../context';
import { all, column, sql } from '../db/sql';

/** The SQL the members' records share: the year's held meetings and speeches, whose records, and who they are. */

/** Whose records: every person of a kind, or one person. */
export type Who = { kind: PersonKind } | { personId: number };
export const whoSql = (who: Who) => ('kind' in who ? sql`p.kind = ${who.kind}` : sql`p.id = ${who.personId}`);

/**
 * The meetings held that year, and the speeches given in them with their seconds: the sum of
 * the intervals (an open one runs to now), rounded per speech as the queue's statistics round.
 * A suggestion counts as adopted once its meeting's resolutions are confirmed by the chair: a
 * draft under discussion is not yet a resolution (a change of substance withdraws it again).
 */
export const base = (ctx: QueryCtx, year: number) => sql`
  held AS (SELECT id, title, form, issue_no, starts_at, status FROM meeting WHERE year = ${year} AND status IN ${heldStatuses}),
  given AS (
    SELECT s.id, s.meeting_id, s.person_id,
           CAST(round(sum(max(0, round((unixepoch(coalesce(i.stopped_at, ${isoNow(ctx)}), 'subsec') - unixepoch(i.started_at, 'subsec')) * 1000))) / 1000.0) AS INTEGER) AS secs
      FROM speech s JOIN held h ON h.id = s.meeting_id JOIN speech_interval i ON i.speech_id = s.id
     GROUP BY s.id),
  adoptedIn AS (SELECT h.id FROM held h JOIN resolution_confirmation c ON c.meeting_id = h.id AND c.withdrawn_at IS NULL),
  sources AS (
    SELECT r.id AS rid, s.person_id FROM resolution r JOIN adoptedIn a ON a.id = r.meeting_id
      JOIN resolution_mark rm ON rm.resolution_id = r.id JOIN mark mk ON mk.id = rm.mark_id JOIN speech s ON s.id = mk.speech_id
    UNION
    SELECT r.id, s.person_id FROM resolution r JOIN adoptedIn a ON a.id = r.meeting_id
      JOIN resolution_speech rs ON rs.resolution_id = r.id JOIN speech s ON s.id = rs.speech_id)`;

/** Whether a participant gave a speech in that meeting (the speech index finds the meeting's few). */
export const SPOKE = sql.raw(
  `EXISTS (SELECT 1 FROM speech s JOIN speech_interval i ON i.speech_id = s.id WHERE s.meeting_id = pa.meeting_id AND s.person_id = pa.person_id)`,
);

export const MEETING_REF = sql.raw(
  `h.id AS meetingId, h.title AS meetingTitle, h.form, h.issue_no AS issueNo, substr(h.starts_at, 1, 10) AS date`,
);

/** Years with held meetings, newest first. */
export function recordYears(ctx: QueryCtx): number[] {
  return column<number>(
    ctx.db,
    sql`SELECT DISTINCT year FROM meeting WHERE status IN ${heldStatuses} ORDER BY year DESC`,
  );
}

export interface PersonRow {
  id: number;
  name: string;
  kind: PersonKind;
  pinyin: string;
  retired: number;
  sector: string;
  affiliation: string;
}

export function people(ctx: QueryCtx, who: Who): PersonRow[] {
  return all<PersonRow>(
    ctx.db,
    sql`SELECT p.id, p.name, p.kind, p.pinyin, p.retired_at IS NOT NULL AS retired, coalesce(se.name, '') AS sector,
              coalesce(se.name, d.name, nullif(p.unit, ''), '') AS affiliation
         FROM person p LEFT JOIN sector se ON se.id = p.sector_id LEFT JOIN department d ON d.id = p.department_id
        WHERE ${whoSql(who)} ORDER BY p.pinyin, p.name, p.id`,
  );
}
