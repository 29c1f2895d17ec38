import type { IncomingMessage, ServerResponse } from 'node:http';
import { lanRoles, roleLabels, type LanRole } from '../../../shared/contract/roles';
import type { LanStatus } from '../../../shared/contract/lan';
import type { Ctx, QueryCtx } from '../context';
import { isoNow } from '../context';
import { findMeeting } from '../data/meeting';
import {
  deviceEvents,
  endAllDevices,
  endDevices,
  endSessions,
  insertDevice,
  insertSession,
  liveDeviceByHash,
  liveDevices,
  recordDeviceEvent,
  touchDevice,
} from '../data/lanDevice';
import { participantsOf } from '../data/participant';
import type { EventHub } from '../events';
import { decodePath, EventStreams, readBody, refusal, sendBadAddress, sendJson, serveStatic } from '../http/respond';
import { attachMinutesSocket } from '../minutesSync/socket';
import type { MinutesDocs } from '../minutesSync/docs';
import type { Caller, Router } from '../router';
import { listenOn, type Listener } from './listener';
import { CallLimit, FailureLimit, newCode, newToken, tokenHash, type Code } from './pairing';

/** What 会场互联 needs of the core. */
export interface LanCore {
  ctx: () => Ctx;
  call: Router;
  events: EventHub;
  minutesDocs: MinutesDocs;
}

export interface LanOptions {
  /** The addresses to listen on: the laptop's private ones (lan/addresses.ts), loopback stand-ins in tests. */
  addresses: () => string[];
  /** 0: any free port (tests). */
  port: number;
  /** The built renderer the devices' pages come from. */
  staticDir?: string;
}

/** A device whose token works, as the router sees it. */
export interface DeviceCaller extends Caller {
  role: LanRole;
  deviceId: number;
  meetingId: number;
}

const BODY_LIMIT = 64 * 1024;
/** last_seen is written at most this often per device. */
const SEEN_EVERY_MS = 15_000;

interface Session {
  meetingId: number;
  listener: Listener;
  codes: Map<LanRole, Code>;
  streams: EventStreams;
  stopEvents: () => void;
}

/**
 * 会场互联 for one meeting at a time: the listener on the laptop's private addresses, the one-time
 * pairing codes (one per role, a new one as soon as one is spent or expires), the devices' tokens
 * (their hashes in lan_device), the limits on guessing and on calls. Off unless turned on; off
 * again when the meeting ends, when the secretary turns it off, or when the core stops.
 */
export class LanHost {
  private session: Session | null = null;
  private starting: Promise<void> | null = null;
  private readonly failures = new FailureLimit();
  private readonly calls = new CallLimit();
  private readonly seen = new Map<number, number>();

  constructor(
    private readonly core: LanCore,
    private readonly options: LanOptions,
  ) {}

  get meetingId(): number | null {
    return this.session?.meetingId ?? null;
  }

  status(ctx: QueryCtx): LanStatus {
    const s = this.session;
    if (!s)
      return {
        on: false,
        meetingId: null,
        meetingTitle: null,
        port: null,
        addresses: [],
        joins: [],
        devices: [],
        record: [],
      };
    const now = ctx.now().getTime();
    const names = new Map(participantsOf(ctx, s.meetingId).map((p) => [p.id, p.name]));
    return {
      on: true,
      meetingId: s.meetingId,
      meetingTitle: findMeeting(ctx, s.meetingId)?.title ?? null,
      port: s.listener.port,
      addresses: s.listener.addresses,
      joins: lanRoles.map((role) => this.joinFor(s, role, now)),
      devices: liveDevices(ctx, s.meetingId).map((d) => ({
        id: d.id,
        role: d.role,
        name: d.name,
        participantName: d.participantId === null ? null : (names.get(d.participantId) ?? null),
        pairedAt: d.pairedAt,
        lastSeenAt: d.lastSeenAt,
      })),
      record: deviceEvents(ctx, s.meetingId),
    };
  }

  /** The members' pairing link for the projector's 扫码加入, while 会场互联 is on for this meeting. */
  participantJoin(ctx: QueryCtx, meetingId: number): { url: string; expiresAt: string } | null {
    const s = this.session;
    if (s?.meetingId !== meetingId) return null;
    const { url, expiresAt } = this.joinFor(s, 'participant', ctx.now().getTime());
    return { url, expiresAt };
  }

