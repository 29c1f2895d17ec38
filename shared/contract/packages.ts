import { z } from 'zod';
import { maintenance, mutation, query } from './define';
import { flag, id } from './fields';

/** A package file from elsewhere, by the handle the desktop's file dialog or the browser's upload gave. */
const handle = z.string().min(1).max(64).describe('所选会议包文件的凭据');

const counts = z.record(z.string(), z.number());

export const PackageMeeting = z.object({
  uid: z.string(),
  title: z.string(),
  startsAt: z.string(),
  /** This installation's id of the meeting, when it came before (null: new here). */
  localId: z.number().nullable(),
  /** new: not here yet; identical: here, nothing to bring; differs: here, the package brings changes. */
  status: z.enum(['new', 'identical', 'differs']),
  /** What the package changes of it (表名, Chinese) when it differs. */
  differs: z.array(z.string()),
});
export type PackageMeeting = z.infer<typeof PackageMeeting>;

export const PackagePerson = z.object({
  uid: z.string(),
  name: z.string(),
  unit: z.string(),
  /** uid: the same entry came before; name: same name and unit here (the secretary chooses: merge or add); new: added. */
  match: z.enum(['uid', 'name', 'new']),
  localId: z.number().nullable(),
  candidates: z.array(z.object({ id: z.number(), name: z.string(), unit: z.string() })),
});
export type PackagePerson = z.infer<typeof PackagePerson>;

export const PackagePreview = z.object({
  /** Why the package cannot be imported (Chinese), '' when it can. */
  problem: z.string(),
  /** The exporting organisation when it is not this one's ('' otherwise): importing needs a confirmation. */
  otherOrganisation: z.string(),
  source: z
    .object({
      installationId: z.string(),
      installation: z.string(),
      organisation: z.string(),
      appVersion: z.string(),
      schemaVersion: z.number(),
      exportedAt: z.string(),
    })
    .nullable(),
  meetings: z.array(PackageMeeting),
  people: z.array(PackagePerson),
  /** Rows the import would add and bring up to date, by table. */
  added: counts,
  updated: counts,
});
export type PackagePreview = z.infer<typeof PackagePreview>;

/** Where an imported meeting came from (来自：<installation>, <date>): the package that last brought it or its changes. */
export const PackageOrigin = z.object({
  installationId: z.string(),
  installation: z.string(),
  organisation: z.string(),
  exportedAt: z.string(),
  importedAt: z.string(),
});
export type PackageOrigin = z.infer<typeof PackageOrigin>;

export const packageCalls = {
  'package.export': maintenance({
    summary: '导出会议包：所选会议及其全部记录写成一个文件，放入数据文件旁的会议包文件夹',
    input: z.strictObject({ meetingIds: z.array(id('会议编号')).min(1).max(500).describe('会议') }),
    output: z.object({
      name: z.string(),
      bytes: z.number(),
      meetings: z.number(),
      counts,
      checksum: z.string(),
    }),
    // This installation's identity (made at its first package) and the shared document of minutes never opened.
    topics: ['settings', 'minutes'],
    example: { meetingIds: [1] },
  }),
  'package.preview': query({
    summary: '导入会议包前的预览：包中有什么，哪些是新的、已有且相同、已有但不同，名录如何对应',
    input: z.strictObject({ handle }),
    output: PackagePreview,
    topics: ['meetings', 'minutes', 'resolutions', 'followup', 'directory', 'topics', 'queue', 'lan', 'settings'],
    example: { handle: 'f0123456789abcdef' },
  }),
  'package.import': mutation({
    summary: '导入会议包：在一次事务中新增或更新会议及其记录；同一个包导入两次，第二次不改变任何内容',
    input: z.strictObject({
      handle,
      people: z
        .array(
          z.strictObject({
            uid: z.string().min(1).max(64).describe('包中人员的标识'),
            action: z.enum(['merge', 'add']).describe('合并到已有人员或新增'),
            intoId: id('合并到的人员').optional(),
          }),
        )
        .max(5000)
        .describe('同名同单位人员的处理'),
      acceptOtherOrganisation: flag('确认导入其他组织的会议包').optional(),
    }),
    output: z.object({ meetings: z.array(PackageMeeting), added: counts, updated: counts }),
    // The directory and topics gain entries; a merge into an existing person is remembered in the settings.
    topics: ['meetings', 'minutes', 'resolutions', 'followup', 'directory', 'topics', 'queue', 'lan', 'settings'],
    example: { handle: 'f0123456789abcdef', people: [] },
  }),
  'package.origin': query({
    summary: '会议的来源：由哪个安装、何时导出的会议包带来（本机的会议为空）',
    input: z.strictObject({ meetingId: id('会议编号') }),
    output: PackageOrigin.nullable(),
    topics: ['meetings', 'settings'],
    example: { meetingId: 1 },
  }),
};
