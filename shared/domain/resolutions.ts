import { chineseNumeral } from './chineseText';
import { allow, refuse, type Verdict } from './verdict';

/** What the chair's confirmation looks at in each resolution. */
export interface ConfirmableResolution {
  position: number;
  leadDepartmentId: number | null;
  deadline: string | null;
}

/**
 * The chair confirms a list that is not empty and whose every resolution has a lead department
 * and a deadline (the follow-up needs both); the first one missing either is named.
 */
export function confirmable(items: readonly ConfirmableResolution[]): Verdict<void> {
  if (!items.length) return refuse('还没有协商意见，无需确认');
  for (const item of items) {
    const n = `第${chineseNumeral(item.position)}项`;
    if (!item.leadDepartmentId) return refuse(`${n}协商意见还没有主办单位`);
    if (!item.deadline) return refuse(`${n}协商意见还没有办理时限`);
  }
  return allow(undefined);
}

/** One resolution as the chair confirmed it, in a line: what a later change is compared with. */
export function confirmedLine(r: {
  text: string;
  leadDepartment: string;
  coDepartments: readonly string[];
  deadline: string | null;
}): string {
  const co = r.coDepartments.length ? `；协办：${r.coDepartments.join('、')}` : '';
  return `${r.text}（主办：${r.leadDepartment || '未定'}${co}；时限：${r.deadline ?? '未定'}）`;
}

export interface ConfirmedChange {
  /** 1-based position in the list. */
  position: number;
  /** null: added since the confirmation. */
  before: string | null;
  /** null: removed since. */
  after: string | null;
}

/** What differs, position by position, between the list as confirmed and as it is now. */
export function changesSince(before: readonly string[], now: readonly string[]): ConfirmedChange[] {
  const out: ConfirmedChange[] = [];
  for (let i = 0; i < Math.max(before.length, now.length); i++) {
    if (before[i] === now[i]) continue;
    const [was, is] = before[i] !== undefined && now[i] !== undefined ? changedClauses(before[i], now[i]) : [];
    out.push({ position: i + 1, before: was ?? before[i] ?? null, after: is ?? now[i] ?? null });
  }
  return out;
}

/** Where a clause ends: the chair reads a change as whole clauses, not as a stray few characters. */
const CLAUSE_END = /[，。；！？、]/;

/** The text of a line and its 主办/协办/时限 fields, as `confirmedLine` writes them. */
function fieldsOf(line: string): { text: string; fields: Map<string, string> } {
  const m = /^([^]*)（(主办：[^]*)）$/.exec(line);
  if (!m) return { text: line, fields: new Map() };
  return { text: m[1], fields: new Map(m[2].split('；').map((seg) => [seg.split('：')[0], seg])) };
}

/**
 * What differs between two lines of a confirmed list, the rest left out: a deadline moved reads
 * 时限：2026-09-30 → 时限：2026-10-31, a sentence added reads as its clause, not the whole resolution twice.
 */
export function changedClauses(before: string, after: string): [string, string] {
  const [was, is] = [fieldsOf(before), fieldsOf(after)];
  const parts: [string[], string[]] = [[], []];
  if (was.text !== is.text) {
    const [a, b] = changedText(was.text, is.text);
    parts[0].push(a);
    parts[1].push(b);
  }
  for (const label of ['主办', '协办', '时限']) {
    const [a, b] = [was.fields.get(label) ?? `${label}：无`, is.fields.get(label) ?? `${label}：无`];
    if (a === b) continue;
    parts[0].push(a);
    parts[1].push(b);
  }
  return [parts[0].join('；'), parts[1].join('；')];
}

/** The differing clauses of two texts: out from the change to the clause boundaries either side. */
function changedText(before: string, after: string): [string, string] {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  while (start > 0 && !CLAUSE_END.test(a[start - 1])) start--;
  // Words added or taken at a clause's edge read with the clause they joined.
  if ((start === a.length - end || start === b.length - end) && start > 0) {
    start--;
    while (start > 0 && !CLAUSE_END.test(a[start - 1])) start--;
  }
  // Through the boundary that closes the changed clause.
  while (end > 0 && !CLAUSE_END.test(a[a.length - end])) end--;
  if (end > 0) end--;
  return [a.slice(start, a.length - end).join(''), b.slice(start, b.length - end).join('')];
}
