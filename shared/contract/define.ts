import type { z } from 'zod';

/**
 * Topics name what a change touches. A mutation lists the topics it changes; a query lists the
 * topics it reads. Every window re-fetches the queries whose topics a change event names.
 */
export const topics = [
  'directory',
  'settings',
  'topics',
  'meetings',
  'queue',
  'screen',
  'minutes',
  'resolutions',
  'followup',
  'backups',
  'lan',
] as const;
export type Topic = (typeof topics)[number];

/**
 * A query reads; a mutation writes in one transaction; a maintenance call works on the data file
 * itself (backup, restore): no transaction, may take long, and announces its topics when done.
 */
export type CallKind = 'query' | 'mutation' | 'maintenance';

export interface CallDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  K extends CallKind = CallKind,
> {
  kind: K;
  /** One line in Chinese: what the call does (shown in docs and error reports). */
  summary: string;
  input: I;
  output: O;
  topics: readonly Topic[];
  /** A valid input. The contract-wide bad-input test derives its bad inputs from it. */
  example: z.input<I>;
}

type Spec<I extends z.ZodType, O extends z.ZodType> = Omit<CallDef<I, O>, 'kind'>;

export function query<I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>): CallDef<I, O, 'query'> {
  return { kind: 'query', ...spec };
}

export function maintenance<I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>): CallDef<I, O, 'maintenance'> {
  return { kind: 'maintenance', ...spec };
}

export function mutation<I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>): CallDef<I, O, 'mutation'> {
  return { kind: 'mutation', ...spec };
}

/** The event every window receives after a mutation commits. */
export interface ChangeEvent {
  topics: Topic[];
  /** The call that caused it, for diagnostics. */
  call: string;
}

export type ErrorCode =
  | 'bad_input' // failed the schema
  | 'not_found' // an id that does not exist
  | 'conflict' // clashes with existing data (duplicate name…)
  | 'refused' // the domain rules forbid it
  | 'unavailable' // the data file is not open (corrupt at start-up, or a restore under way)
  | 'unknown_call'
  | 'unauthorised' // a device without a working token (removed, or 会场互联 off)
  | 'internal';

export interface CallError {
  code: ErrorCode;
  message: string;
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };
