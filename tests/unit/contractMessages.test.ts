import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { text, id, isoDate, choice } from '../../shared/contract/fields';
import { describeZodError, labelAt } from '../../shared/contract/issues';
import { PersonInput } from '../../shared/contract/directory';
import { Settings } from '../../shared/contract/settings';

const message = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) return '';
  return describeZodError(r.error, schema, input);
};

describe('Chinese messages from the contract', () => {
  const schema = z.strictObject({
    name: text('姓名', { max: 5 }),
    note: text('备注', { multiline: true, optional: true }).optional(),
    day: isoDate('日期').optional(),
    level: choice('层级', ['市', '区']).optional(),
    personId: id('人员').optional(),
    tags: z
      .array(text('标签', { max: 3 }))
      .max(2)
      .describe('标签')
      .optional(),
  });

  it('names the field and the problem', () => {
    expect(message(schema, {})).toBe('缺少“姓名”');
    expect(message(schema, { name: 5 })).toBe('“姓名”的类型不对，应为文字');
    expect(message(schema, { name: '' })).toBe('“姓名”不能为空');
    expect(message(schema, { name: '  ' })).toBe('“姓名”不能为空');
    expect(message(schema, { name: '一二三四五六' })).toBe('“姓名”太长，最多 5 个字');
    expect(message(schema, { name: '甲\n乙' })).toBe('“姓名”含有换行或不可见的控制字符');
    expect(message(schema, { name: '甲', level: '省' })).toBe('“层级”只能是：市、区');
    expect(message(schema, { name: '甲', personId: -1 })).toBe('“人员”不能小于 0');
    expect(message(schema, { name: '甲', personId: 1.5 })).toMatch(/^“人员”/);
    expect(message(schema, { name: '甲', day: '2026-13-45' })).toBe('“日期”不是有效的日期');
    expect(message(schema, { name: '甲', day: '2026/5/1' })).toBe('“日期”应为“年-月-日”格式，例如 2026-05-14');
    expect(message(schema, { name: '甲', tags: ['a', 'b', 'c'] })).toBe('“标签”最多 2 项');
    expect(message(schema, { name: '甲', tags: ['abcd'] })).toBe('“标签”太长，最多 3 个字');
    expect(message(schema, { name: '甲', extra: 1 })).toBe('输入含有不认识的字段：extra');
    expect(message(schema, 'hello')).toBe('“输入”的类型不对，应为对象');
  });

  it('allows line breaks in multi-line fields but not other control characters', () => {
    expect(message(schema, { name: '甲', note: '第一行\n第二行\t缩进' })).toBe('');
    expect(message(schema, { name: '甲', note: '响铃\u0007' })).toBe('“备注”含有不可见的控制字符');
  });

  it('finds labels through optional, nullable and nested schemas', () => {
    expect(labelAt(PersonInput, ['sectorId'])).toBe('界别');
    expect(labelAt(Settings, ['speechLimits', '预约发言'])).toBe('预约发言时限（秒）');
    expect(labelAt(Settings, ['stepNames', 4])).toBe('第5步名称');
    expect(message(Settings.shape.stepNames, ['1', '2', '3', '4', '', '6'])).toBe('“第5步名称”不能为空');
  });
});
