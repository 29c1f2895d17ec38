import { z } from 'zod';
import { mutation, query } from './define';
import { choice, flag, text } from './fields';
import { defaultSpeechLimits, defaultStepNames, orgLevels, speechKinds, type SpeechKind } from '../domain/settings';

const seconds = (label: string) =>
  z
    .number()
    .int()
    .min(30)
    .max(3 * 60 * 60)
    .describe(label);

const stepName = (n: number) => text(`第${n}步名称`, { max: 20 });

const speechLimits = z
  .strictObject(
    Object.fromEntries(speechKinds.map((k) => [k, seconds(`${k}时限（秒）`)])) as Record<
      SpeechKind,
      ReturnType<typeof seconds>
    >,
  )
  .describe('发言时限');

export const Settings = z.strictObject({
  orgName: text('组织名称', { max: 60 }),
  office: text('发文机关', { max: 60 }),
  level: choice('层级', orgLevels),
  stepNames: z
    .tuple([stepName(1), stepName(2), stepName(3), stepName(4), stepName(5), stepName(6)])
    .describe('六步名称'),
  speechLimits,
  warnSeconds: z.number().int().min(10).max(600).describe('提醒时间（秒）'),
  autoSpeakerHeader: flag('自动插入发言人标题'),
  welcomeDismissed: flag('已关闭欢迎页'),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  orgName: '政协哈尔滨市委员会',
  office: '政协哈尔滨市委员会办公厅',
  level: '市',
  stepNames: defaultStepNames('市'),
  speechLimits: { ...defaultSpeechLimits },
  warnSeconds: 60,
  autoSpeakerHeader: true,
  welcomeDismissed: false,
};

export const settingsCalls = {
  'settings.get': query({
    summary: '读取组织设置',
    input: z.strictObject({}),
    output: Settings,
    topics: ['settings'],
    example: {},
  }),
  'settings.save': mutation({
    summary: '保存组织设置（只传要改的项；发言时限可只传改动的几类）',
    input: Settings.partial().extend({ speechLimits: speechLimits.partial().optional() }),
    output: Settings,
    topics: ['settings'],
    example: {
      ...defaultSettings,
      orgName: '政协道里区委员会',
      office: '政协道里区委员会办公室',
      level: '区',
      stepNames: defaultStepNames('区'),
    },
  }),
};
