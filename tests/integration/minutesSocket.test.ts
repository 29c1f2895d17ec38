import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../electron/core';
import { startMinutesEndpoint } from '../../electron/main/minutesEndpoint';
import { serveCoreIn, type ServedCore } from '../support/servedCore';
import { CLOSE } from '../../shared/minutesSync/protocol';
import { MinutesClient, socketUrl } from '../support/minutesClient';
import { ok } from '../support/tempCore';

/**
 * The minutes' socket behind the same trust boundary as the API: serve's (token and Host checked
 * before the upgrade, the meeting and the file's document name after it), and the desktop app's
 * loopback endpoint, reached with the token the main process gives its own windows.
 */
const dir = mkdtempSync(join(tmpdir(), 'bcsl-socket-'));
const token = 'socket-token-123';
let core: Core;
let origin: string;
let served: ServedCore;
let meetingId: number;
let docKey: string;

beforeAll(async () => {
  served = await serveCoreIn(dir, token);
  ({ core, origin } = served);
  meetingId = ok(
    await core.invoke('meeting.create', {
      topicId: null,
      form: '冰城商量',
      title: '连接测试',
      startsAt: '2026-05-14T09:00',
    }),
  ).id;
  docKey = ok(await core.invoke('minutes.get', { meetingId })).docKey;
});
afterAll(() => served.stop());

/** How an upgrade ends: refused with an HTTP status, or opened and then closed with a code. */
function attempt(url: string, headers: Record<string, string> = {}): Promise<{ status?: number; close?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.on('close', (code) => resolve({ close: code }));
    ws.on('error', () => undefined);
  });
}

/** A client over the `ws` package (Node's own WebSocket cannot be pointed at the desktop endpoint's Host). */
function connect(url: string): Promise<MinutesClient & { leave(): void }> {
  return new Promise((resolve, reject) => {
    const client = new MinutesClient();
    const ws = new WebSocket(url);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => client.receive(new Uint8Array(data)));
    ws.on('open', () => {
      client.attach((bytes) => ws.readyState === ws.OPEN && ws.send(bytes));
      resolve(Object.assign(client, { leave: () => ws.close() }));
    });
    ws.on('error', reject);
  });
}

describe("serve's minutes socket", () => {
  it('refuses a wrong Host, a missing or wrong token, an unknown path, meeting or document name', async () => {
    const good = socketUrl(origin, token, meetingId, docKey);
    expect(await attempt(good, { host: `evil.example:${new URL(origin).port}` })).toEqual({ status: 403 });
    expect(await attempt(good.replace(token, 'wrong-token-0000'))).toEqual({ status: 401 });
    expect(await attempt(good.replace(/token=[^&]*&?/, ''))).toEqual({ status: 401 });
    expect(await attempt(`${origin.replace('http', 'ws')}/sync/other/1?token=${token}`)).toEqual({ status: 404 });
    expect(await attempt(socketUrl(origin, token, 999, docKey))).toEqual({ close: CLOSE.unknownMeeting });
    expect(await attempt(socketUrl(origin, token, meetingId, 'another-file-1'))).toEqual({ close: CLOSE.otherFile });
  });

  it('carries a window’s words to the data file and to the other window', async () => {
    const a = await connect(socketUrl(origin, token, meetingId, docKey));
    const b = await connect(socketUrl(origin, token, meetingId, docKey));
    await a.until(() => a.synced && b.synced);
    a.type('经由套接字写入');
    await a.until(() => a.durable);
    await b.until(() => b.text().includes('经由套接字写入'));
    core.minutesDocs.flush(meetingId);
    expect(ok(await core.invoke('minutes.get', { meetingId })).doc).toContain('经由套接字写入');
    a.leave();
    b.leave();
  });

  it('keeps windows linked and saving while a backup is taken, and asks them to wait only during a restore', async () => {
    // The daily backup at start takes a while (its worker thread starts first): windows opened meanwhile must link.
    const backup = core.invoke('backup.create', {});
    expect(core.ctx.slot.task).toBe('正在备份');
    const w = await connect(socketUrl(origin, token, meetingId, docKey));
    await w.until(() => w.synced);
    w.type('备份期间写入');
    await w.until(() => w.durable);
    const taken = ok(await backup);
    w.leave();
    const restore = core.invoke('backup.restore', { name: taken.name });
    expect(await attempt(socketUrl(origin, token, meetingId, docKey))).toEqual({ close: CLOSE.busy });
    ok(await restore);
    docKey = ok(await core.invoke('minutes.get', { meetingId })).docKey;
    expect(ok(await core.invoke('minutes.get', { meetingId })).doc).toContain('备份期间写入');
  });

  it('after a backup is restored, a window holding the old file’s document is told to reopen', async () => {
    const before = ok(await core.invoke('backup.create', {}));
    const w = await connect(socketUrl(origin, token, meetingId, docKey));
    await w.until(() => w.synced);
    ok(await core.invoke('backup.restore', { name: before.name }));
    const fresh = ok(await core.invoke('minutes.get', { meetingId })).docKey;
    expect(fresh).not.toBe(docKey);
    expect(await attempt(socketUrl(origin, token, meetingId, docKey))).toEqual({ close: CLOSE.otherFile });
    const again = await connect(socketUrl(origin, token, meetingId, fresh));
    await again.until(() => again.synced);
    again.leave();
    docKey = fresh;
  });
});

describe("the desktop app's loopback endpoint", () => {
  it('answers only its own token and its own Host, and speaks the same protocol', async () => {
    const { endpoint, server } = await startMinutesEndpoint(core);
    try {
      const url = `${endpoint.origin}/sync/minutes/${meetingId}?token=${endpoint.token}&key=${docKey}`;
      expect(await attempt(url.replace(endpoint.token, token))).toEqual({ status: 401 });
      expect(await attempt(url, { host: `localhost:${new URL(endpoint.origin).port}` })).toEqual({ status: 403 });
      const w = await connect(url);
      await w.until(() => w.synced);
      w.type('桌面窗口写入');
      await w.until(() => w.durable);
      w.leave();
    } finally {
      server.close();
    }
  });
});
