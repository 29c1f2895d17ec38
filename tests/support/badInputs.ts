import { z } from 'zod';

export interface BadCase {
  what: string;
  input: unknown;
}

const MEGABYTE = 'x'.repeat(1024 * 1024);

/** The schema under optional/nullable/default/pipe wrappers, to see what type a field wants. */
function core(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault)
      s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else break;
  }
  return s;
}

function wrongValue(schema: z.ZodType): unknown {
  const s = core(schema);
  if (s instanceof z.ZodString || s instanceof z.ZodEnum) return 12345;
  if (s instanceof z.ZodNumber) return '十二';
  if (s instanceof z.ZodBoolean) return 'yes';
  return 'x';
}

const isRequired = (schema: z.ZodType) => !schema.safeParse(undefined).success && !(schema instanceof z.ZodOptional);

function setAt(root: unknown, path: (string | number)[], value: unknown | typeof REMOVE): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === REMOVE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}
const REMOVE = Symbol('remove');

/**
 * Bad inputs derived from a call's schema and its valid example: the wrong type for the whole
 * input and for every field, every required field missing, a 1 MB string and control characters
 * in every string field, and an unknown id in every id field. Nested objects and tuples are walked.
 */
export function badInputs(schema: z.ZodType, example: unknown): BadCase[] {
  const cases: BadCase[] = [
    { what: '输入为数字', input: 42 },
    { what: '输入为 null', input: null },
    { what: '输入为列表', input: [] },
    { what: '多余字段', input: { ...(example as object), unexpectedField: 1 } },
  ];
  const walk = (node: z.ZodType, value: unknown, path: (string | number)[]) => {
    const s = core(node);
    const children: [string | number, z.ZodType][] =
      s instanceof z.ZodObject
        ? Object.entries(s.shape as Record<string, z.ZodType>)
        : s instanceof z.ZodTuple
          ? (s.def.items as z.ZodType[]).map((item, i) => [i, item])
          : [];
    for (const [key, child] of children) {
      const here = [...path, key];
      const name = here.join('.');
      const current = (value as Record<string | number, unknown> | undefined)?.[key];
      cases.push({ what: `${name} 类型错误`, input: setAt(example, here, wrongValue(child)) });
      if (isRequired(child)) cases.push({ what: `缺少 ${name}`, input: setAt(example, here, REMOVE) });
      const inner = core(child);
      if (inner instanceof z.ZodString) {
        cases.push({ what: `${name} 为 1 MB 字符串`, input: setAt(example, here, MEGABYTE) });
        const base = typeof current === 'string' && current ? current : '内容';
        cases.push({ what: `${name} 含控制字符`, input: setAt(example, here, `${base}\u0000\u0007\u001b`) });
      }
      if (inner instanceof z.ZodNumber && /(^id$|Id$)/.test(String(key))) {
        cases.push({ what: `${name} 为不存在的编号`, input: setAt(example, here, 987654) });
      }
      if (inner instanceof z.ZodArray && /Ids$/.test(String(key))) {
        cases.push({ what: `${name} 含不存在的编号`, input: setAt(example, here, [987654]) });
      }
      if (inner instanceof z.ZodObject || inner instanceof z.ZodTuple) {
        if (current !== undefined) walk(child, current, here);
      }
    }
  };
  walk(schema, example, []);
  return cases;
}
