import { z } from 'zod';
import { maintenance, query, topics } from './define';
import { text } from './fields';

export const backupKinds = ['auto', 'manual', 'before-restore', 'damaged', 'other'] as const;
export type BackupKind = (typeof backupKinds)[number];
export const backupKindNames: Record<BackupKind, string> = {
  auto: '自动备份',
  manual: '手动备份',
  'before-restore': '恢复前的数据',
  damaged: '损坏文件的副本',
  other: '其他',
};

/** Automatic daily backups kept; older automatic ones give way, every other file stays. */
export const AUTO_BACKUPS_KEPT = 14;

export const BackupFile = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(backupKinds),
  /** When the file was written (ISO). */
  writtenAt: z.string(),
  bytes: z.number(),
  /** Opens as a data file of this app: can be restored. */
  readable: z.boolean(),
  schemaVersion: z.number().nullable(),
  meetings: z.number().nullable(),
  people: z.number().nullable(),
  /** Why it cannot be restored (Chinese), '' when it can. */
  problem: z.string(),
});
export type BackupFile = z.infer<typeof BackupFile>;

/**
 * Which backup a call means. A page never names a path: a file of the backups folder by its name
 * (as backup.list gives it), or a file from elsewhere by the handle the desktop app's file dialog
 * or the browser's upload gave (electron/core/backup/chosenFiles.ts).
 */
export const BackupSource = z
  .strictObject({
    name: text('备份文件夹中的文件名', { max: 255 }).optional(),
    handle: z.string().max(64).describe('所选文件的凭据').optional(),
  })
  .refine((s) => (s.name === undefined) !== (s.handle === undefined), {
    message: '请指明一个备份：备份文件夹中的文件名，或选择的文件（二者取一）',
  });
export type BackupSource = z.infer<typeof BackupSource>;

/** What an upload or the desktop's file dialog answers: the handle to name the file by, and its name. */
export const ChosenFile = z.object({ handle: z.string(), name: z.string() });
export type ChosenFile = z.infer<typeof ChosenFile>;

export const backupCalls = {
  'backup.list': query({
    summary: '备份文件夹中的备份（最新的在前）',
    input: z.strictObject({}),
    output: z.object({ folder: z.string(), dataFile: z.string(), keep: z.number(), backups: z.array(BackupFile) }),
    topics: ['backups'],
    example: {},
  }),
  'backup.describe': query({
    summary: '读出一个备份文件的概况（从其他位置恢复前确认用），不改动它',
    input: BackupSource,
    output: BackupFile,
    topics: [],
    example: { name: '手动备份-20261102-103000.db' },
  }),
  'backup.create': maintenance({
    summary: '立即备份数据文件（SQLite 在线备份），放入备份文件夹',
    input: z.strictObject({}),
    output: BackupFile,
    topics: ['backups'],
    example: {},
  }),
  'backup.restore': maintenance({
    summary: '用备份替换当前数据：先把当前数据文件另存一份，再换上备份',
    input: BackupSource,
    output: z.object({ restoredFrom: z.string(), keptCopy: z.string(), meetings: z.number().nullable() }),
    // Everything may have changed: every window reloads.
    topics: [...topics],
    example: { name: '手动备份-20261102-103000.db' },
  }),
  'backup.progress': query({
    summary: '正在进行的备份或恢复进行到哪一步（恢复时窗口每秒读几次）',
    input: z.strictObject({}),
    output: z.object({
      /** The task under way (正在从备份恢复…), null when none. */
      task: z.string().nullable(),
      step: z.string(),
      percent: z.number(),
      /** It can still be stopped without harm (a restore before the current data is touched). */
      cancellable: z.boolean(),
    }),
    topics: [],
    example: {},
  }),
  'backup.cancel': maintenance({
    summary: '取消正在进行的恢复（只在尚未改动当前数据之前可以取消）',
    input: z.strictObject({}),
    output: z.object({ cancelled: z.boolean() }),
    // It changes no data: the stopped restore's own answer says what happened.
    topics: [],
    example: {},
  }),
  'backup.check': maintenance({
    summary: '检查数据文件是否完好（SQLite integrity_check）；发现问题时各窗口显示提示',
    input: z.strictObject({}),
    output: z.object({ ok: z.boolean(), problems: z.array(z.string()), ms: z.number() }),
    topics: ['backups'],
    example: {},
  }),
};
