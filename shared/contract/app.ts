import { z } from 'zod';
import { mutation, query } from './define';

export const AppStatus = z.object({
  appVersion: z.string(),
  schemaVersion: z.number(),
  dataFile: z.string(),
  /** Changes when a backup is restored into the data file: local drafts from before are offered, not imposed. */
  fileGeneration: z.string(),
  /** No directory data yet and the welcome page not dismissed: offer the demo. */
  firstRun: z.boolean(),
  counts: z.object({ people: z.number(), sectors: z.number(), committees: z.number(), departments: z.number() }),
});
export type AppStatus = z.infer<typeof AppStatus>;

/** Whether the data file is open; when not, the window offers the newest backup instead of the app. */
export const AppHealth = z.discriminatedUnion('state', [
  /** `warning`: signs of damage inside the open file (a backup failed its check): shown as a banner. */
  z.object({ state: z.literal('ok'), warning: z.string().nullable() }),
  z.object({ state: z.literal('unavailable'), message: z.string(), dataFile: z.string() }),
]);
export type AppHealth = z.infer<typeof AppHealth>;

export const appCalls = {
  'app.health': query({
    summary: '数据文件能否打开（损坏或版本过新时给出原因）',
    input: z.strictObject({}),
    output: AppHealth,
    topics: ['backups'],
    example: {},
  }),
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
    // The demo brings topics at every step of the six-step method too.
    topics: ['directory', 'settings', 'topics'],
    example: {},
  }),
};
