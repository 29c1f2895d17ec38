import type { Unit } from '../../../shared/contract/directory';
import { mayConvene } from '../../../shared/domain/directoryRules';
import { unitKindNames, type UnitKind } from '../../../shared/domain/people';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import { findPerson } from '../data/people';
import {
  findUnit,
  findUnits,
  insertUnit,
  replaceConvenors,
  setUnitRetired,
  unitByName,
  unitNameTaken,
  unitRef,
  updateUnit,
} from '../data/units';
import { sql } from '../db/sql';
import { badInput, conflict, notFound, orRefuse, refused } from '../errors';
import { handlers } from '../handler';

export function getUnit(ctx: QueryCtx, kind: UnitKind, id: number): Unit {
  const unit = findUnit(ctx, kind, id);
  if (!unit) throw notFound(unitKindNames[kind], id);
  return unit;
}

/**
 * A reference to a unit chosen in a form: it must exist, and be active unless it is the value
 * already stored (`keep`: editing must not fail because a sector was retired later) or retired
 * ones are fine (`allowRetired`: filters, related sectors).
 */
export function checkUnitRef(
  ctx: QueryCtx,
  kind: UnitKind,
  id: number,
  { keep, allowRetired = false }: { keep?: number | null; allowRetired?: boolean } = {},
): void {
  const row = unitRef(ctx, kind, id);
  if (!row) throw notFound(unitKindNames[kind], id);
  if (row.retired_at && !allowRetired && id !== keep)
    throw refused(`${unitKindNames[kind]}“${row.name}”已停用，不能选择`);
}

/** Finds a unit by full or short name (spreadsheets use either), an active one first. */
export function unitIdByName(
  ctx: QueryCtx,
  kind: UnitKind,
  name: string,
): { id: number; retired: boolean } | undefined {
  const row = unitByName(ctx, kind, name);
  return row && { id: row.id, retired: row.retired_at !== null };
}

/** Convenors are active members (委员) of the sector itself. */
export function setConvenors(ctx: Ctx, sectorId: number, personIds: readonly number[]): void {
  for (const pid of personIds) {
    const p = findPerson(ctx, pid);
    if (!p) throw notFound('人员', pid);
    orRefuse(mayConvene(p, sectorId));
  }
  replaceConvenors(ctx, sectorId, personIds);
}

export const unitHandlers = handlers({
  'unit.list': ({ kind, includeRetired }, ctx) =>
    findUnits(ctx, kind, includeRetired ? sql`` : sql`WHERE u.retired_at IS NULL`),

  'unit.save': ({ kind, id, name: sent, shortName, note, convenorIds }, ctx) => {
    const what = unitKindNames[kind];
    // A change sends only what changes; a new unit needs its name.
    const name = sent ?? (id === undefined ? undefined : getUnit(ctx, kind, id).name);
    if (!name) throw badInput('缺少“名称”');
    if (unitNameTaken(ctx, kind, name, id ?? null)) throw conflict(`已有名为“${name}”的${what}`);
    if (convenorIds?.length && kind !== 'sector') throw refused(`只有界别可以设置召集人`);
    let unitId: number;
    if (id === undefined) {
      unitId = insertUnit(ctx, kind, { name, shortName: shortName ?? '', note: note ?? '' }, isoNow(ctx));
    } else {
      const existing = getUnit(ctx, kind, id);
      updateUnit(
        ctx,
        kind,
        id,
        { name, shortName: shortName ?? existing.shortName, note: note ?? existing.note },
        isoNow(ctx),
      );
      unitId = id;
    }
    if (kind === 'sector' && convenorIds) setConvenors(ctx, unitId, convenorIds);
    return getUnit(ctx, kind, unitId);
  },

  'unit.setRetired': ({ kind, id, retired }, ctx) => {
    getUnit(ctx, kind, id);
    setUnitRetired(ctx, kind, id, retired, isoNow(ctx));
    return getUnit(ctx, kind, id);
  },
});
