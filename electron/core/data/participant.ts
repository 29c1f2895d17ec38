import type { Attendance, ParticipantRole } from '../../../shared/domain/meetings';
import type { Ctx } from '../context';
import { run, sql } from '../db/sql';

/** The participant table's only writer: who takes part in a meeting, in what role, and their check-in. */

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
