import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView, LanStatus } from '../../shared/contract/lan';
import { codeFor, lanOrigin } from '../support/lanDevice';
import { heldMeeting } from '../support/meetingScenario';
import { ok, tempCore } from '../support/tempCore';

/**
 * 会场互联 over real HTTP on a loopback stand-in (127.0.0.2) for the laptop's network: off until
 * turned on, one-time pairing codes, a token per device, the role's calls only and only for its
 * meeting, the phone's sign-in, request and opinion, removal and the end of it all.
 */
let now = new Date('2026-05-14T01:00:00Z');
const core = tempCore({ now: () => now });
let meetingId = 0;
let otherMeeting = 0;

beforeAll(async () => {
  ok(await core.invoke('app.loadDemo', {}));
  meetingId = (await heldMeeting(core, { speeches: 2, minutesChars: 200, resolutions: 0, confirm: false })).meetingId;
  otherMeeting = (
    await heldMeeting(core, { speeches: 1, minutesChars: 0, resolutions: 0, confirm: false, title: '另一次会议' })
  ).meetingId;
  ok(await core.invoke('meeting.setStatus', { id: meetingId, status: '进行中' }));
  ok(await core.invoke('meeting.setStatus', { id: otherMeeting, status: '进行中' }));
});
afterAll(() => core.dispose());

const status = async () => ok(await core.invoke('lan.status', {}));
const origin = lanOrigin;

async function pair(s: LanStatus, code: string, name = '测试设备') {
  const res = await fetch(`${origin(s)}/lan/pair`, { method: 'POST', body: JSON.stringify({ code, name }) });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; value?: { token: string }; error?: { message: string } },
  };
}

async function deviceCall(s: LanStatus, token: string, name: string, input: unknown = {}) {
  const res = await fetch(`${origin(s)}/api/${name}`, {
    method: 'POST',
    headers: { 'x-bcsl-device': token },
    body: JSON.stringify(input),
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; value?: DeviceView; error?: { message: string } },
  };
}

