import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { migrations } from '../../../electron/core/db/migrations';

/**
 * The helper kit of the migration tests (one file per migration): a temp data file, opened at a
 * given version, and the step under test: a file at version N-1 with data in it, migrated to N.
 */

/** A fresh `bcsl.db` path in its own temp folder, removed after each test. */
export function useTempFiles(): () => string {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'bcsl-mig-'));
    dirs.push(dir);
    return join(dir, 'bcsl.db');
  };
}

/** Opens (and migrates) the file with the first `version` migrations only. */
export const openAt = (file: string, version: number): Db =>
  openDatabase(file, { migrations: migrations.slice(0, version) });

/**
 * Migration `version` on a file left at `version - 1` with the data `seed` writes: returns the
 * connection after the migration ran, its user_version checked.
 */
export function migrateWithData(file: string, version: number, seed: (db: Db) => void): Db {
  const before = openAt(file, version - 1);
  expect(before.pragma('user_version', { simple: true })).toBe(version - 1);
  seed(before);
  before.close();
  const after = openAt(file, version);
  expect(after.pragma('user_version', { simple: true })).toBe(version);
  return after;
}

export const isoNow = () => new Date().toISOString();
