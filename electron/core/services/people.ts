import type { Person } from '../../../shared/contract/directory';
import { unitsOfKind } from '../../../shared/domain/directoryRules';
import { rankWithScores } from '../../../shared/domain/personMatch';
import type { UnitKind } from '../../../shared/domain/people';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import {
  findPerson,
  insertPerson,
  orderedPeople,
  setPersonRetired,
  twinOf,
  updatePerson,
  type PersonFields,
} from '../data/people';
import { dropConvenorRoles } from '../data/units';
import { badInput, conflict, notFound, orRefuse } from '../errors';
import { handlers } from '../handler';
import { checkUnitRef } from './units';

export function getPerson(ctx: QueryCtx, id: number): Person {
  const person = findPerson(ctx, id);
  if (!person) throw notFound('人员', id);
  return person;
}

/**
 * The rules a person must satisfy beyond the schema: references exist and are active (unless
 * unchanged), a member belongs to a sector, a department representative to a department, and
 * the same person is not entered twice. Shared by the form and the spreadsheet import.
 */
export function checkPerson(ctx: QueryCtx, p: PersonFields, before?: Person): void {
  const refs: [UnitKind, number | null | undefined, number | null | undefined][] = [
    ['sector', p.sectorId, before?.sectorId],
    ['committee', p.committeeId, before?.committeeId],
    ['department', p.departmentId, before?.departmentId],
  ];
  for (const [kind, ref, old] of refs) if (ref != null) checkUnitRef(ctx, kind, ref, { keep: old });
  orRefuse(unitsOfKind(p));
  if (twinOf(ctx, p) !== undefined)
    throw conflict(
      `名录中已有“${p.name}”（${p.kind}${p.unit ? '，' + p.unit : ''}）。如确为不同的人，请在单位或职务中加以区分`,
    );
}

/** A new person after the same checks as the form (the import and the demo directory add people this way); the import brings its pinyin worked out. */
export function addPerson(ctx: Ctx, p: PersonFields, pinyin?: string): number {
  checkPerson(ctx, p);
  return insertPerson(ctx, p, isoNow(ctx), pinyin);
}

export const peopleHandlers = handlers({
  'person.list': ({ includeRetired }, ctx) => orderedPeople(ctx, includeRetired ?? false),

  'person.search': ({ query, kinds, limit }, ctx) => {
    const pool = orderedPeople(ctx, false).filter((p) => !kinds?.length || kinds.includes(p.kind));
    return rankWithScores(pool, query, (p) => p)
      .slice(0, limit ?? 50)
      .map(({ item, score }) => ({ person: item, score }));
  },

  'person.save': (input, ctx) => {
    if (input.id === undefined) {
      const { name, kind } = input;
      // As the contract words a missing field: a new person needs both.
      if (!name) throw badInput('缺少“姓名”');
      if (!kind) throw badInput('缺少“类别”');
      return getPerson(ctx, addPerson(ctx, { ...input, name, kind }));
    }
    const before = getPerson(ctx, input.id);
    const merged: PersonFields = {
      ...input,
      name: input.name ?? before.name,
      kind: input.kind ?? before.kind,
      unit: input.unit ?? before.unit,
      title: input.title ?? before.title,
      phone: input.phone ?? before.phone,
      note: input.note ?? before.note,
      sectorId: input.sectorId === undefined ? before.sectorId : input.sectorId,
      committeeId: input.committeeId === undefined ? before.committeeId : input.committeeId,
      departmentId: input.departmentId === undefined ? before.departmentId : input.departmentId,
    };
    checkPerson(ctx, merged, before);
    updatePerson(ctx, before.id, merged, isoNow(ctx));
    return getPerson(ctx, before.id);
  },

  'person.setRetired': ({ id, retired }, ctx) => {
    getPerson(ctx, id);
    setPersonRetired(ctx, id, retired, isoNow(ctx));
    if (retired) dropConvenorRoles(ctx, id);
    return getPerson(ctx, id);
  },
});
