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

const filePath = (label: string) => text(label, { max: 1000 });

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
    input: z.strictObject({ path: filePath('备份文件') }),
    output: BackupFile,
    topics: [],
    example: { path: '/tmp/冰城商量-备份示例.db' },
  }),
  'backup.create': maintenance({
    summary: '立即备份数据文件（SQLite 在线备份）：放入备份文件夹，或写到指定的文件',
    input: z.strictObject({ file: filePath('备份文件位置').optional() }),
    output: BackupFile,
    topics: ['backups'],
    example: { file: '/tmp/冰城商量-备份示例.db' },
  }),
  'backup.restore': maintenance({
    summary: '用备份替换当前数据：先把当前数据文件另存一份，再换上备份',
    input: z.strictObject({ path: filePath('备份文件') }),
    output: z.object({ restoredFrom: z.string(), keptCopy: z.string(), meetings: z.number().nullable() }),
    // Everything may have changed: every window reloads.
    topics: [...topics],
    example: { path: '/tmp/冰城商量-备份示例.db' },
  }),
  'backup.check': maintenance({
    summary: '检查数据文件是否完好（SQLite integrity_check）；发现问题时各窗口显示提示',
    input: z.strictObject({}),
    output: z.object({ ok: z.boolean(), problems: z.array(z.string()), ms: z.number() }),
    topics: ['backups'],
    example: {},
  }),
};
