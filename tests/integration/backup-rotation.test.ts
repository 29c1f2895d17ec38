import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDailyBackup } from '../../electron/core/backup/autoBackup';
import { MANIFEST_NAME, readRecords } from '../../electron/core/backup/records';
import { ok, tempCore } from '../support/tempCore';

/** Rotation goes by the app's records of its backups, never by a file's name or the clock. */
const cores: ReturnType<typeof tempCore>[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.dispose();
});

async function setUp(start: string) {
  let now = new Date(start);
  const c = tempCore({ now: () => now });
  cores.push(c);
  ok(await c.invoke('app.loadDemo', {}));
  const folder = join(c.dir, 'backups');
  return { c, folder, setNow: (d: Date) => (now = d) };
}

const day = (d: number) => new Date(2026, 10, d, 9, 0, 0); // 2026-11-dd 09:00 local
const genuineAutos = (folder: string) =>
  readRecords(folder)
    .filter((r) => r.kind === 'auto')
    .map((r) => join(folder, r.file));

describe('backup rotation', () => {
  it('never counts or deletes files planted under automatic-backup names', async () => {
    const { c, folder, setNow } = await setUp('2026-11-01T09:00:00');
    const planted: string[] = [];
    for (let n = 1; n <= 14; n++) {
      const file = join(folder, `自动备份-2099-01-${String(n).padStart(2, '0')}.db`);
      ok(await c.backupTo(file));
      planted.push(file);
    }
    // And one under today's own name: the day's backup still happens, under another name.
    ok(await c.backupTo(join(folder, '自动备份-2026-11-01.db')));
    const made: string[] = [];
    for (let d = 1; d <= 16; d++) {
      setNow(day(d));
      made.push((await ensureDailyBackup(c.ctx))!);
    }
    expect(made[0]).toBe(join(folder, '自动备份-2026-11-01-2.db'));
    for (const f of planted) expect(existsSync(f), f).toBe(true);
    expect(existsSync(join(folder, '自动备份-2026-11-01.db'))).toBe(true);
    // The newest 14 genuine ones are kept, the two oldest genuine ones gave way.
    expect(made.slice(2).every((f) => existsSync(f))).toBe(true);
    expect(made.slice(0, 2).some((f) => existsSync(f))).toBe(false);
    const list = ok(await c.invoke('backup.list', {})).backups;
    expect(list.filter((b) => b.kind === 'auto')).toHaveLength(14);
    expect(list.find((b) => b.name === '自动备份-2099-01-01.db')).toMatchObject({ kind: 'other', readable: true });
    expect(list[0].path).toBe(made.at(-1)); // newest by the order made, not by the name's date
  });

  it('keeps every last good copy when the clock jumps a year ahead and a year back', async () => {
    const { c, folder, setNow } = await setUp('2026-11-01T09:00:00');
    for (let d = 1; d <= 14; d++) {
      setNow(day(d));
      await ensureDailyBackup(c.ctx);
    }
    const before = genuineAutos(folder);
    expect(before).toHaveLength(14);
    setNow(new Date(2027, 10, 15, 9)); // a year ahead
    const ahead = (await ensureDailyBackup(c.ctx))!;
    setNow(new Date(2025, 10, 16, 9)); // and a year back
    const back = (await ensureDailyBackup(c.ctx))!;
    setNow(new Date(2025, 10, 17, 9));
    const next = (await ensureDailyBackup(c.ctx))!;
    // By name the one from “2025” would be the oldest and go at once; by the order made it is among the newest.
    for (const f of [ahead, back, next]) expect(existsSync(f), f).toBe(true);
    const kept = genuineAutos(folder);
    expect(kept).toHaveLength(14);
    expect(kept).toEqual([...before.slice(3), ahead, back, next]);
    expect(kept.every((f) => existsSync(f))).toBe(true);
    expect(readdirSync(folder).filter((n) => n.endsWith('.db'))).toHaveLength(14);
  });

  it('deletes nothing when the records cannot be read (an unreadable manifest is no licence to delete)', async () => {
    const { c, folder, setNow } = await setUp('2026-11-01T09:00:00');
    for (let d = 1; d <= 14; d++) {
      setNow(day(d));
      await ensureDailyBackup(c.ctx);
    }
    writeFileSync(join(folder, MANIFEST_NAME), '{ 不是 JSON');
    for (let d = 15; d <= 17; d++) {
      setNow(day(d));
      await ensureDailyBackup(c.ctx);
    }
    expect(readdirSync(folder).filter((n) => n.startsWith('自动备份-'))).toHaveLength(17);
    // The unreadable manifest is kept aside, for whoever looks into it.
    expect(readdirSync(folder).filter((n) => n.startsWith(`${MANIFEST_NAME}.无法读取-`))).toHaveLength(1);
  });

  it('does not delete a recorded backup that was changed since (it is forgotten, and stays)', async () => {
    const { c, folder, setNow } = await setUp('2026-11-01T09:00:00');
    setNow(day(1));
    const first = (await ensureDailyBackup(c.ctx))!;
    // Someone puts another file in its place.
    rmSync(first);
    writeFileSync(first, Buffer.alloc(8192, 1));
    for (let d = 2; d <= 16; d++) {
      setNow(day(d));
      await ensureDailyBackup(c.ctx);
    }
    expect(existsSync(first)).toBe(true);
    expect(genuineAutos(folder)).toHaveLength(14);
    expect(ok(await c.invoke('backup.list', {})).backups.find((b) => b.path === first)).toMatchObject({
      kind: 'other',
      readable: false,
    });
  });
});
