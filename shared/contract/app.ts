import { z } from 'zod';
import { mutation, query } from './define';

export const AppStatus = z.object({
  appVersion: z.string(),
  schemaVersion: z.number(),
  dataFile: z.string(),
  /** No directory data yet and the welcome page not dismissed: offer the demo. */
  firstRun: z.boolean(),
  counts: z.object({ people: z.number(), sectors: z.number(), committees: z.number(), departments: z.number() }),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const appCalls = {
  'app.status': query({
    summary: '程序与数据文件状态',
    input: z.strictObject({}),
    output: AppStatus,
    topics: ['directory', 'settings'],
    example: {},
  }),
  'app.loadDemo': mutation({
    summary: '载入示例数据（仅在基础信息为空时可用）',
    input: z.strictObject({}),
    output: AppStatus,
    topics: ['directory', 'settings'],
    example: {},
  }),
};
