import type { Attendance, ParticipantRole } from '../../../shared/domain/meetings';
import type { Participant } from '../../../shared/contract/meetings';
import type { Ctx, QueryCtx } from '../context';
import { all, get, run, sql } from '../db/sql';

/** The participant table's only writer: who takes part in a meeting, in what role, and their check-in. */

/** Who a person is, in one phrase: their 界别, else their department, else their unit (`p` is the person). */
export const AFFILIATION_SQL = sql.raw(
  `coalesce(nullif((SELECT name FROM sector WHERE id = p.sector_id), ''), nullif((SELECT coalesce(nullif(short_name, ''), name) FROM department WHERE id = p.department_id), ''), p.unit, '')`,
);

export const findParticipant = (ctx: QueryCtx, id: number) =>
  get<{ id: number; meetingId: number; personId: number }>(
    ctx.db,
    sql`SELECT id, meeting_id AS meetingId, person_id AS personId FROM participant WHERE id = ${id}`,
  );

/** A meeting's participants in the order they were added, with who each is. */
export const participantsOf = (ctx: QueryCtx, meetingId: number) =>
  all<Participant>(
    ctx.db,
    sql`SELECT pa.id, pa.person_id AS personId, p.name, p.kind, ${AFFILIATION_SQL} AS affiliation, pa.role, pa.attendance,
               pa.checked_in_at AS checkedInAt
          FROM participant pa JOIN person p ON p.id = pa.person_id
         WHERE pa.meeting_id = ${meetingId} ORDER BY pa.id`,
  );

/** Adds the person to the meeting unless already there (their role then stays as it was). */
export function addParticipant(
  ctx: Ctx,
  meetingId: number,
  personId: number,
  role: ParticipantRole,
  attendance?: Attendance,
): void {
  const columns = attendance === undefined ? sql`` : sql`, attendance`;
  const values = attendance === undefined ? sql`` : sql`, ${attendance}`;
  run(
    ctx.db,
    sql`INSERT INTO participant (meeting_id, person_id, role${columns}) VALUES (${meetingId}, ${personId}, ${role}${values})
        ON CONFLICT (meeting_id, person_id) DO NOTHING`,
  );
}

export const setParticipantRole = (ctx: Ctx, id: number, role: ParticipantRole) =>
  run(ctx.db, sql`UPDATE participant SET role = ${role} WHERE id = ${id}`);

/** The check-in as marked, and when (null when it is cleared). */
export const setAttendance = (ctx: Ctx, id: number, attendance: Attendance, checkedInAt: string | null) =>
  run(ctx.db, sql`UPDATE participant SET attendance = ${attendance}, checked_in_at = ${checkedInAt} WHERE id = ${id}`);

export const removeParticipant = (ctx: Ctx, id: number) => run(ctx.db, sql`DELETE FROM participant WHERE id = ${id}`);
