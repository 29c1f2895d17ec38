import type { z } from 'zod';
import type { CallDef } from './define';
import { appCalls } from './app';
import { directoryCalls } from './directory';
import { meetingCalls } from './meetings';
import { minutesCalls } from './minutes';
import { documentCalls, resolutionCalls } from './resolutions';
import { followUpCalls } from './followUp';
import { archiveCalls } from './archive';
import { memberRecordCalls } from './memberRecords';
import { backupCalls } from './backup';
import { planCalls } from './plan';
import { settingsCalls } from './settings';
import { topicCalls } from './topics';
import { lanCalls } from './lan';
import { packageCalls } from './packages';

export * from './define';

/** Every call the core answers, by name (`<domain>.<verb>`). */
export const contract = {
  ...appCalls,
  ...directoryCalls,
  ...settingsCalls,
  ...topicCalls,
  ...planCalls,
  ...meetingCalls,
  ...minutesCalls,
  ...resolutionCalls,
  ...documentCalls,
  ...followUpCalls,
  ...archiveCalls,
  ...memberRecordCalls,
  ...backupCalls,
  ...lanCalls,
  ...packageCalls,
} satisfies Record<string, CallDef>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type Input<K extends CallName> = z.input<Contract[K]['input']>;
/** The input after parsing (trimmed strings, defaults applied): what services receive. */
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type Output<K extends CallName> = z.output<Contract[K]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
