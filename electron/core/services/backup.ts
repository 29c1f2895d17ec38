import { existsSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { AUTO_BACKUPS_KEPT } from '../../../shared/contract/backup';
import type { Ctx } from '../context';
import { takeBackup, restoreBackup } from '../backup/copy';
import { backupFolder, describeBackup, freshName, listBackups } from '../backup/files';
import { badInput, refused } from '../errors';
import { handlers } from '../handler';

/** Runs one backup or restore at a time: a second click while one is under way is told so. */
async function exclusive<T>(ctx: Ctx, what: string, work: () => Promise<T>): Promise<T> {
  if (ctx.slot.task) throw refused(`${ctx.slot.task}，请稍候再试`);
  ctx.slot.task = what;
  try {
    return await work();
  } finally {
    ctx.slot.task = undefined;
  }
}

/** A path the user chose: absolute, ending in .db, not the data file itself, never an existing file. */
function chosenFile(ctx: Ctx, file: string): string {
  if (!isAbsolute(file)) throw badInput('请填写完整的文件路径，例如 D:\\备份\\冰城商量-备份.db');
  const path = resolve(extname(file).toLowerCase() === '.db' ? file : `${file}.db`);
  if (path === resolve(ctx.dataFile)) throw badInput('不能备份到数据文件本身，请换一个文件名');
  if (existsSync(path)) throw refused(`“${path}”已存在：备份不会覆盖已有文件，请换一个文件名`);
  return path;
}

export const backupHandlers = handlers({
  'backup.list': (_input, ctx) => ({
    folder: backupFolder(ctx.dataFile),
    dataFile: ctx.dataFile,
    keep: AUTO_BACKUPS_KEPT,
    backups: listBackups(backupFolder(ctx.dataFile)),
  }),

  'backup.create': async ({ file }, ctx) => {
    const dest = file ? chosenFile(ctx, file) : freshName(backupFolder(ctx.dataFile), 'manual', ctx.now());
    const db = ctx.db; // the Chinese reason when the data file is not open
    await exclusive(ctx, '正在备份', () => takeBackup(db, dest));
    return describeBackup(dest);
  },

  'backup.restore': async ({ path }, ctx) => {
    if (!isAbsolute(path)) throw badInput('请填写备份文件的完整路径');
    // The current file is kept as it is: a readable one as 恢复前, a damaged one as 损坏 (byte copy).
    const keepAs = freshName(backupFolder(ctx.dataFile), ctx.slot.isOpen ? 'before-restore' : 'damaged', ctx.now());
    const { meetings } = await exclusive(ctx, '正在从备份恢复', () => restoreBackup(ctx.slot, path, keepAs));
    return { restoredFrom: resolve(path), keptCopy: keepAs, meetings };
  },

  'backup.check': (_input, ctx) => {
    const started = performance.now();
    const rows = ctx.db.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    return { ok: problems.length === 0, problems, ms: Math.round(performance.now() - started) };
  },
});
