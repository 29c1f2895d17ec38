import { defaultRole, type ParticipantRole } from '../../../shared/domain/meetings';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import { touchMeeting } from '../data/meeting';
import {
  addParticipant,
  findParticipant,
  removeParticipant,
  setAttendance,
  setParticipantRole,
} from '../data/participant';
import { queuedCount } from '../data/speech';
import { notFound, refused } from '../errors';
import { handlers } from '../handler';
import { getMeetingDetail, writableMeeting } from './meetings';
import { getPerson } from './people';

/** Who takes part in a meeting: adding people from the directory, their role and check-in. */

export function addParticipants(
  ctx: Ctx,
  meetingId: number,
  personIds: readonly number[],
  role?: ParticipantRole,
): void {
  for (const personId of new Set(personIds)) {
    const p = getPerson(ctx, personId);
    if (p.retired) throw refused(`“${p.name}”已停用，不能加入会议`);
    addParticipant(ctx, meetingId, personId, role ?? defaultRole(p.kind));
  }
}

/** Makes sure a person is a participant (a speaker added from the directory joins the meeting). */
export function ensureParticipant(ctx: Ctx, meetingId: number, personId: number): void {
  addParticipants(ctx, meetingId, [personId]);
}

function participantRow(ctx: QueryCtx, id: number) {
  const r = findParticipant(ctx, id);
  if (!r) throw notFound('参会人员', id);
  return r;
}

export const participantHandlers = handlers({
  'participant.add': ({ meetingId, personIds, role }, ctx) => {
    writableMeeting(ctx, meetingId);
    addParticipants(ctx, meetingId, personIds, role);
    touchMeeting(ctx, meetingId, isoNow(ctx));
    return getMeetingDetail(ctx, meetingId);
  },

  'participant.update': ({ id, role, attendance }, ctx) => {
    const p = participantRow(ctx, id);
    writableMeeting(ctx, p.meetingId);
    if (role) setParticipantRole(ctx, id, role);
    // The time of the check-in is when it was marked; back to 未签到 clears it.
    if (attendance) setAttendance(ctx, id, attendance, attendance === '未签到' ? null : isoNow(ctx));
    touchMeeting(ctx, p.meetingId, isoNow(ctx));
    return getMeetingDetail(ctx, p.meetingId);
  },

  'participant.remove': ({ id }, ctx) => {
    const p = participantRow(ctx, id);
    writableMeeting(ctx, p.meetingId);
    if (queuedCount(ctx, p.meetingId, p.personId))
      throw refused(`“${getPerson(ctx, p.personId).name}”在发言队列中，不能移出；可先撤回其发言`);
    removeParticipant(ctx, id);
    touchMeeting(ctx, p.meetingId, isoNow(ctx));
    return getMeetingDetail(ctx, p.meetingId);
  },
});
