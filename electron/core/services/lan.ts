import { randomUUID } from 'node:crypto';
import type { DeviceView } from '../../../shared/contract/lan';
import { ATTENDANCE, MEETING } from '../../../shared/domain/meetings';
import { markId } from '../../../shared/domain/minutesDoc';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import { bindDeviceParticipant, deviceEvents, findDevice, liveDevices } from '../data/lanDevice';
import { findMeeting } from '../data/meeting';
import { participantsOf, setAttendance } from '../data/participant';
import {
  decideSpeakRequest,
  findSpeakRequest,
  insertSpeakRequest,
  pendingRequestsOf,
  speakRequestsOf,
  type SpeakRequestRow,
} from '../data/speakRequest';
import { insertOpinion, opinionCount, opinionsOf } from '../data/writtenOpinion';
import { notFound, refused } from '../errors';
import { handlers } from '../handler';
import type { DeviceCaller } from '../lan/host';
import { writableMeeting } from './meetings';
import { enqueue } from './queue';

/** Opinions one phone may hand in within ten minutes. */
const OPINIONS_PER_10_MIN = 5;

const requests = (ctx: QueryCtx, meetingId: number) => speakRequestsOf(ctx, meetingId).map(requestView);

function requestView(r: SpeakRequestRow) {
  return {
    id: r.id,
    participantId: r.participantId,
    name: r.name,
    affiliation: r.affiliation,
    kind: r.kind as DeviceView['requests'][number]['kind'],
    subject: r.subject,
    state: r.state,
    createdAt: r.createdAt,
  };
}

/** The device making this call (device.* calls are made by devices only: the router says so). */
function device(ctx: QueryCtx): DeviceCaller {
  const c = ctx.caller;
  if (!c || c.deviceId === undefined || c.meetingId === undefined || c.role === 'secretary')
    throw refused('只能在会场设备上操作');
  return c as DeviceCaller;
}

function deviceView(ctx: QueryCtx): DeviceView {
  const c = device(ctx);
  const d = findDevice(ctx, c.deviceId);
  if (!d) throw notFound('设备', c.deviceId);
  const me =
    d.participantId === null ? undefined : participantsOf(ctx, c.meetingId).find((p) => p.id === d.participantId);
  return {
    role: c.role,
    name: d.name,
    meetingId: c.meetingId,
    meetingTitle: findMeeting(ctx, c.meetingId)?.title ?? '',
    participantId: me?.id ?? null,
    participantName: me?.name ?? null,
    checkedInAt: me?.checkedInAt ?? null,
    requests: me ? requests(ctx, c.meetingId).filter((r) => r.participantId === me.id) : [],
    opinions: me ? opinionCount(ctx, me.id) : 0,
  };
}

/** The phone's owner: signing in comes first. */
function signedIn(ctx: Ctx) {
  const view = deviceView(ctx);
  if (view.participantId === null || view.participantName === null) throw refused('请先选择自己的名字签到');
  return { ...view, participantId: view.participantId, participantName: view.participantName };
}

