import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { isDamage, refused } from '../../errors';
import { fileProblem } from '../fileProblem';
import { syncFile, writeBackup } from '../durable';
import { rebuildFrom } from '../rebuild';
import { noReport, partOf, type Report } from './progress';
import { checkSize, inspectBackup, type TrustedBackup } from '../trust';
import { writePackage } from '../../transfer/writePackage';

/**
 * The heavy parts of backup and restore, each reading whole files: run in a worker thread
 * (worker/run.ts) so that no call waits behind them. Plain functions of paths, so tests can also
 * call them directly.
 */

const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;
export const removeWithSideFiles = (file: string) =>
  ['', ...SIDE_FILES].forEach((s) => rmSync(file + s, { force: true }));

/**
 * Prepares a restore at `staged`: the chosen file is copied first (never read twice, so it cannot
 * change between the check and the use), the copy is checked as describe checks it, and the file
 * that will take the data file's place is built fresh from it by this app (backup/rebuild.ts).
 */
function stage({ source, staged }: { source: string; staged: string }, report: Report = noReport): TrustedBackup {
  const copy = `${staged}.source`;
  const cleanUp = () => [staged, copy].forEach(removeWithSideFiles);
  cleanUp();
  checkSize(source); // a file too large or no SQLite file at all is not even copied
  try {
    report('正在复制备份文件', 0);
    copyFileSync(source, copy);
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${copy}-wal`);
  } catch (e) {
    cleanUp();
    throw refused(`无法读取或复制备份文件：${fileProblem(e)}`);
  }
  try {
    report('正在检查备份', 0.1);
    const found = inspectBackup(copy, { deep: true });
    rebuildFrom(copy, staged, found.schemaVersion, partOf(report, 0.3, 1));
    removeWithSideFiles(copy);
    syncFile(staged);
    return found;
  } catch (e) {
    cleanUp();
    throw e;
  }
}

/** SQLite's integrity_check of the data file, read through its own connection (the app's stays free). */
function integrity({ file }: { file: string }): string[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 1000');
    const rows = db.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  } catch (e) {
    // Damage bad enough stops the check itself: that is its finding.
    if (isDamage(e)) return ['数据文件结构已损坏（检查无法完成）'];
    throw e;
  } finally {
    db?.close();
  }
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** What a backup's record holds: its size, checksum and (when asked) whether it passed quick_check. */
async function seal({ file, check }: { file: string; check: boolean }) {
  let passed = true;
  if (check) {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      passed = db.pragma('quick_check', { simple: true }) === 'ok';
    } catch {
      passed = false;
    } finally {
      db?.close();
    }
  }
  return { bytes: statSync(file).size, sha256: await sha256(file), passed };
}

export const tasks = {
  backup: writeBackup,
  inspect: ({ path, deep }: { path: string; deep: boolean }) => inspectBackup(path, { deep }),
  stage,
  integrity,
  seal,
  writePackage,
};
export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;
