import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DATA_FILE_NAME, type Core } from '../../electron/core';
import { ok } from '../support/tempCore';

/**
 * The data file and backups hold members' phone numbers: 0700 folders and 0600 files on POSIX.
 * The umask is made permissive here, so the modes seen are the ones the code sets itself.
 */
const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('files private to the user', () => {
  const root = mkdtempSync(join(tmpdir(), 'bcsl-private-'));
  let umask = 0;
  let core: Core | undefined;
  beforeAll(() => {
    umask = process.umask(0o000);
  });
  afterEach(() => {
    core?.close();
    core = undefined;
  });
  afterAll(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  const start = (dataDir: string) =>
    (core = createCore({ dataDir, validateOutput: true, lan: { addresses: () => ['127.0.0.2'], port: 0 } }));

  it('a new data folder is 0700, the data file with its -wal and -shm 0600', () => {
    const dir = join(root, 'fresh', 'data');
    const c = start(dir);
    expect(c.unavailable).toBeUndefined();
    expect(mode(dir)).toBe(0o700);
    for (const side of ['', '-wal', '-shm']) expect(mode(join(dir, DATA_FILE_NAME + side)), side).toBe(0o600);
  });

  it('a backup made by backup.create is 0600, in a backups folder 0700', async () => {
    const c = start(join(root, 'with-backup'));
    const made = ok(await c.invoke('backup.create', {}));
    expect(mode(made.path)).toBe(0o600);
    expect(mode(join(root, 'with-backup', 'backups'))).toBe(0o700);
  });

  it('an existing readable folder (0755, files 0644) is tightened at start; other files in it are left alone', () => {
    const dir = join(root, 'older');
    start(dir).close();
    core = undefined;
    const backups = join(dir, 'backups');
    mkdirSync(backups);
    const oldBackup = join(backups, '手动备份-20260101-090000.db');
    writeFileSync(oldBackup, 'x');
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'not ours');
    mkdirSync(join(dir, 'cache'));
    for (const path of [dir, backups]) chmodSync(path, 0o755);
    for (const path of [join(dir, DATA_FILE_NAME), oldBackup, notes]) chmodSync(path, 0o644);

    start(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(backups)).toBe(0o700);
    expect(mode(join(dir, DATA_FILE_NAME))).toBe(0o600);
    expect(mode(oldBackup)).toBe(0o600);
    expect(mode(notes)).toBe(0o644);
  });

  it('a data folder that cannot be made still starts the app, which says why', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    const c = start(join(file, 'data'));
    expect(c.unavailable).toContain('无法打开数据文件');
  });
});
