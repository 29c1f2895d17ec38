import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion, migrations } from '../../electron/core/db/migrations';
import { referenceSchema, schemaOf, type SchemaObject } from '../../electron/core/backup/referenceSchema';
import { openDatabase } from '../../electron/core/db/open';
import { MAX_BACKUP_BYTES } from '../../electron/core/backup/trust';
import { heldMeeting } from '../support/meetingScenario';
import { chosen, err, ok, tempCore } from '../support/tempCore';

/**
 * A backup is data, never code: crafted files are refused by describe and restore alike, with
 * the reason, and the current data file stays byte for byte as it was.
 */
const cores: ReturnType<typeof tempCore>[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.dispose();
});

/** The data file and its WAL, hashed: equal hashes mean not one byte changed. */
const fileHash = (c: ReturnType<typeof tempCore>) => {
  const h = createHash('sha256');
  for (const f of [c.dataFile, `${c.dataFile}-wal`]) if (existsSync(f)) h.update(readFileSync(f));
  return h.digest('hex');
};

async function setUp() {
  const c = tempCore();
  cores.push(c);
  ok(await c.invoke('app.loadDemo', {}));
  await heldMeeting(c, { title: '当前的会议' });
  const good = join(c.dir, '同事的备份.db');
  ok(await c.backupTo(good));
  await heldMeeting(c, { title: '备份之后的会议' });
  return { c, good };
}

/** A copy of the good backup, changed by `change` through an ordinary connection. */
function crafted(good: string, name: string, change: (db: Database.Database) => void): string {
  const path = join(good, '..', `${name}.db`);
  copyFileSync(good, path);
  const db = new Database(path);
  change(db);
  db.close();
  return path;
}

/** Bytes written over the file at `offset`. */
function patch(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

const byKey = (a: SchemaObject, b: SchemaObject) => `${a.type} ${a.name}`.localeCompare(`${b.type} ${b.name}`);

type Case = [name: string, make: (good: string) => string, reason: RegExp];
const cases: Case[] = [
  [
    'an extra trigger',
    (good) =>
      crafted(good, '多了触发器', (db) =>
        db.exec(`CREATE TRIGGER steal AFTER INSERT ON meeting BEGIN UPDATE person SET name = '张三'; END`),
      ),
    /本程序不会创建的触发器“steal”/,
  ],
  [
    'an altered trigger (the append-only guard removed)',
    (good) =>
      crafted(good, '改过触发器', (db) =>
        db.exec(`DROP TRIGGER followup_event_no_delete;
          CREATE TRIGGER followup_event_no_delete BEFORE DELETE ON followup_event BEGIN SELECT 1; END`),
      ),
    /触发器“followup_event_no_delete”与本程序创建的不同/,
  ],
  [
    'a view',
    (good) => crafted(good, '多了视图', (db) => db.exec('CREATE VIEW everyone AS SELECT * FROM person')),
    /本程序不会创建的视图“everyone”/,
  ],
  [
    'an extra table',
    (good) => crafted(good, '多了表', (db) => db.exec('CREATE TABLE loot (x TEXT)')),
    /本程序不会创建的表“loot”/,
  ],
  [
    'a missing trigger',
    (good) => crafted(good, '少了触发器', (db) => db.exec('DROP TRIGGER topic_event_no_update')),
    /缺少本程序的触发器“topic_event_no_update”/,
  ],
  [
    'a row pointing at nothing (a participant of a meeting that is not there)',
    (good) =>
      crafted(good, '引用不存在', (db) => {
        db.pragma('foreign_keys = OFF');
        db.exec('UPDATE participant SET meeting_id = 9999 WHERE rowid = (SELECT min(rowid) FROM participant)');
      }),
    /表“participant”有 1 行引用了不存在的“meeting”记录/,
  ],
  [
    'a huge page count in the header',
    (good) => {
      const path = join(good, '..', '页数巨大.db');
      copyFileSync(good, path);
      const size = Buffer.alloc(4);
      size.writeUInt32BE(0x7fff_fff0);
      patch(path, 28, size);
      return path;
    },
    /不完整或被改动过：文件头记录 2147483632 页/,
  ],
  [
    'a file larger than any data file could be',
    (good) => {
      const path = join(good, '..', '过大.db');
      copyFileSync(good, path);
      truncateSync(path, MAX_BACKUP_BYTES + 4096); // sparse: takes no room on the disk
      return path;
    },
    /过大/,
  ],
  [
    'a wrong user_version (the schema of the latest version, marked as an older one)',
    (good) => crafted(good, '版本号不对', (db) => db.pragma('user_version = 5')),
    // Objects version 5 did not have, and tables later migrations changed (migration 011's uid columns).
    /本程序不会创建的|与本程序创建的不同（被改动过）/,
  ],
  [
    'a newer user_version',
    (good) => crafted(good, '更新版本', (db) => db.pragma('user_version = 99')),
    /更新版本的程序写入（数据版本 99）/,
  ],
  [
    'a SQLite file of another program (user_version 7)',
    (good) => {
      const path = join(good, '..', '别的程序.db');
      const db = new Database(path);
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES (1)');
      db.pragma('user_version = 7');
      db.close();
      return path;
    },
    /不是冰城商量的数据文件/,
  ],
  [
    'no SQLite file at all',
    (good) => {
      const path = join(good, '..', '会议通知.db');
      writeFileSync(path, '这不是数据库'.repeat(200));
      return path;
    },
    /不是冰城商量的数据文件/,
  ],
  [
    'a truncated file',
    (good) => {
      const path = join(good, '..', '截断.db');
      const bytes = readFileSync(good);
      writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 4096 / 2) * 4096));
      return path;
    },
    /不完整或被改动过/,
  ],
  [
    'damage inside (quick_check fails)',
    (good) => {
      const path = join(good, '..', '内部损坏.db');
      copyFileSync(good, path);
      const pages = readFileSync(path).length / 4096;
      patch(path, 4096 * Math.floor(pages / 2), Buffer.alloc(4096 * 2, 0x5a));
      return path;
    },
    /已损坏/,
  ],
];

