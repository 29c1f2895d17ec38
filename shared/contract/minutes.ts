import { z } from 'zod';
import { mutation, query } from './define';
import { id } from './fields';
import { markKinds } from '../domain/minutesDoc';

// 覆盖前 was kept by the old whole-document save; stored revisions may still carry it.
export const revisionReasons = ['定时', '会议结束', '恢复前', '覆盖前'] as const;
export type RevisionReason = (typeof revisionReasons)[number];

export const MinutesState = z.object({
  meetingId: z.number(),
  /** The core's projection of the shared document (Lexical's JSON); null before it has one. Windows edit the document itself. */
  doc: z.string().nullable(),
  /** When the projection last followed the document. */
  savedAt: z.string().nullable(),
  chars: z.number(),
  /** Archived meetings' minutes are read-only, for every window and device. */
  readOnly: z.boolean(),
  /** Names this data file's copy of the document: a window's local copy under another name (a restored backup) is not merged. */
  docKey: z.string(),
});
export type MinutesState = z.infer<typeof MinutesState>;

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
    summary: '会议记录的当前内容（由共享文档导出）与是否只读',
    input: z.strictObject({ meetingId }),
    output: MinutesState,
    topics: ['minutes', 'meetings'],
    example: { meetingId: 1 },
  }),
  'minutes.revisions': query({
    summary: '会议记录的历史版本',
    input: z.strictObject({ meetingId }),
    output: z.array(Revision),
    topics: ['minutes'],
    example: { meetingId: 1 },
  }),
  'minutes.restore': mutation({
    summary: '恢复到某个历史版本：作为一次修改送到每个打开的窗口（当前内容先留作历史版本）',
    input: z.strictObject({ revisionId: id('历史版本') }),
    output: MinutesState,
    topics: ['minutes'],
    example: { revisionId: 1 },
  }),
  'mark.list': query({
    summary: '会议记录中的标记（建议、回应/承诺、共识），按文中顺序',
    input: z.strictObject({ meetingId }),
    output: z.array(Mark),
    // Each mark names its speaker, or the author of a written opinion from a phone.
    topics: ['minutes', 'queue', 'directory', 'meetings', 'lan'],
    example: { meetingId: 1 },
  }),
};
