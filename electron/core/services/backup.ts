import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AUTO_BACKUPS_KEPT, type BackupFile, type BackupSource } from '../../../shared/contract/backup';
import type { Ctx } from '../context';
import { restoreBackup, takeBackup } from '../backup/copy';
import {
  backupFolder,
  describeBackup,
  folderFile,
  freshName,
  listBackups,
  recordBackup,
  recordedEntry,
  recordOf,
  unrecordedEntry,
} from '../backup/files';
import { chosenDestination } from '../backup/destination';
import { runInWorker } from '../backup/worker/run';
import { RESTORING } from '../db/slot';
import { refused } from '../errors';
import { handlers } from '../handler';
import { FILE_GENERATION } from './app';
import { REASON } from '../minutesSync/reasons';
import { storeValue } from '../data/settings';

/** The file a call means: one of the backups folder by name, or one chosen elsewhere by its handle. */
function sourceFile(ctx: Pick<Ctx, 'files' | 'dataFile'>, source: BackupSource): string {
  return source.handle !== undefined
    ? ctx.files.pathOf(source.handle)
    : folderFile(backupFolder(ctx.dataFile), source.name ?? '');
}

/**
 * A backup written where the user chose in the desktop app's save dialog. The trusted side only
 * (electron/main): no contract call takes a path. Absolute, ending in .db, not the data file
 * itself, never over an existing file.
 */
export async function backupToChosenFile(ctx: Ctx, file: string): Promise<BackupFile> {
  return writeBackup(ctx, chosenDestination(file, ctx.dataFile), 'other');
}

async function writeBackup(ctx: Ctx, dest: string, kind: 'manual' | 'other'): Promise<BackupFile> {
  const folder = backupFolder(ctx.dataFile);
  void ctx.db; // the Chinese reason when the data file is not open
  await ctx.slot.exclusive('正在备份', () => takeBackup(ctx.dataFile, dest, (p) => (ctx.slot.progress = p)));
  // Only the folder's backups are recorded (and listed); one written there under a chosen name is
  // 其他 whatever it is called: a name counts for nothing.
  if (dirname(dest) !== folder) return unrecordedEntry(dest);
  return recordedEntry(folder, await recordBackup(folder, dest, kind, ctx.now()));
}

export const backupHandlers = handlers({
  'backup.list': (_input, ctx) => ({
    folder: backupFolder(ctx.dataFile),
    dataFile: ctx.dataFile,
    keep: AUTO_BACKUPS_KEPT,
    backups: listBackups(backupFolder(ctx.dataFile)),
  }),

  'backup.describe': async (input, ctx) => {
    const path = sourceFile(ctx, input);
    const described = await describeBackup(path, recordOf(backupFolder(ctx.dataFile), path));
    // A chosen file is shown by its own name (an upload's staged copy has a made-up one).
    return input.handle !== undefined ? { ...described, name: ctx.files.nameOf(input.handle) } : described;
  },

  'backup.create': (_input, ctx) =>
    writeBackup(ctx, freshName(backupFolder(ctx.dataFile), 'manual', ctx.now()), 'manual'),

  'backup.restore': async (input, ctx) => {
    const path = sourceFile(ctx, input);
    // The current file is kept as it is: a readable one as 恢复前, a damaged one as 损坏 (byte copy).
    const folder = backupFolder(ctx.dataFile);
    const kind = ctx.slot.isOpen ? 'before-restore' : 'damaged';
    const keepAs = freshName(folder, kind, ctx.now());
    // Every open minutes document is folded into the current file first; its windows reconnect to the restored one.
    if (ctx.slot.isOpen) ctx.minutesDocs.closeAll(REASON.restoring);
    const { meetings } = await ctx.slot.exclusive(RESTORING, async () => {
      try {
        return await restoreBackup(ctx.slot, path, keepAs);
      } finally {
        // The kept copy is the app's own, whether or not the swap then succeeded.
        if (existsSync(keepAs)) await recordBackup(folder, keepAs, kind, ctx.now());
      }
    });
    // A new identity for the restored file: drafts kept by windows before the restore are offered, never imposed.
    storeValue(ctx, FILE_GENERATION, randomUUID());
    const restoredFrom = input.handle !== undefined ? ctx.files.nameOf(input.handle) : (input.name ?? '');
    return { restoredFrom, keptCopy: keepAs, meetings };
  },

  'backup.progress': (_input, ctx) => {
    const p = ctx.slot.progress;
    if (!ctx.slot.task || !p) return { task: null, step: '', percent: 0, cancellable: false };
    return { task: ctx.slot.task, step: p.step, percent: Math.floor(p.fraction * 100), cancellable: !!p.cancel };
  },

  'backup.cancel': (_input, ctx) => {
    const cancel = ctx.slot.progress?.cancel;
    // Nothing under way: nothing to stop (a second press after the first stopped it).
    if (!ctx.slot.task) return { cancelled: false };
    if (!cancel) throw refused(`${ctx.slot.task}已到不能取消的一步（正在保存当前数据、换上备份），请稍候`);
    cancel();
    return { cancelled: true };
  },

  'backup.check': async (_input, ctx) => {
    const started = performance.now();
    void ctx.db; // the Chinese reason when the data file is not open
    // Read in a worker through its own connection: every other call goes on meanwhile.
    const problems = await ctx.slot.reading(() => runInWorker('integrity', { file: ctx.dataFile }));
    // The banner follows the latest check: damage found is shown until a clean check or a restore.
    ctx.slot.warning = problems.length ? `数据文件检查发现 ${problems.length} 处问题，请从较早的备份恢复。` : undefined;
    return { ok: problems.length === 0, problems, ms: Math.round(performance.now() - started) };
  },
});
