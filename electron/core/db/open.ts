import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError, isDamage } from '../errors';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { makePrivateFile } from './privateFiles';
import type { ReadDb } from './sql';

export type Db = Database.Database;

export interface OpenOptions {
  /** Migrate only up to this list (tests of one migration pass a prefix). */
  migrations?: readonly Migration[];
  readonly?: boolean;
}

/**
 * Opens the data file as Signal Desktop runs SQLite: WAL, synchronous=FULL (a committed save
 * survives power loss), foreign keys on. Applies pending migrations, each in its own
 * transaction, and refuses a file written by a newer version of the app without touching it.
 */
export function openDatabase(file: string, { migrations = allMigrations, readonly = false }: OpenOptions = {}): Db {
  assertRuntime();
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  // Also a restored file, which keeps the mode it had on the stick.
  if (file !== ':memory:' && !readonly) makePrivateFile(file, { create: true });
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly });
    // Another program holding the file (a backup or sync tool) makes a write wait this long, then
    // fail with a clear message and be retried: the main process must not freeze for seconds.
    db.pragma('busy_timeout = 1000');
    // Reading the schema version is the first real read: it fails on a file that is not a database.
    const version = db.pragma('user_version', { simple: true }) as number;
    const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
    if (version > latest) {
      db.close();
      throw new AppError(
        'db_too_new',
        `数据文件由更新版本的冰城商量写入（数据版本 ${version}，本程序只支持到 ${latest}）。为保护数据，本程序不会打开或修改它，请升级程序后再试。文件位置：${file}`,
      );
    }
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    if (!readonly) migrate(db, version, migrations);
    return db;
  } catch (e) {
    // A failed open must not keep the file handle: Windows could not replace the file in a restore.
    if (db?.open) db.close();
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (isDamage(e)) {
      throw new AppError(
        'db_unreadable',
        `数据文件已损坏或不是冰城商量的数据文件，无法打开：${file}。文件未做任何改动。`,
      );
    }
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
      throw new AppError('db_unreadable', `无法打开数据文件（没有读写权限或目录不存在）：${file}`);
    }
    if (code.startsWith('SQLITE_')) {
      throw new AppError('db_unreadable', `无法读取数据文件（${code}）：${file}。文件未做任何改动。`);
    }
    throw e;
  }
}

/** better-sqlite3 13 crashes on Node 20; say so instead of segfaulting. Electron 45 ships Node 22. */
function assertRuntime(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) {
    throw new Error(
      `冰城商量需要 Node.js 22 或更高版本（当前 ${process.version}）。请通过 npm 脚本运行（npm run serve / npm test），它们会使用项目自带的 Node 22。`,
    );
  }
}

function migrate(db: Db, from: number, migrations: readonly Migration[]): void {
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

export function schemaVersion(db: ReadDb): number {
  // A statement, not db.pragma: a read-only connection offers no pragma (some of them write).
  return db.prepare('SELECT user_version FROM pragma_user_version').pluck().get() as number;
}
