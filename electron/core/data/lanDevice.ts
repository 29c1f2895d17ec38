import type { LanRole } from '../../../shared/contract/roles';
import type { Ctx, QueryCtx } from '../context';
import { all, get, run, sql } from '../db/sql';

/** The lan_session, lan_device and device_event tables' only writer: when the room was on, its devices, what each did. */

export const insertSession = (ctx: Ctx, s: { meetingId: number; addresses: string[]; port: number; at: string }) =>
  run(
    ctx.db,
    sql`INSERT INTO lan_session (meeting_id, addresses, port, started_at)
        VALUES (${s.meetingId}, ${s.addresses.join(' ')}, ${s.port}, ${s.at})`,
  );

/** Every session still open ends (one at most, unless the core stopped without saying). */
export const endSessions = (ctx: Ctx, reason: string, at: string) =>
  run(ctx.db, sql`UPDATE lan_session SET ended_at = ${at}, ended_reason = ${reason} WHERE ended_at IS NULL`);

export interface DeviceRow {
  id: number;
  meetingId: number;
  role: LanRole;
  name: string;
  participantId: number | null;
  pairedAt: string;
  lastSeenAt: string;
  endedAt: string | null;
}

const COLUMNS = sql.raw(
  `id, meeting_id AS meetingId, role, name, participant_id AS participantId, paired_at AS pairedAt,
   last_seen_at AS lastSeenAt, ended_at AS endedAt`,
);

export function insertDevice(
  ctx: Ctx,
  d: { meetingId: number; role: LanRole; name: string; tokenHash: string; at: string },
): number {
  return Number(
    run(
      ctx.db,
      sql`INSERT INTO lan_device (meeting_id, role, name, token_hash, paired_at, last_seen_at)
          VALUES (${d.meetingId}, ${d.role}, ${d.name}, ${d.tokenHash}, ${d.at}, ${d.at})`,
    ).lastInsertRowid,
  );
}

/** The device holding this token hash, while its token works. */
export const liveDeviceByHash = (ctx: QueryCtx, tokenHash: string) =>
  get<DeviceRow & { tokenHash: string }>(
    ctx.db,
    sql`SELECT ${COLUMNS}, token_hash AS tokenHash FROM lan_device WHERE token_hash = ${tokenHash} AND ended_at IS NULL`,
  );

export const findDevice = (ctx: QueryCtx, id: number) =>
  get<DeviceRow>(ctx.db, sql`SELECT ${COLUMNS} FROM lan_device WHERE id = ${id}`);

/** A meeting's devices whose tokens work, in the order they joined. */
export const liveDevices = (ctx: QueryCtx, meetingId: number) =>
  all<DeviceRow>(
    ctx.db,
    sql`SELECT ${COLUMNS} FROM lan_device WHERE meeting_id = ${meetingId} AND ended_at IS NULL ORDER BY id`,
  );

export const touchDevice = (ctx: Ctx, id: number, at: string) =>
  run(ctx.db, sql`UPDATE lan_device SET last_seen_at = ${at} WHERE id = ${id}`);

export const bindDeviceParticipant = (ctx: Ctx, id: number, participantId: number) =>
  run(ctx.db, sql`UPDATE lan_device SET participant_id = ${participantId} WHERE id = ${id}`);

/** The device's token stops working; `null` id: every device of the meeting. */
export function endDevices(ctx: Ctx, meetingId: number, id: number | null, reason: string, at: string): number {
  const one = id === null ? sql`` : sql` AND id = ${id}`;
  return run(
    ctx.db,
    sql`UPDATE lan_device SET ended_at = ${at}, ended_reason = ${reason}
         WHERE meeting_id = ${meetingId} AND ended_at IS NULL${one}`,
  ).changes;
}

/** Every device of every meeting ends (the core starts afresh: no 会场互联 survives a restart). */
export function endAllDevices(ctx: Ctx, reason: string, at: string): void {
  run(ctx.db, sql`UPDATE lan_device SET ended_at = ${at}, ended_reason = ${reason} WHERE ended_at IS NULL`);
  endSessions(ctx, reason, at);
}

export interface DeviceEvent {
  id: number;
  deviceId: number;
  device: string;
  role: LanRole;
  action: string;
  detail: string;
  at: string;
}

export const recordDeviceEvent = (
  ctx: Ctx,
  e: { meetingId: number; deviceId: number; role: LanRole; action: string; detail?: string; at: string },
) =>
  run(
    ctx.db,
    sql`INSERT INTO device_event (meeting_id, device_id, role, action, detail, at)
        VALUES (${e.meetingId}, ${e.deviceId}, ${e.role}, ${e.action}, ${e.detail ?? ''}, ${e.at})`,
  );

/** The meeting's record of the room, latest first. */
export const deviceEvents = (ctx: QueryCtx, meetingId: number, limit = 200) =>
  all<DeviceEvent>(
    ctx.db,
    sql`SELECT e.id, e.device_id AS deviceId, d.name AS device, e.role, e.action, e.detail, e.at
          FROM device_event e JOIN lan_device d ON d.id = e.device_id
         WHERE e.meeting_id = ${meetingId} ORDER BY e.id DESC LIMIT ${limit}`,
  );