  /** A role's pairing link with its current code (a new one once the last is spent or expired). */
  private joinFor(s: Session, role: LanRole, now: number): LanStatus['joins'][number] {
    let c = s.codes.get(role);
    if (!c || c.expiresAt <= now) s.codes.set(role, (c = newCode(role, now)));
    return {
      role,
      code: c.code,
      url: `http://${s.listener.addresses[0]}:${s.listener.port}/#/join/${c.code}`,
      expiresAt: new Date(c.expiresAt).toISOString(),
    };
  }

  /** Starts listening for this meeting (already on for it: nothing to do). */
  async start(meetingId: number): Promise<void> {
    await this.starting;
    if (this.session?.meetingId === meetingId) return;
    if (this.session) {
      const title = findMeeting(this.core.ctx(), this.session.meetingId)?.title ?? '';
      throw new Error(`会场互联已为“${title}”开启，请先在那次会议中关闭`);
    }
    this.starting = (async () => {
      const listener = await listenOn(this.options.addresses(), this.options.port, (req, res) =>
        this.handle(req, res).catch((e) => {
          console.error('[会场互联] 请求处理失败', e);
          if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: '服务内部错误' } });
          else res.end();
        }),
      );
      const streams = new EventStreams();
      const stopEvents = this.core.events.subscribe((event) => streams.send(event));
      for (const server of listener.servers)
        attachMinutesSocket(server, {
          docs: this.core.minutesDocs,
          hostOk: listener.hostOk,
          authorise: (_token, device, id) => {
            const caller = this.authenticate(device);
            if (!caller || caller.meetingId !== id) return null;
            if (caller.role !== 'recorder' && caller.role !== 'chair') return null;
            return { readOnly: caller.role === 'chair' };
          },
          busy: () => this.core.ctx().slot.replacing,
        });
      this.session = { meetingId, listener, codes: new Map(), streams, stopEvents };
    })();
    try {
      await this.starting;
    } finally {
      this.starting = null;
    }
  }

  /** The session is recorded (the listener is up by then: lan.start's prepare started it). */
  recordStart(ctx: Ctx): void {
    const s = this.session;
    if (s)
      insertSession(ctx, {
        meetingId: s.meetingId,
        addresses: s.listener.addresses,
        port: s.listener.port,
        at: isoNow(ctx),
      });
  }

  /** Stops listening; every token of the meeting stops working. Inside a call's transaction or on its own. */
  stop(ctx: Ctx, reason: string): void {
    const s = this.session;
    if (!s) return;
    this.session = null;
    endDevices(ctx, s.meetingId, null, reason, isoNow(ctx));
    endSessions(ctx, reason, isoNow(ctx));
    s.stopEvents();
    s.streams.closeAll();
    void s.listener.close();
  }

  /** The core starts: no device of an earlier run keeps a working token. */
  forgetEarlierRuns(ctx: Ctx): void {
    endAllDevices(ctx, '程序重新启动', isoNow(ctx));
  }

  /** The device's token stops working (`null`: every device of the meeting). */
  removeDevice(ctx: Ctx, id: number | null): number {
    const s = this.session;
    if (!s) return 0;
    return endDevices(ctx, s.meetingId, id, '会议秘书移除', isoNow(ctx));
  }

  /** The device a token belongs to, while 会场互联 is on for its meeting. */
  authenticate(token: string | null | undefined): DeviceCaller | null {
    const s = this.session;
    if (!s || !token || token.length > 100) return null;
    const ctx = this.core.ctx();
    const d = liveDeviceByHash(ctx, tokenHash(token));
    if (!d || d.meetingId !== s.meetingId) return null;
    const now = Date.now();
    if (now - (this.seen.get(d.id) ?? 0) > SEEN_EVERY_MS) {
      this.seen.set(d.id, now);
      touchDevice(ctx, d.id, isoNow(ctx));
    }
    return { role: d.role, deviceId: d.id, meetingId: d.meetingId };
  }

  /** Records what a device did, in the meeting's record of the room. */
  record(ctx: Ctx, caller: DeviceCaller, action: string, detail = ''): void {
    recordDeviceEvent(ctx, {
      meetingId: caller.meetingId,
      deviceId: caller.deviceId,
      role: caller.role,
      action,
      detail,
      at: isoNow(ctx),
    });
  }

  /** A device's call in the record, named by what it does (开始发言, 暂停, 下一位 …). */
  recordCall(ctx: Ctx, caller: Caller, summary: string): void {
    if (caller.deviceId === undefined || caller.meetingId === undefined || caller.role === 'secretary') return;
    this.record(ctx, caller as DeviceCaller, summary.split(/[：（]/)[0]);
  }

  /** A device gives the code from the QR and a name: it receives its own token, the code is spent. */
  private pair(code: unknown, name: unknown, address: string): { status: number; body: unknown } {
    const s = this.session!;
    const now = this.core.ctx().now().getTime();
    if (this.failures.blocked(address, now))
      return { status: 429, body: refusal('配对失败次数过多，请一分钟后再扫码') };
    const role = lanRoles.find((r) => {
      const c = s.codes.get(r);
      return c && c.expiresAt > now && c.code === code;
    });
    if (!role) {
      this.failures.failed(address, now);
      return { status: 403, body: refusal('二维码已失效或已被使用，请扫描会议秘书电脑上最新的二维码') };
    }
    const label = typeof name === 'string' ? name.trim().slice(0, 30) : '';
    s.codes.delete(role); // spent: the next status shows a new one
    const token = newToken();
    const ctx = this.core.ctx();
    const at = isoNow(ctx);
    const deviceName = label || `${roleLabels[role]}设备`;
    ctx.db.transaction(() => {
      const deviceId = insertDevice(ctx, {
        meetingId: s.meetingId,
        role,
        name: deviceName,
        tokenHash: tokenHash(token),
        at,
      });
      recordDeviceEvent(ctx, { meetingId: s.meetingId, deviceId, role, action: '加入', detail: deviceName, at });
    })();
    this.core.events.emit({ topics: ['lan'], call: 'lan.pair' });
    return { status: 200, body: { ok: true, value: { token, role, meetingId: s.meetingId } } };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const s = this.session;
    const host = req.headers.host ?? '';
    if (!s || !s.listener.hostOk(host)) {
      res.writeHead(403).end('forbidden host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/lan/pair') {
      if (req.method !== 'POST') return sendJson(res, 405, refusal('只接受 POST 请求'));
      const input = await readJson(req);
      if (!input) return sendJson(res, 400, refusal('请求内容不是有效的 JSON'));
      const { status, body } = this.pair(input.code, input.name, req.socket.remoteAddress ?? '');
      return sendJson(res, status, body);
    }
    if (url.pathname === '/api/events') {
      if (!this.authenticate(url.searchParams.get('device'))) return sendJson(res, 401, unknownDevice());
      return s.streams.open(req, res);
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, refusal('只接受 POST 请求'));
      const caller = this.authenticate(req.headers['x-bcsl-device'] as string | undefined);
      if (!caller) return sendJson(res, 401, unknownDevice());
      if (!this.calls.allow(caller.deviceId, Date.now()))
        return sendJson(res, 429, refusal('操作过于频繁，请稍后再试'));
      const call = decodePath(url.pathname.slice('/api/'.length));
      if (call === null) return sendBadAddress(res);
      const input = await readJson(req);
      if (!input) return sendJson(res, 400, refusal('请求内容不是有效的 JSON，或超过 64 KB'));
      const result = await this.core.call(call, input, caller);
      return sendJson(res, result.ok ? 200 : result.error.code === 'refused' ? 403 : 200, result);
    }
    if (!this.options.staticDir) return sendJson(res, 404, refusal('未找到'));
    return serveStatic(res, this.options.staticDir, url.pathname);
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  try {
    const body = await readBody(req, BODY_LIMIT);
    const value: unknown = body ? JSON.parse(body) : {};
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const unknownDevice = () => ({
  ok: false,
  error: { code: 'unauthorised', message: '本设备未加入或已被移出会场互联，请重新扫描会议秘书电脑上的二维码' },
});