describe('会场互联', () => {
  it('is off by default, and an ended meeting takes no room', async () => {
    expect(await status()).toMatchObject({ on: false, port: null, addresses: [], joins: [] });
    ok(await core.invoke('meeting.setStatus', { id: otherMeeting, status: '已结束' }));
    const r = await core.invoke('lan.start', { meetingId: otherMeeting });
    expect(!r.ok && r.error.message).toMatch(/已结束，不能开启会场互联/);
    expect((await status()).on).toBe(false);
  });

  it('pairs a device once per code, gives it a token for its role and meeting only', async () => {
    const s = ok(await core.invoke('lan.start', { meetingId }));
    expect(s.on).toBe(true);
    expect(s.addresses).toEqual(['127.0.0.2']);
    expect(s.joins.map((j) => j.role).sort()).toEqual(['chair', 'participant', 'projector', 'recorder']);
    expect(s.joins[0].url).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/#\/join\/[A-Z2-9]{10}$/);

    // The Host header must name the address bound.
    const wrongHost = await new Promise<number>((resolve, reject) =>
      request(`${origin(s)}/api/device.me`, { method: 'POST', headers: { host: 'evil.example' } }, (res) =>
        resolve(res.statusCode ?? 0),
      )
        .on('error', reject)
        .end(),
    );
    expect(wrongHost).toBe(403);

    const code = codeFor(s, 'participant');
    const first = await pair(s, code, '张三的手机');
    expect(first.status).toBe(200);
    const token = first.body.value!.token;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    // Spent: a second phone with the same code is refused, and a new code is shown.
    const again = await pair(s, code);
    expect(again.status).toBe(403);
    expect(again.body.error!.message).toMatch(/二维码已失效或已被使用/);
    expect(codeFor(await status(), 'participant')).not.toBe(code);

    const me = await deviceCall(s, token, 'device.me');
    expect(me.body.value).toMatchObject({ role: 'participant', meetingId, name: '张三的手机', participantId: null });
    // The secretary's calls, the directory, another meeting: refused.
    const people = await deviceCall(s, token, 'person.list', {});
    expect(people.status).toBe(403);
    expect(people.body.error!.message).toMatch(/此设备的角色（参会者）不能进行/);
    const other = await deviceCall(s, token, 'meeting.get', { id: otherMeeting });
    expect(other.body.error!.message).toBe('此设备只能用于本次会议');
    const own = await deviceCall(s, token, 'meeting.get', { id: meetingId });
    expect(own.body.ok).toBe(true);
    // No token, a made-up token: refused.
    expect((await deviceCall(s, 'x'.repeat(43), 'device.me')).status).toBe(401);
  });

  it('bounds guessing: ten wrong codes from one address and even the right one waits', async () => {
    const s = await status();
    // The spent code tried above was the first failure of this minute.
    for (let i = 0; i < 9; i++) expect((await pair(s, `WRONG${i}AAAA`)).status).toBe(403);
    const blocked = await pair(s, codeFor(s, 'recorder'));
    expect(blocked.status).toBe(429);
    expect(blocked.body.error!.message).toMatch(/配对失败次数过多/);
    now = new Date(now.getTime() + 61_000);
    expect((await pair(await status(), codeFor(await status(), 'recorder'))).status).toBe(200);
  });

  it('expires a code after ten minutes', async () => {
    const s = await status();
    const old = codeFor(s, 'projector');
    now = new Date(now.getTime() + 10 * 60_000 + 1);
    expect((await pair(s, old)).status).toBe(403);
    expect(codeFor(await status(), 'projector')).not.toBe(old);
  });

  it('lets a phone sign in once, ask to speak (accepted into the queue) and hand in an opinion that becomes a mark', async () => {
    const s = await status();
    const token = (await pair(s, codeFor(s, 'participant'), '李四的手机')).body.value!.token;
    const meeting = ok(await core.invoke('meeting.get', { id: meetingId }));
    const [p, q] = meeting.participants;
    ok(await core.invoke('participant.update', { id: p.id, attendance: '未签到' }));
    // q was marked present by the secretary: their phone can still sign in as them.
    ok(await core.invoke('participant.update', { id: q.id, attendance: '出席' }));
    // Asking before signing in.
    expect((await deviceCall(s, token, 'device.requestSpeech', { kind: '即席发言' })).body.error!.message).toBe(
      '请先选择自己的名字签到',
    );
    const signed = await deviceCall(s, token, 'device.checkIn', { participantId: p.id });
    expect(signed.body.value).toMatchObject({ participantName: p.name });
    expect(
      ok(await core.invoke('meeting.get', { id: meetingId })).participants.find((x) => x.id === p.id),
    ).toMatchObject({
      attendance: '出席',
    });
    // Once: this phone cannot sign in someone else, another phone cannot sign in this person.
    expect((await deviceCall(s, token, 'device.checkIn', { participantId: q.id })).body.error!.message).toMatch(
      /本手机已为/,
    );
    const token2 = (await pair(s, codeFor(await status(), 'participant'))).body.value!.token;
    expect((await deviceCall(s, token2, 'device.checkIn', { participantId: p.id })).body.error!.message).toMatch(
      /已在另一台手机上签到/,
    );
    const qSigned = await deviceCall(s, token2, 'device.checkIn', { participantId: q.id });
    expect(qSigned.body.value).toMatchObject({ participantName: q.name });

    const asked = await deviceCall(s, token, 'device.requestSpeech', { kind: '即席发言', subject: '路灯维修' });
    expect(asked.body.value!.requests).toHaveLength(1);
    expect((await deviceCall(s, token, 'device.requestSpeech', { kind: '即席发言' })).body.error!.message).toMatch(
      /已有一条发言申请在等待/,
    );
    const queueBefore = ok(await core.invoke('queue.get', { meetingId })).entries.length;
    const [request] = ok(await core.invoke('speakRequest.list', { meetingId }));
    expect(request).toMatchObject({ name: p.name, kind: '即席发言', subject: '路灯维修', state: '待处理' });
    ok(await core.invoke('speakRequest.decide', { id: request.id, accept: true }));
    const queue = ok(await core.invoke('queue.get', { meetingId })).entries;
    expect(queue).toHaveLength(queueBefore + 1);
    expect(queue.at(-1)).toMatchObject({ name: p.name, kind: '即席发言', state: '等待' });

    const opinion = '建议在中央大街增设夜间照明，并公布报修电话。';
    expect((await deviceCall(s, token, 'device.handInOpinion', { text: 'x'.repeat(2001) })).body.ok).toBe(false);
    expect((await deviceCall(s, token, 'device.handInOpinion', { text: opinion })).body.ok).toBe(true);
    const marks = ok(await core.invoke('mark.list', { meetingId }));
    const mark = marks.find((m) => m.excerpt === opinion)!;
    // Its author's, not the speech above it in the minutes.
    expect(mark).toMatchObject({ kind: '建议', speaker: p.name, speechId: null });
    const minutes = ok(await core.invoke('minutes.get', { meetingId }));
    expect(minutes.doc).toContain(`书面意见（${p.name}）：`);
    const list = ok(await core.invoke('resolution.fromMark', { markId: mark.id }));
    expect(list.items.at(-1)!.text).toContain('夜间照明');

    const record = (await status()).record.map((e) => e.action);
    expect(record).toEqual(expect.arrayContaining(['加入', '签到', '申请发言', '书面意见']));
  });

  it('stops a removed device at once, and every device when 会场互联 is turned off', async () => {
    const s = await status();
    const a = (await pair(s, codeFor(s, 'chair'), '主持人的平板')).body.value!.token;
    const b = (await pair(s, codeFor(await status(), 'recorder'))).body.value!.token;
    const chairDevice = (await status()).devices.find((d) => d.name === '主持人的平板')!;
    // The chair's tablet sees the requests; the recorder does not.
    expect((await deviceCall(s, a, 'speakRequest.list', { meetingId })).body.ok).toBe(true);
    expect((await deviceCall(s, b, 'speakRequest.list', { meetingId })).status).toBe(403);
    // The chair runs the floor: its moves go into the room's record.
    expect((await deviceCall(s, a, 'queue.next', { meetingId })).body.ok).toBe(true);
    expect((await status()).record[0]).toMatchObject({ device: '主持人的平板', role: 'chair', action: '下一位' });
    ok(await core.invoke('lan.removeDevice', { id: chairDevice.id }));
    expect((await deviceCall(s, a, 'device.me')).status).toBe(401);
    expect((await deviceCall(s, b, 'device.me')).status).toBe(200);
    ok(await core.invoke('lan.stop', {}));
    expect((await status()).on).toBe(false);
    await expect(deviceCall(s, b, 'device.me')).rejects.toThrow();
    // Back on: the old tokens stay dead.
    const s2 = ok(await core.invoke('lan.start', { meetingId }));
    expect((await deviceCall(s2, b, 'device.me')).status).toBe(401);
  });

  it('turns itself off when the meeting ends', async () => {
    expect((await status()).on).toBe(true);
    ok(await core.invoke('meeting.setStatus', { id: meetingId, status: '已结束' }));
    expect((await status()).on).toBe(false);
    // The room's record stays with the meeting.
    const record = ok(await core.invoke('lan.record', { meetingId })).map((e) => e.action);
    expect(record).toEqual(expect.arrayContaining(['加入', '签到', '申请发言', '书面意见']));
  });
});
