import { z } from 'zod';
import { mutation, query } from './define';
import { choice, flag, id, text } from './fields';
import { base64Bytes, importMessages, maxImportBase64 } from '../domain/importLimits';
import { personKinds, unitKinds } from '../domain/people';

const unitKind = choice('类型', unitKinds);

export const Unit = z.object({
  id: z.number(),
  kind: z.enum(unitKinds),
  name: z.string(),
  shortName: z.string(),
  note: z.string(),
  sort: z.number(),
  retired: z.boolean(),
  /** Sectors only: the convenors (召集人), people of kind 委员. */
  convenorIds: z.array(z.number()),
  /** How many people (active) refer to it. */
  peopleCount: z.number(),
});
export type Unit = z.infer<typeof Unit>;

export const Person = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(personKinds),
  sectorId: z.number().nullable(),
  committeeId: z.number().nullable(),
  departmentId: z.number().nullable(),
  unit: z.string(),
  title: z.string(),
  phone: z.string(),
  note: z.string(),
  /** Pinyin keys for search, space separated: "zhangwei zw". */
  pinyin: z.string(),
  retired: z.boolean(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof Person>;

const phone = z
  .string()
  .max(30)
  .regex(/^[0-9+\-() ]*$/, { message: '只能包含数字、空格和 + - ( )' })
  .transform((s) => s.trim())
  .describe('电话');

export const PersonInput = z.strictObject({
  id: id('人员编号').optional(),
  name: text('姓名', { max: 30 }),
  kind: choice('类别', personKinds),
  sectorId: id('界别').nullable().optional(),
  committeeId: id('专委会').nullable().optional(),
  departmentId: id('部门').nullable().optional(),
  unit: text('单位', { max: 100, optional: true }).optional(),
  title: text('职务', { max: 60, optional: true }).optional(),
  phone: phone.optional(),
  note: text('备注', { max: 500, optional: true, multiline: true }).optional(),
});
export type PersonInput = z.input<typeof PersonInput>;

/** A change to a person sends only what changes; a new person needs a name and a kind. */
export const PersonSave = PersonInput.extend({
  name: PersonInput.shape.name.optional(),
  kind: PersonInput.shape.kind.optional(),
});

export const ImportReport = z.object({
  imported: z.number(),
  rows: z.number(),
  rejected: z.array(z.object({ row: z.number(), name: z.string(), reason: z.string() })),
  /** Imported rows with something to check (a formula's stored result was imported). */
  warnings: z.array(z.object({ row: z.number(), name: z.string(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const PersonHit = z.object({ person: Person, score: z.number() });

export const directoryCalls = {
  'unit.list': query({
    summary: '列出界别、专委会或职能部门',
    input: z.strictObject({ kind: unitKind, includeRetired: flag('包括已停用').optional() }),
    output: z.array(Unit),
    topics: ['directory'],
    example: { kind: 'sector' },
  }),
  'unit.save': mutation({
    summary: '新增或修改界别、专委会、职能部门（修改时只传要改的项）',
    input: z.strictObject({
      kind: unitKind,
      id: id().optional(),
      name: text('名称', { max: 40 }).optional(),
      shortName: text('简称', { max: 20, optional: true }).optional(),
      note: text('备注', { max: 500, optional: true, multiline: true }).optional(),
      convenorIds: z.array(id('召集人')).max(10).describe('召集人').optional(),
    }),
    output: Unit,
    topics: ['directory'],
    example: { kind: 'sector', name: '示例界别', shortName: '', convenorIds: [] },
  }),
  'unit.setRetired': mutation({
    summary: '停用或恢复界别、专委会、职能部门（不会删除）',
    input: z.strictObject({ kind: unitKind, id: id(), retired: flag('停用') }),
    output: Unit,
    topics: ['directory'],
    example: { kind: 'sector', id: 1, retired: true },
  }),
  'person.list': query({
    summary: '列出人员（按拼音排序）',
    input: z.strictObject({ includeRetired: flag('包括已停用').optional() }),
    output: z.array(Person),
    topics: ['directory'],
    example: {},
  }),
  'person.search': query({
    summary: '按姓名、拼音全拼或首字母查找人员',
    input: z.strictObject({
      query: text('查找内容', { max: 40, optional: true }),
      kinds: z.array(choice('类别', personKinds)).max(personKinds.length).describe('类别').optional(),
      limit: z.number().int().min(1).max(1000).describe('条数上限').optional(),
    }),
    output: z.array(PersonHit),
    topics: ['directory'],
    example: { query: 'zw', limit: 20 },
  }),
  'person.save': mutation({
    summary: '新增或修改人员（修改时只传要改的项）',
    input: PersonSave,
    output: Person,
    topics: ['directory'],
    example: { name: '示例人员', kind: '专家学者', unit: '示例大学', title: '教授' },
  }),
  'person.setRetired': mutation({
    summary: '停用或恢复人员（有记录的人员不会被删除）',
    input: z.strictObject({ id: id('人员编号'), retired: flag('停用') }),
    output: Person,
    topics: ['directory'],
    example: { id: 1, retired: true },
  }),
  'person.import': mutation({
    summary: '从 Excel（.xlsx）或 CSV 文件导入人员：正确的行导入，错误的行列出原因',
    input: z.strictObject({
      fileName: text('文件名', { max: 255 }),
      // A 600-row roster is about 40 KB; the bound leaves room for a photo per person.
      dataBase64: z
        .string()
        .check(
          z.refine((s: string) => s.length <= maxImportBase64, {
            abort: true,
            params: { standalone: true },
            error: (iss) => importMessages.tooLarge(base64Bytes(String(iss.input ?? '').length)),
          }),
        )
        // Whether it is base64 is checked on the worker thread that decodes it: a regex over 40 MB
        // here would hold up every other call for a good part of a second.
        .describe('文件内容'),
    }),
    output: ImportReport,
    topics: ['directory'],
    example: { fileName: 'people.csv', dataBase64: '5aeT5ZCNLOexu+WIqwrnpLrkvovlr7zlhaUs5LiT5a625a2m6ICFCg==' }, // 姓名,类别 / 示例导入,专家学者
  }),
};