export const lanHandlers = handlers({
  'lan.status': (_input, ctx) => ctx.lan.status(ctx),

  'lan.start': {
    prepare: async ({ meetingId }, ctx) => {
      const m = findMeeting(ctx, meetingId);
      if (!m) throw notFound('会议', meetingId);
      if (m.status === MEETING.ended || m.status === MEETING.archived)
        throw refused(`会议“${m.title}”已${m.status === MEETING.ended ? '结束' : '归档'}，不能开启会场互联`);
      try {
        await ctx.lan.start(meetingId);
      } catch (e) {
        throw refused((e as Error).message);
      }
    },
    run: (_input, ctx) => {
      ctx.lan.recordStart(ctx);
      return ctx.lan.status(ctx);
    },
  },

  'lan.stop': (_input, ctx) => {
    if (ctx.lan.meetingId === null) throw refused('会场互联未开启');
    ctx.lan.stop(ctx, '会议秘书关闭了会场互联');
    return ctx.lan.status(ctx);
  },

  'lan.removeDevice': ({ id }, ctx) => {
    if (ctx.lan.meetingId === null) throw refused('会场互联未开启');
    if (!ctx.lan.removeDevice(ctx, id ?? null) && id !== undefined) throw notFound('设备', id);
    return ctx.lan.status(ctx);
  },

  'lan.record': ({ meetingId }, ctx) => {
    if (!findMeeting(ctx, meetingId)) throw notFound('会议', meetingId);
    return deviceEvents(ctx, meetingId);
  },

  'speakRequest.list': ({ meetingId }, ctx) => {
    if (!findMeeting(ctx, meetingId)) throw notFound('会议', meetingId);
    return requests(ctx, meetingId);
  },

  'speakRequest.decide': ({ id, accept }, ctx) => {
    const r = findSpeakRequest(ctx, id);
    if (!r) throw notFound('发言申请', id);
    writableMeeting(ctx, r.meetingId);
    if (r.state !== '待处理') throw refused(`这条发言申请已${r.state.slice(1)}`);
    const at = isoNow(ctx);
    const speechId = accept
      ? enqueue(ctx, { meetingId: r.meetingId, personId: r.personId, kind: requestView(r).kind })
      : null;
    decideSpeakRequest(ctx, id, accept ? '已接受' : '已谢绝', at, speechId);
    const c = ctx.caller;
    if (c?.deviceId !== undefined)
      ctx.lan.record(ctx, c as DeviceCaller, accept ? '接受发言申请' : '谢绝发言申请', r.name);
    return requests(ctx, r.meetingId);
  },

  'opinion.list': ({ meetingId }, ctx) => {
    if (!findMeeting(ctx, meetingId)) throw notFound('会议', meetingId);
    return opinionsOf(ctx, meetingId).map(({ id, name, text, markId, createdAt }) => ({
      id,
      name,
      text,
      markId,
      createdAt,
    }));
  },

  'device.me': (_input, ctx) => deviceView(ctx),

  'device.checkIn': ({ participantId }, ctx) => {
    const c = device(ctx);
    writableMeeting(ctx, c.meetingId);
    const people = participantsOf(ctx, c.meetingId);
    const p = people.find((x) => x.id === participantId);
    if (!p) throw refused('这位不在本次会议的参会名单中');
    const bound = findDevice(ctx, c.deviceId)?.participantId ?? null;
    if (bound !== null && bound !== participantId)
      throw refused(`本手机已为“${people.find((x) => x.id === bound)?.name ?? ''}”签到`);
    // Marked present by the secretary is no obstacle; signed in on another phone is.
    if (liveDevices(ctx, c.meetingId).some((d) => d.participantId === p.id && d.id !== c.deviceId))
      throw refused(`“${p.name}”已在另一台手机上签到；如果不是本人签的，请告诉会议秘书`);
    if (!p.checkedInAt) setAttendance(ctx, p.id, ATTENDANCE.present, isoNow(ctx));
    bindDeviceParticipant(ctx, c.deviceId, p.id);
    ctx.lan.record(ctx, c, '签到', p.name);
    return deviceView(ctx);
  },

  'device.requestSpeech': ({ kind, subject }, ctx) => {
    const me = signedIn(ctx);
    const c = device(ctx);
    writableMeeting(ctx, c.meetingId);
    if (pendingRequestsOf(ctx, me.participantId) > 0)
      throw refused('您已有一条发言申请在等待处理，请等主持人处理后再申请');
    insertSpeakRequest(ctx, {
      meetingId: c.meetingId,
      participantId: me.participantId,
      deviceId: c.deviceId,
      kind,
      subject: subject ?? '',
      at: isoNow(ctx),
    });
    ctx.lan.record(ctx, c, '申请发言', `${me.participantName}：${kind}${subject ? `（${subject}）` : ''}`);
    return deviceView(ctx);
  },

  'device.handInOpinion': ({ text }, ctx) => {
    const me = signedIn(ctx);
    const c = device(ctx);
    writableMeeting(ctx, c.meetingId);
    const since = new Date(ctx.now().getTime() - 10 * 60 * 1000).toISOString();
    if (opinionCount(ctx, me.participantId, since) >= OPINIONS_PER_10_MIN)
      throw refused('十分钟内最多提交 5 条书面意见，请稍后再提交');
    const id = markId('建议', randomUUID());
    insertOpinion(ctx, {
      meetingId: c.meetingId,
      participantId: me.participantId,
      deviceId: c.deviceId,
      text,
      markId: id,
      at: isoNow(ctx),
    });
    ctx.minutesDocs.opinionHandedIn(c.meetingId, { markId: id, author: me.participantName, text });
    ctx.lan.record(ctx, c, '书面意见', `${me.participantName}：${text.slice(0, 40)}`);
    return deviceView(ctx);
  },
});
