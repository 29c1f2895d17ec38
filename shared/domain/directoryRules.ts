import type { PersonKind } from './people';
import { allow, refuse, type Verdict } from './verdict';

/** The kinds of person the directory's rules name. */
export const PERSON = { member: '委员', departmentRep: '部门代表', staff: '工作人员' } as const satisfies Record<
  string,
  PersonKind
>;

/** A member (委员) belongs to a sector, a department representative (部门代表) to a department. */
export function unitsOfKind(p: {
  kind: PersonKind;
  sectorId?: number | null;
  departmentId?: number | null;
}): Verdict<void> {
  if (p.kind === PERSON.member && p.sectorId == null) return refuse('委员须选择所属界别');
  if (p.kind === PERSON.departmentRep && p.departmentId == null) return refuse('部门代表须选择所属部门');
  return allow(undefined);
}

/** A sector's convenor (召集人) is an active member of that very sector. */
export function mayConvene(
  p: { name: string; kind: PersonKind; sectorId: number | null; retired: boolean },
  sectorId: number,
): Verdict<void> {
  if (p.kind !== PERSON.member || p.sectorId !== sectorId) return refuse(`召集人须是本界别的委员，“${p.name}”不是`);
  if (p.retired) return refuse(`“${p.name}”已停用，不能担任召集人`);
  return allow(undefined);
}