describe('a crafted backup', () => {
  it.each(cases)(
    'with %s is refused by describe and restore alike, the data file unchanged',
    async (_n, make, reason) => {
      const { c, good } = await setUp();
      const bad = make(good);
      const before = fileHash(c);
      const listing = readdirSync(c.dir).sort();

      const described = ok(await c.invoke('backup.describe', chosen(c, bad)));
      expect(described.readable).toBe(false);
      expect(described.problem).toMatch(reason);
      const refused = err(await c.invoke('backup.restore', chosen(c, bad)));
      expect(refused).toBe(`${described.problem}，未恢复`); // one check: they cannot disagree

      expect(fileHash(c)).toBe(before);
      expect(readdirSync(c.dir).sort()).toEqual(listing); // nothing staged or kept is left behind
      expect(ok(await c.invoke('app.health', {}))).toEqual({ state: 'ok', warning: null });
      expect(ok(await c.invoke('meeting.list', {})).map((m) => m.title)).toContain('备份之后的会议');
    },
  );

  it('the genuine backup it was made from is described as restorable, and restores', async () => {
    const { c, good } = await setUp();
    expect(ok(await c.invoke('backup.describe', chosen(c, good)))).toMatchObject({
      readable: true,
      meetings: 1,
      problem: '',
    });
    ok(await c.invoke('backup.restore', chosen(c, good)));
    expect(ok(await c.invoke('meeting.list', {})).map((m) => m.title)).toEqual(['当前的会议']);
  });

  it('a restore builds a fresh file: the schema is the app’s own, the search index is built anew and answers', async () => {
    const { c, good } = await setUp();
    ok(await c.invoke('backup.restore', chosen(c, good)));
    expect([...schemaOf(c.db).values()].sort(byKey)).toEqual([...referenceSchema(latestVersion).values()].sort(byKey));
    c.db.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')");
    const found = ok(await c.invoke('archive.search', { q: '当前的会议' }));
    expect(JSON.stringify(found)).toContain('当前的会议');
    expect(c.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('a byte copy of a data file in use, with its WAL beside it, restores with what the WAL held', async () => {
    const { c } = await setUp();
    const raw = join(c.dir, '直接复制的数据文件.db');
    copyFileSync(c.dataFile, raw);
    copyFileSync(`${c.dataFile}-wal`, `${raw}-wal`);
    await heldMeeting(c, { title: '复制之后的会议' });
    ok(await c.invoke('backup.restore', chosen(c, raw)));
    expect(
      ok(await c.invoke('meeting.list', {}))
        .map((m) => m.title)
        .sort(),
    ).toEqual(['备份之后的会议', '当前的会议']);
  });

  it('a good backup of an older version restores and is migrated up; one with an extra trigger at that version is refused', async () => {
    const { c } = await setUp();
    const old = join(c.dir, '第九版.db');
    const db = openDatabase(old, { migrations: migrations.slice(0, 9) });
    db.prepare(
      "INSERT INTO sector (name, created_at, updated_at) VALUES ('测试界别', '2026-01-01', '2026-01-01')",
    ).run();
    db.close();
    // Make it one file, as a backup is (no WAL beside it).
    const plain = new Database(old);
    plain.pragma('journal_mode = DELETE');
    plain.close();
    const evil = crafted(old, '第九版-多了触发器', (d) =>
      d.exec(`CREATE TRIGGER later AFTER INSERT ON sector BEGIN DELETE FROM person; END`),
    );
    const before = fileHash(c);
    expect(err(await c.invoke('backup.restore', chosen(c, evil)))).toMatch(/触发器“later”/);
    expect(fileHash(c)).toBe(before);

    expect(ok(await c.invoke('backup.describe', chosen(c, old)))).toMatchObject({ readable: true, schemaVersion: 9 });
    ok(await c.invoke('backup.restore', chosen(c, old)));
    expect(c.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(c.db.prepare('SELECT name FROM sector').pluck().all()).toContain('测试界别');
  });
});
