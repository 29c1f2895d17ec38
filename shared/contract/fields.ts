import { z } from 'zod';
import { hasControlChars } from '../domain/text';

/**
 * Field builders. Each carries its Chinese label (zod's description), which the error formatter
 * puts into messages: "“姓名”不能为空". Every string has a maximum length, so no call accepts
 * a megabyte where a name belongs.
 */
interface TextOptions {
  max?: number;
  /** Allow an empty string (after trimming). */
  optional?: boolean;
  /** Allow line breaks and tabs (descriptions, notes). */
  multiline?: boolean;
}

export function text(label: string, { max = 100, optional = false, multiline = false }: TextOptions = {}) {
  return z
    .string()
    .max(max)
    .refine((s) => !hasControlChars(s, multiline), {
      message: multiline ? '含有不可见的控制字符' : '含有换行或不可见的控制字符',
    })
    .transform((s) => s.trim())
    .pipe(optional ? z.string() : z.string().min(1))
    .describe(label);
}

export function id(label = '编号') {
  return z.number().int().positive().describe(label);
}

export function flag(label: string) {
  return z.boolean().describe(label);
}

export function choice<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values).describe(label);
}

/** Calendar date as typed in forms and stored: 2026-05-14. */
export function isoDate(label: string) {
  return (
    z
      .string()
      .max(10)
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '应为“年-月-日”格式，例如 2026-05-14' })
      // 2026-02-30 parses (it rolls over to March): only a date that reads back the same is one.
      .refine(
        (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
        { message: '不是有效的日期' },
      )
      .describe(label)
  );
}

export const noInput = z.strictObject({});
