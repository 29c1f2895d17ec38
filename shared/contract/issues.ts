import { z } from 'zod';

/**
 * Turns a zod error into one Chinese sentence that names the field, e.g.
 * "“姓名”太长，最多 30 个字" or "缺少“类别”". Labels come from the schema's descriptions,
 * so the message follows the contract without a second table of names.
 */
export function describeZodError(error: z.ZodError, schema: z.ZodType, input: unknown): string {
  const issue = error.issues[0];
  if (!issue) return '输入有误';
  return describeIssue(issue, schema, input);
}

function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType, input: unknown): string {
  const label = labelAt(schema, issue.path) ?? (issue.path.length ? issue.path.join('.') : '输入');
  const q = `“${label}”`;
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined) return issue.path.length ? `缺少${q}` : '缺少输入';
      return `${q}的类型不对，应为${typeName(issue.expected)}`;
    }
    case 'too_big':
      if (issue.origin === 'string') return `${q}太长，最多 ${issue.maximum} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${q}最多 ${issue.maximum} 项`;
      return `${q}不能大于 ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? `${q}不能为空` : `${q}至少 ${issue.minimum} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${q}至少 ${issue.minimum} 项`;
      return `${q}不能小于 ${issue.minimum}`;
    case 'invalid_value':
      return `${q}只能是：${issue.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return `${issue.path.length ? q : '输入'}含有不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_format':
      return `${q}${issue.message && !issue.message.startsWith('Invalid') ? issue.message : '格式不对'}`;
    case 'not_multiple_of':
      return `${q}应为 ${issue.divisor} 的整数倍`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return `${q}的内容不对`;
    case 'custom':
      // A message that names its own subject (文件过大（7.2 MB）…) goes out as it is.
      if (issue.params?.standalone) return issue.message;
      return `${q}${issue.message}`;
    default:
      return `${q}${(issue as { message: string }).message}`;
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: '文字',
    number: '数字',
    int: '整数',
    boolean: '是/否',
    array: '列表',
    object: '对象',
    date: '日期',
  };
  return names[expected] ?? expected;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Walks the schema along an issue's path and returns the nearest description. */
export function labelAt(schema: z.ZodType, path: PropertyKey[]): string | undefined {
  let node: z.ZodType | undefined = schema;
  let label: string | undefined = undefined;
  for (let i = 0; i <= path.length && node; i++) {
    node = unwrap(node);
    label = node.description ?? label;
    if (i === path.length) break;
    const key = path[i];
    if (node instanceof z.ZodObject) node = (node.shape as Record<string, z.ZodType>)[String(key)];
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else if (node instanceof z.ZodTuple) node = (node.def.items as z.ZodType[])[Number(key)];
    else if (node instanceof z.ZodRecord) node = node.valueType as z.ZodType;
    else node = undefined;
  }
  return node ? (unwrap(node).description ?? label) : label;
}

/** Sees through optional, nullable, default and pipes to the schema that carries the label. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (let guard = 0; guard < 10; guard++) {
    if (s.description) return s;
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault)
      s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else return s;
  }
  return s;
}
