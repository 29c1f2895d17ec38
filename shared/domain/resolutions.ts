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
