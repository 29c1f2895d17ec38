import type { Unit } from '../../../shared/contract/directory';
import { unitKindNames, type UnitKind } from '../../../shared/domain/people';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import { conflict, notFound, refused } from '../errors';
import { handlers } from '../handler';

// The table name comes from this fixed map, never from input text.
const tables: Record<UnitKind, string> = { sector: 'sector', committee: 'committee', department: 'department' };
const personColumn: Record<UnitKind, string> = {
  sector: 'sector_id',
  committee: 'committee_id',
  department: 'department_id',
};

interface UnitRow {
  id: number;
  name: string;
  short_name: string;
  note: string;
  sort: number;
  retired_at: string | null;
  people: number;
}

function selectSql(kind: UnitKind, where: string): string {
  return `SELECT u.id, u.name, u.short_name, u.note, u.sort, u.retired_at,
            (SELECT count(*) FROM person p WHERE p.${personColumn[kind]} = u.id AND p.retired_at IS NULL) AS people
          FROM ${tables[kind]} u ${where} ORDER BY u.sort, u.id`;
}

function toUnit(ctx: QueryCtx, kind: UnitKind, r: UnitRow): Unit {
  const convenorIds =
    kind === 'sector'
      ? (ctx.db
          .prepare('SELECT person_id FROM sector_convenor WHERE sector_id = ? ORDER BY position')
          .pluck()
          .all(r.id) as number[])
      : [];
  return {
    id: r.id,
    kind,
    name: r.name,
    shortName: r.short_name,
    note: r.note,
    sort: r.sort,
    retired: r.retired_at !== null,
    convenorIds,
    peopleCount: r.people,
  };
}

export function getUnit(ctx: Ctx, kind: UnitKind, id: number): Unit {
  const row = ctx.db.prepare(selectSql(kind, 'WHERE u.id = ?')).get(id) as UnitRow | undefined;
  if (!row) throw notFound(unitKindNames[kind], id);
  return toUnit(ctx, kind, row);
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
  const row = ctx.db.prepare(`SELECT name, retired_at FROM ${tables[kind]} WHERE id = ?`).get(id) as
    { name: string; retired_at: string | null } | undefined;
  if (!row) throw notFound(unitKindNames[kind], id);
  if (row.retired_at && !allowRetired && id !== keep)
    throw refused(`${unitKindNames[kind]}“${row.name}”已停用，不能选择`);
}

/** Finds an active unit by full or short name (spreadsheets use either). */
export function unitIdByName(ctx: Ctx, kind: UnitKind, name: string): { id: number; retired: boolean } | undefined {
  const row = ctx.db
    .prepare(
      `SELECT id, retired_at FROM ${tables[kind]} WHERE name = ? OR (short_name <> '' AND short_name = ?) ORDER BY retired_at IS NOT NULL LIMIT 1`,
    )
    .get(name, name) as { id: number; retired_at: string | null } | undefined;
  return row && { id: row.id, retired: row.retired_at !== null };
}

export function insertUnit(ctx: Ctx, kind: UnitKind, name: string, shortName = '', note = ''): number {
  const now = isoNow(ctx);
  const sort = (ctx.db.prepare(`SELECT coalesce(max(sort), 0) + 1 FROM ${tables[kind]}`).pluck().get() as number) ?? 1;
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO ${tables[kind]} (name, short_name, note, sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(name, shortName, note, sort, now, now).lastInsertRowid,
  );
}

export function setConvenors(ctx: Ctx, sectorId: number, personIds: readonly number[]): void {
  const check = ctx.db.prepare('SELECT name, kind, sector_id, retired_at FROM person WHERE id = ?');
  for (const pid of personIds) {
    const p = check.get(pid) as
      { name: string; kind: string; sector_id: number | null; retired_at: string | null } | undefined;
    if (!p) throw notFound('人员', pid);
    if (p.kind !== '委员' || p.sector_id !== sectorId) throw refused(`召集人须是本界别的委员，“${p.name}”不是`);
    if (p.retired_at) throw refused(`“${p.name}”已停用，不能担任召集人`);
  }
  ctx.db.prepare('DELETE FROM sector_convenor WHERE sector_id = ?').run(sectorId);
  const insert = ctx.db.prepare('INSERT INTO sector_convenor (sector_id, person_id, position) VALUES (?, ?, ?)');
  [...new Set(personIds)].forEach((pid, i) => insert.run(sectorId, pid, i));
}

export const unitHandlers = handlers({
  'unit.list': ({ kind, includeRetired }, ctx) => {
    const rows = ctx.db.prepare(selectSql(kind, includeRetired ? '' : 'WHERE u.retired_at IS NULL')).all() as UnitRow[];
    return rows.map((r) => toUnit(ctx, kind, r));
  },

  'unit.save': ({ kind, id, name, shortName, note, convenorIds }, ctx) => {
    const what = unitKindNames[kind];
    const clash = ctx.db.prepare(`SELECT id FROM ${tables[kind]} WHERE name = ? AND id IS NOT ?`).get(name, id ?? null);
    if (clash) throw conflict(`已有名为“${name}”的${what}`);
    if (convenorIds?.length && kind !== 'sector') throw refused(`只有界别可以设置召集人`);
    let unitId: number;
    if (id === undefined) {
      unitId = insertUnit(ctx, kind, name, shortName ?? '', note ?? '');
    } else {
      const existing = getUnit(ctx, kind, id);
      ctx.db
        .prepare(`UPDATE ${tables[kind]} SET name = ?, short_name = ?, note = ?, updated_at = ? WHERE id = ?`)
        .run(name, shortName ?? existing.shortName, note ?? existing.note, isoNow(ctx), id);
      unitId = id;
    }
    if (kind === 'sector' && convenorIds) setConvenors(ctx, unitId, convenorIds);
    return getUnit(ctx, kind, unitId);
  },

  'unit.setRetired': ({ kind, id, retired }, ctx) => {
    getUnit(ctx, kind, id);
    ctx.db
      // Retiring twice keeps the first date.
      .prepare(
        `UPDATE ${tables[kind]} SET retired_at = CASE WHEN ? THEN coalesce(retired_at, ?) END, updated_at = ? WHERE id = ?`,
      )
      .run(retired ? 1 : 0, isoNow(ctx), isoNow(ctx), id);
    return getUnit(ctx, kind, id);
  },
});
