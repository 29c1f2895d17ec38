import { z } from 'zod';
import { mutation, query } from './define';
import { id } from './fields';
import { emptyMinutesDoc, markKinds } from '../domain/minutesDoc';

/** Lexical's serialized state as JSON text. 8 MB is some 30 times the longest minutes we expect. */
const doc = z
  .string()
  .min(2)
  .max(8 * 1024 * 1024)
  .describe('会议记录内容');
const version = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('版本号');

export const revisionReasons = ['定时', '会议结束', '恢复前', '覆盖前'] as const;
export type RevisionReason = (typeof revisionReasons)[number];

export const MinutesState = z.object({
  meetingId: z.number(),
  /** The stored document; null until the first save. */
  doc: z.string().nullable(),
  /** Counts saves: a save names the version it started from, so two windows cannot overwrite each other unseen. */
  version: z.number(),
  savedAt: z.string().nullable(),
  chars: z.number(),
  /** The last session saved without closing the editor (a crash, a kill, a power cut): say so. */
  recoveredFrom: z.string().nullable(),
  /** Archived meetings' minutes are read-only. */
  readOnly: z.boolean(),
});
export type MinutesState = z.infer<typeof MinutesState>;

export const SaveResult = z.object({ version: z.number(), savedAt: z.string(), chars: z.number(), marks: z.number() });
export type SaveResult = z.infer<typeof SaveResult>;

export const Mark = z.object({
  id: z.string(),
  kind: z.enum(markKinds),
  excerpt: z.string(),
  speechId: z.number().nullable(),
  /** The speaker of that speech, for the side panel and the resolutions. */
  speaker: z.string().nullable(),
  order: z.number(),
  createdAt: z.string(),
});
export type Mark = z.infer<typeof Mark>;

export const Revision = z.object({
  id: z.number(),
  version: z.number(),
  reason: z.enum(revisionReasons),
  createdAt: z.string(),
  chars: z.number(),
  /** The first lines, to recognise it by. */
  preview: z.string(),
});
export type Revision = z.infer<typeof Revision>;

const meetingId = id('会议编号');

export const minutesCalls = {
  'minutes.get': query({
    summary: '读取会议记录（含崩溃恢复提示）',
    input: z.strictObject({ meetingId }),
    output: MinutesState,
    topics: ['minutes', 'meetings'],
    example: { meetingId: 1 },
  }),
  'minutes.status': query({
    summary: '会议记录的版本与保存时间（不含正文，供各窗口比对）',
    input: z.strictObject({ meetingId }),
    output: z.object({ version: z.number(), savedAt: z.string().nullable(), chars: z.number() }),
    topics: ['minutes'],
    example: { meetingId: 1 },
  }),
  'minutes.save': mutation({
    summary: '保存会议记录：正文、纯文本与标记一并写入；版本不符时拒绝',
    input: z.strictObject({
      meetingId,
      doc,
      baseVersion: version,
      /** The editor is closing (window closed, page left): a clean end, no crash notice next time. */
      closing: z.boolean().optional(),
      /** Save over another window's newer version (kept first as a revision). */
      overwrite: z.boolean().optional(),
    }),
    output: SaveResult,
    topics: ['minutes'],
    example: { meetingId: 1, doc: emptyMinutesDoc(), baseVersion: 0 },
  }),
  'minutes.close': mutation({
    summary: '关闭会议记录（无未保存内容时）：记为正常关闭',
    input: z.strictObject({ meetingId, version }),
    output: z.object({ closed: z.boolean() }),
    topics: ['minutes'],
    example: { meetingId: 1, version: 0 },
  }),
  'minutes.revisions': query({
    summary: '会议记录的历史版本',
    input: z.strictObject({ meetingId }),
    output: z.array(Revision),
    topics: ['minutes'],
    example: { meetingId: 1 },
  }),
  'minutes.restore': mutation({
    summary: '恢复到某个历史版本（当前内容先留作历史版本）',
    input: z.strictObject({ revisionId: id('历史版本'), baseVersion: version }),
    output: MinutesState,
    topics: ['minutes'],
    example: { revisionId: 1, baseVersion: 0 },
  }),
  'mark.list': query({
    summary: '会议记录中的标记（建议、回应/承诺、共识），按文中顺序',
    input: z.strictObject({ meetingId }),
    output: z.array(Mark),
    // Each mark names its speaker.
    topics: ['minutes', 'queue', 'directory'],
    example: { meetingId: 1 },
  }),
};
