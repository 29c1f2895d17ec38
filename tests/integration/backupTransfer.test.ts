import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { MAX_UPLOAD_BYTES } from '../../electron/core/backup/chosenFiles';
import { serveCoreIn, type ServedCore } from '../support/servedCore';
import { heldMeeting } from '../support/meetingScenario';
import { dumpDatabase, ok } from '../support/tempCore';

/**
 * In the browser a backup goes up and down through serve: a page names no path. An upload is
 * staged privately and named by a handle; a download is a file of the backups folder by name.
 */
const dir = mkdtempSync(join(tmpdir(), 'bcsl-transfer-'));
const token = 'transfer-token-123';
let core: Core;
let origin: string;
let served: ServedCore;
const staging = join(dir, 'data', 'uploads');

beforeAll(async () => {
  served = await serveCoreIn(dir, token);
  ({ core, origin } = served);
  ok(await core.invoke('app.loadDemo', {}));
});
afterAll(() => served.stop());

const upload = (body: Buffer | string, name: string, t = token) =>
  fetch(`${origin}/files/upload`, {
    method: 'POST',
    headers: { 'x-bcsl-token': t, 'x-file-name': encodeURIComponent(name) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
const api = async (name: string, input: unknown) =>
  (await (
    await fetch(`${origin}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bcsl-token': token },
      body: JSON.stringify(input),
    })
  ).json()) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };

describe('backups through the browser', () => {
  it('uploads a colleague’s backup, describes it by its own name and restores it', async () => {
    await heldMeeting(core, { title: '同事电脑上的会议' });
    const theirs = ok(await core.backupTo(join(dir, '同事的备份.db')));
    await heldMeeting(core, { title: '本机后来的会议' });

    const res = await upload(readFileSync(theirs.path), 'D:\\U盘\\同事的备份.db');
    expect(res.status).toBe(200);
    const { value: chosen } = (await res.json()) as { value: { handle: string; name: string } };
    expect(chosen.name).toBe('同事的备份.db'); // the browser's folders are not kept
    // Staged privately, beside the data file.
    const [staged] = readdirSync(staging);
    expect(statSync(join(staging, staged)).mode & 0o777).toBe(0o600);

    const described = await api('backup.describe', { handle: chosen.handle });
    expect(described.value).toMatchObject({ name: '同事的备份.db', readable: true, meetings: 1 });
    const restored = await api('backup.restore', { handle: chosen.handle });
    expect(restored.value).toMatchObject({ restoredFrom: '同事的备份.db', meetings: 1 });
    const titles = ok(await core.invoke('meeting.list', {})).map((m) => m.title);
    expect(titles).toEqual(['同事电脑上的会议']);
  });

  it('refuses an upload without the token, over the bound (413 in Chinese) or not a backup, changing nothing', async () => {
    const before = dumpDatabase(core);
    expect((await upload('x', 'a.db', 'wrong')).status).toBe(401);

    core.files.maxUploadBytes = 64 * 1024;
    try {
      const big = await upload(Buffer.alloc(200 * 1024), '很大的文件.db');
      expect(big.status).toBe(413);
      expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(
        /上传的文件过大.*最多 0\.1 MB/,
      );
      expect(readdirSync(staging)).toEqual([]); // nothing half-written is kept
    } finally {
      core.files.maxUploadBytes = MAX_UPLOAD_BYTES;
    }

    const notes = await upload('这不是数据库'.repeat(100), '会议通知.db');
    const { value } = (await notes.json()) as { value: { handle: string } };
    const described = await api('backup.describe', { handle: value.handle });
    expect(described.value).toMatchObject({
      readable: false,
      problem: expect.stringContaining('不是冰城商量的数据文件'),
    });
    const refused = await api('backup.restore', { handle: value.handle });
    expect(refused.error?.message).toContain('不是冰城商量的数据文件');
    // A page's path is no way in, through the same API.
    const byPath = await api('backup.restore', { path: core.dataFile });
    expect(byPath.error).toMatchObject({ code: 'bad_input', message: expect.stringContaining('不认识的字段') });
    expect(dumpDatabase(core)).toBe(before);
  });

  it('downloads a backup of the folder by its name, and nothing else', async () => {
    const made = ok(await core.invoke('backup.create', {}));
    const url = (name: string, t = token) => `${origin}/files/backups/${encodeURIComponent(name)}?token=${t}`;
    const res = await fetch(url(made.name));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent(made.name));
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(made.path))).toBe(true);

    expect((await fetch(url(made.name, 'wrong'))).status).toBe(401);
    for (const name of ['../bcsl.db', '..\\bcsl.db', 'bcsl.db', '备份记录.json'])
      expect((await fetch(url(name))).status, name).toBe(404);
    // Unencoded traversal is normalised away by the URL itself, and still finds nothing.
    expect((await fetch(`${origin}/files/backups/../bcsl.db?token=${token}`)).status).not.toBe(200);
    expect((await fetch(`${origin}/files/backups/%?token=${token}`)).status).toBe(400);
  });

  it('forgets uploads at the next start: the staging folder is emptied', async () => {
    ok(await (await upload('任意内容', '临时.db')).json());
    expect(readdirSync(staging).length).toBe(1);
    // Another start on the same data folder (as after the app was closed and opened again).
    createCore({ dataDir: join(dir, 'data') }).close();
    expect(readdirSync(staging)).toEqual([]);
  });
});

describe('meeting packages through the browser', () => {
  it('downloads a package by the name package.export gave, and previews it uploaded again', async () => {
    const { meetingId } = await heldMeeting(core, { title: '要带走的会议', speeches: 2, resolutions: 1 });
    const exported = await api('package.export', { meetingIds: [meetingId] });
    const name = String(exported.value!.name);
    expect((await fetch(`${origin}/files/packages/${encodeURIComponent(name)}`)).status).toBe(401);
    const res = await fetch(`${origin}/files/packages/${encodeURIComponent(name)}?token=${token}`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(exported.value!.bytes);
    expect((await fetch(`${origin}/files/packages/..%2Fdata.db?token=${token}`)).status).toBe(404);

    const { value: chosen } = (await (await upload(bytes, name)).json()) as { value: { handle: string } };
    const preview = await api('package.preview', { handle: chosen.handle });
    // Its own meeting, come back: already here and identical.
    expect(preview.value).toMatchObject({ problem: '', meetings: [{ title: '要带走的会议', status: 'identical' }] });
  });
});
