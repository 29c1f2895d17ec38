import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { ensureDailyBackup } from '../../electron/core/backup/autoBackup';
import { openDatabase } from '../../electron/core/db/open';
import { migrations } from '../../electron/core/db/migrations';
import type { ChangeEvent } from '../../shared/contract';
import { heldMeeting } from '../support/meetingScenario';
import { chosen, dumpDatabase, err, ok, tempCore } from '../support/tempCore';

/** Backups and restore on real files: what was there comes back, and nothing is ever lost on the way. */
const cores: ReturnType<typeof tempCore>[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.dispose();
});

function core(now?: () => Date) {
  const c = tempCore({ now });
  cores.push(c);
  return c;
}
const meetingTitles = async (c: ReturnType<typeof tempCore>) =>
  ok(await c.invoke('meeting.list', {}))
    .map((m) => m.title)
    .sort();
const backupsDir = (c: ReturnType<typeof tempCore>) => join(c.dir, 'backups');

describe('backups', () => {
  it('takes one automatic backup a day, a self-contained file holding what was just written', async () => {
    let day = new Date('2026-11-22T08:00:00');
    const c = core(() => day);
    ok(await c.invoke('app.loadDemo', {}));
    await heldMeeting(c, { title: '冰雪季交通疏导', minutesChars: 500 });
    const first = await ensureDailyBackup(c.ctx);
    expect(first).toBe(join(backupsDir(c), '自动备份-2026-11-22.db'));
    expect(await ensureDailyBackup(c.ctx)).toBeNull(); // one a day
    expect(existsSync(`${first}-wal`)).toBe(false);
    const copy = new Database(first!, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT title FROM meeting').pluck().all()).toEqual(['冰雪季交通疏导']);
    copy.close();

    const list = ok(await c.invoke('backup.list', {}));
    expect(list.folder).toBe(backupsDir(c));
    expect(list.backups).toHaveLength(1);
    expect(list.backups[0]).toMatchObject({
      name: '自动备份-2026-11-22.db',
      kind: 'auto',
      readable: true,
      meetings: 1,
      problem: '',
    });
    expect(list.backups[0].people).toBeGreaterThan(10);
    day = new Date('2026-11-23T08:00:00');
    expect(await ensureDailyBackup(c.ctx)).toBe(join(backupsDir(c), '自动备份-2026-11-23.db'));
  });

  it('keeps the newest 14 automatic backups and every manual one', async () => {
    let day = new Date('2026-11-01T09:00:00');
    const c = core(() => day);
    ok(await c.invoke('app.loadDemo', {}));
    const manual = ok(await c.invoke('backup.create', {}));
    expect(manual.name).toBe('手动备份-20261101-090000.db');
    const second = ok(await c.invoke('backup.create', {})); // same second: a new name, never over the first
    expect(second.name).toBe('手动备份-20261101-090000-2.db');
    for (let d = 1; d <= 20; d++) {
      day = new Date(`2026-11-${String(d).padStart(2, '0')}T09:00:00`);
      await ensureDailyBackup(c.ctx);
    }
    const names = readdirSync(backupsDir(c)).sort();
    const autos = names.filter((n) => n.startsWith('自动备份-'));
    expect(autos).toHaveLength(14);
    expect(autos[0]).toBe('自动备份-2026-11-07.db');
    expect(autos.at(-1)).toBe('自动备份-2026-11-20.db');
    expect(names).toContain(manual.name);
    expect(names).toContain(second.name);
  });

  it('backs up to a file chosen in the save dialog, refusing relative paths, the data file itself and existing files', async () => {
    const c = core();
    ok(await c.invoke('app.loadDemo', {}));
    const target = join(c.dir, '会前备份');
    const made = ok(await c.backupTo(target));
    expect(made).toMatchObject({ path: `${target}.db`, kind: 'other', readable: true });
    const before = readFileSync(`${target}.db`);
    expect(err(await c.backupTo(`${target}.db`))).toContain('已存在');
    expect(readFileSync(`${target}.db`).equals(before)).toBe(true); // not overwritten
    expect(err(await c.backupTo('备份.db'))).toContain('完整的文件位置');
    expect(err(await c.backupTo(c.dataFile))).toContain('数据文件本身');
  });

  it('refuses network and device paths from a dialog, touching nothing', async () => {
    const c = core();
    ok(await c.invoke('app.loadDemo', {}));
    const before = dumpDatabase(c);
    const listed = ok(await c.invoke('backup.list', {})).backups.length;
    for (const path of ['\\\\server\\share\\上次会议备份.db', '\\\\?\\C:\\备份.db']) {
      expect(() => c.files.choose(path), path).toThrow(/^不能使用(网络|设备)路径/);
      expect(err(await c.backupTo(path)), path).toMatch(/^不能使用(网络|设备)路径/);
    }
    expect(dumpDatabase(c)).toBe(before);
    expect(ok(await c.invoke('backup.list', {})).backups.length).toBe(listed);
  });

  it('takes no path from a page: a file is named by its place in the backups folder or by a chosen file’s handle', async () => {
    const c = core();
    ok(await c.invoke('app.loadDemo', {}));
    const made = ok(await c.invoke('backup.create', {}));
    const outside = join(c.dir, '..', `${basename(c.dir)}-外面.db`);
    const before = dumpDatabase(c);
    const files = () => readdirSync(c.dir).sort().join('|');
    const present = files();
    // As a window calls: through the router, with whatever a page could send.
    for (const [name, input] of [
      ['backup.describe', { path: made.path }],
      ['backup.restore', { path: made.path }],
      ['backup.create', { file: outside }],
    ] as const) {
      const r = await c.call(name, input);
      expect(r.ok ? '' : r.error.code, name).toBe('bad_input');
      expect(err(r)).toContain('不认识的字段');
    }
    for (const name of ['../bcsl.db', '../backups/../bcsl.db', made.path, 'bcsl.db', '.records.db', 'backups']) {
      expect(err(await c.call('backup.restore', { name })), name).toMatch(/备份文件夹中没有/);
      expect(err(await c.call('backup.describe', { name })), name).toMatch(/备份文件夹中没有/);
    }
    expect(err(await c.call('backup.restore', { handle: randomUUID() }))).toContain('请重新选择');
    expect(err(await c.call('backup.restore', { name: made.name, handle: randomUUID() }))).toContain('二者取一');
    expect(err(await c.call('backup.restore', {}))).toContain('二者取一');
    expect(existsSync(outside)).toBe(false);
    expect(files()).toBe(present);
    expect(dumpDatabase(c)).toBe(before);
    // The folder's own file by its name does work.
    expect(ok(await c.invoke('backup.describe', { name: made.name }))).toMatchObject({ readable: true });
  });

  it('restores the earlier state, keeps the current file as 恢复前 and tells every window', async () => {
    const c = core();
    ok(await c.invoke('app.loadDemo', {}));
    await heldMeeting(c, { title: '早先的会议' });
    const backup = ok(await c.invoke('backup.create', {}));
    await heldMeeting(c, { title: '备份之后的会议' });
    expect(await meetingTitles(c)).toEqual(['备份之后的会议', '早先的会议']);

    const events: ChangeEvent[] = [];
    c.events.subscribe((e) => events.push(e));
    const generation = ok(await c.invoke('app.status', {})).fileGeneration;
    const restored = ok(await c.invoke('backup.restore', { name: backup.name }));
    expect(restored.meetings).toBe(1);
    expect(await meetingTitles(c)).toEqual(['早先的会议']);
    expect(events.map((e) => e.call)).toEqual(['backup.restore']);
    // A new identity, so that drafts kept by windows before the restore are offered, not imposed.
    expect(ok(await c.invoke('app.status', {})).fileGeneration).not.toBe(generation);

    // The state before the restore is a backup in its own right, and can be restored in turn.
    expect(restored.keptCopy).toMatch(/恢复前-\d{8}-\d{6}\.db$/);
    const kept = ok(await c.invoke('backup.list', {})).backups.find((b) => b.path === restored.keptCopy)!;
    expect(kept).toMatchObject({ kind: 'before-restore', readable: true, meetings: 2 });
    ok(await c.invoke('backup.restore', { name: basename(restored.keptCopy) }));
    expect(await meetingTitles(c)).toEqual(['备份之后的会议', '早先的会议']);
    // And the app goes on writing to the restored file.
    await heldMeeting(c, { title: '恢复后的会议' });
    expect(await meetingTitles(c)).toHaveLength(3);
    expect(c.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('refuses a missing file, a file that is not a data file and one from a newer version, changing nothing', async () => {
    const c = core();
    ok(await c.invoke('app.loadDemo', {}));
    const before = dumpDatabase(c);
    const notes = join(c.dir, '会议通知.db');
    writeFileSync(notes, '这不是数据库'.repeat(200));
    const newer = join(c.dir, '新版本.db');
    ok(await c.backupTo(newer));
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();

    expect(() => c.files.choose(join(c.dir, '不存在.db'))).toThrow('未找到');
    expect(err(await c.invoke('backup.restore', chosen(c, notes)))).toContain('不是冰城商量的数据文件');
    expect(err(await c.invoke('backup.restore', chosen(c, newer)))).toContain('更新版本');
    expect(err(await c.invoke('backup.restore', chosen(c, c.dataFile)))).toContain('当前数据文件本身');
    expect(dumpDatabase(c)).toBe(before);
    // Nothing kept, staged or left behind when nothing was replaced.
    expect(readdirSync(c.dir).sort()).toEqual(['bcsl.db', 'bcsl.db-shm', 'bcsl.db-wal', '会议通知.db', '新版本.db']);
  });

  it('restores a backup from an older version and migrates it', async () => {
    const c = core();
    const old = join(c.dir, '旧版本.db');
    openDatabase(old, { migrations: migrations.slice(0, 2) }).close();
    const restored = ok(await c.invoke('backup.restore', chosen(c, old)));
    expect(restored.meetings).toBeNull();
    expect(c.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(ok(await c.invoke('meeting.list', {}))).toEqual([]);
  });

  it('checks the data file on request', async () => {
    const c = core();
    ok(await c.invoke('app.loadDemo', {}));
    expect(ok(await c.invoke('backup.check', {}))).toMatchObject({ ok: true, problems: [] });
    expect(ok(await c.invoke('app.health', {}))).toEqual({ state: 'ok', warning: null });
  });

  it('describes a backup file chosen from elsewhere without changing it', async () => {
    const c = core();
    ok(await c.invoke('app.loadDemo', {}));
    const file = join(c.dir, '会前备份.db');
    ok(await c.backupTo(file));
    const before = readFileSync(file);
    expect(ok(await c.invoke('backup.describe', chosen(c, file)))).toMatchObject({
      name: '会前备份.db',
      readable: true,
      meetings: 0,
    });
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(() => c.files.choose(join(c.dir, '没有.db'))).toThrow('未找到');
  });

  it('runs one backup at a time', async () => {
    const c = core();
    ok(await c.invoke('app.loadDemo', {}));
    const [a, b] = await Promise.all([c.invoke('backup.create', {}), c.invoke('backup.create', {})]);
    expect(a.ok).toBe(true);
    expect(err(b)).toContain('正在备份');
  });
});

/** Pages in the middle of the file overwritten, the header intact: it opens, and the damage is inside. */
function damageInside(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * 5);
  } finally {
    closeSync(fd);
  }
}

describe('damage inside an open data file', () => {
  it('fails the automatic backup’s check: the copy is kept under a telling name, the good ones stay, every window is warned', async () => {
    let day = new Date('2026-11-01T09:00:00');
    const c = core(() => day);
    ok(await c.invoke('app.loadDemo', {}));
    await heldMeeting(c, { title: '完好时的会议', minutesChars: 3000 });
    for (let d = 1; d <= 14; d++) {
      day = new Date(`2026-11-${String(d).padStart(2, '0')}T09:00:00`);
      await ensureDailyBackup(c.ctx);
    }
    c.close();
    damageInside(c.dataFile);

    day = new Date('2026-11-15T09:00:00');
    const again = createCore({ dataDir: c.dir, now: () => day });
    try {
      expect(again.unavailable).toBeUndefined(); // the header is fine: it opens
      const made = await ensureDailyBackup(again.ctx);
      expect(made).toBe(join(backupsDir(c), '自动备份-2026-11-15-未通过检查.db'));
      // No rotation for a failed copy: all 14 good ones are still there.
      expect(readdirSync(backupsDir(c)).filter((n) => /^自动备份-\d{4}-\d{2}-\d{2}\.db$/.test(n))).toHaveLength(14);
      expect(await ensureDailyBackup(again.ctx)).toBeNull(); // one try a day
      const health = ok(await again.invoke('app.health', {}));
      expect(health.state === 'ok' && health.warning).toContain('未通过完整性检查');
      const list = ok(await again.invoke('backup.list', {})).backups;
      const failed = list.find((b) => b.path === made)!;
      expect(failed).toMatchObject({ kind: 'auto', readable: false });
      expect(list.find((b) => b.readable)!.name).toBe('自动备份-2026-11-14.db'); // the newest offered is a good one
      const check = ok(await again.invoke('backup.check', {}));
      expect(check.ok).toBe(false);
      expect(check.problems.length).toBeGreaterThan(0);
    } finally {
      again.close();
    }
  });

  it('takes no automatic backup while a meeting is going on (the check would stall the projector’s clock)', async () => {
    const c = core();
    ok(await c.invoke('app.loadDemo', {}));
    const m = ok(
      await c.invoke('meeting.create', {
        topicId: null,
        form: '冰城商量',
        title: '进行中的会议',
        startsAt: '2026-11-22T09:00',
      }),
    );
    ok(await c.invoke('meeting.setStatus', { id: m.id, status: '进行中' }));
    expect(await ensureDailyBackup(c.ctx)).toBeNull();
    ok(await c.invoke('meeting.setStatus', { id: m.id, status: '已结束' }));
    expect(await ensureDailyBackup(c.ctx)).not.toBeNull();
  });
});

/** Descriptors this process holds on `file` (Linux): a failed open must hold none, or Windows could not replace it. */
const handlesOn = (file: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;

describe('a damaged data file at start-up', () => {
  it('starts without it, says so in Chinese, offers the backups, and restores one keeping the damaged file', async () => {
    const c = core();
    ok(await c.invoke('app.loadDemo', {}));
    await heldMeeting(c, { title: '损坏前的会议' });
    await ensureDailyBackup(c.ctx);
    c.close();
    // Garbage over the header: SQLite no longer recognises the file.
    const bytes = readFileSync(c.dataFile);
    bytes.fill(0x41, 0, 4096);
    writeFileSync(c.dataFile, bytes);

    const broken = createCore({ dataDir: c.dir, validateOutput: true });
    try {
      expect(broken.unavailable).toMatch(/数据文件已损坏/);
      if (process.platform === 'linux') expect(handlesOn(c.dataFile)).toBe(0);
      expect(ok(await broken.invoke('app.health', {}))).toMatchObject({ state: 'unavailable', dataFile: c.dataFile });
      const refused = await broken.invoke('meeting.list', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(err(refused)).toMatch(/数据文件已损坏/);
      expect(readFileSync(c.dataFile).equals(bytes)).toBe(true); // untouched by the attempt

      const newest = ok(await broken.invoke('backup.list', {})).backups[0];
      expect(newest).toMatchObject({ kind: 'auto', readable: true, meetings: 1 });
      const restored = ok(await broken.invoke('backup.restore', { name: newest.name }));
      expect(restored.keptCopy).toMatch(/损坏-\d{8}-\d{6}\.db$/);
      expect(readFileSync(restored.keptCopy).equals(bytes)).toBe(true); // the damaged file, byte for byte
      expect(ok(await broken.invoke('app.health', {}))).toEqual({ state: 'ok', warning: null });
      expect(ok(await broken.invoke('meeting.list', {})).map((m) => m.title)).toEqual(['损坏前的会议']);
      // The damaged copy is listed, not offered for restore.
      const damaged = ok(await broken.invoke('backup.list', {})).backups.find((b) => b.kind === 'damaged')!;
      expect(damaged).toMatchObject({ readable: false });
      expect(damaged.problem).not.toBe('');
    } finally {
      broken.close();
    }
  });

  it('a file from a newer version is refused unopened and left as it is', async () => {
    const c = core();
    c.close();
    const db = new Database(c.dataFile);
    db.pragma('user_version = 99');
    db.close();
    const before = readFileSync(c.dataFile);
    const again = createCore({ dataDir: c.dir });
    try {
      expect(again.unavailable).toContain('更新版本');
      expect(readFileSync(c.dataFile).equals(before)).toBe(true);
    } finally {
      again.close();
    }
  });
});
