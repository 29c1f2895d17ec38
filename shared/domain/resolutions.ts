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
  for (let i = 0; i < Math.max(before.length, now.length); i++)
    if (before[i] !== now[i]) out.push({ position: i + 1, before: before[i] ?? null, after: now[i] ?? null });
  return out;
}
