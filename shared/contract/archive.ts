import { z } from 'zod';
import { query } from './define';
import { text } from './fields';

export const searchKinds = ['topic', 'meeting', 'minutes', 'resolution'] as const;
export type SearchKind = (typeof searchKinds)[number];
export const searchKindNames: Record<SearchKind, string> = {
  topic: '议题',
  meeting: '会议',
  minutes: '会议记录',
  resolution: '协商意见',
};

export const SearchHit = z.object({
  kind: z.enum(searchKinds),
  refId: z.number(),
  meetingId: z.number().nullable(),
  title: z.string(),
  /** The matching passage; the matches are wrapped in \u0001 … \u0002 for highlighting. */
  excerpt: z.string(),
  year: z.number().nullable(),
  form: z.string(),
  status: z.string(),
  department: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const HIGHLIGHT_OPEN = '\u0001';
export const HIGHLIGHT_CLOSE = '\u0002';

export const archiveCalls = {
  'archive.search': query({
    summary: '档案检索：议题、会议、会议记录和协商意见中的中文词句，可按年度、形式、状态、主办单位筛选',
    input: z.strictObject({
      q: text('检索词', { max: 100 }),
      year: z.number().int().min(2000).max(2100).describe('年度').optional(),
      form: text('协商形式', { max: 20 }).optional(),
      status: text('状态', { max: 20 }).optional(),
      department: text('主办单位', { max: 60 }).optional(),
      kinds: z.array(z.enum(searchKinds).describe('类别')).max(4).optional(),
    }),
    output: z.object({ hits: z.array(SearchHit), total: z.number(), ms: z.number() }),
    topics: ['topics', 'meetings', 'minutes', 'resolutions', 'followup'],
    example: { q: '公厕' },
  }),
};
