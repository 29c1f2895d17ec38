import { Unit } from '../../../shared/contract/directory';
import type { UnitKind } from '../../../shared/domain/people';
import type { Ctx, QueryCtx } from '../context';
import { rowMapper } from '../db/rows';
import { all, column, get, run, sql, value, type Sql } from '../db/sql';

/**
 * The only writer of the directory's units — tables sector, committee and department, one per
 * kind, the same columns — and of sector_convenor (a sector's 召集人, in order).
 */

// Fixed maps, never input text. Each write names its table in full, so a search of the source finds its writer.
const table: Record<UnitKind, Sql> = { sector: sql`sector`, committee: sql`committee`, department: sql`department` };
const insertInto: Record<UnitKind, Sql> = {
  sector: sql`INSERT INTO sector`,
  committee: sql`INSERT INTO committee`,
  department: sql`INSERT INTO department`,
};
const update: Record<UnitKind, Sql> = {
  sector: sql`UPDATE sector`,
  committee: sql`UPDATE committee`,
  department: sql`UPDATE department`,
};
const personColumn: Record<UnitKind, Sql> = {
  sector: sql`sector_id`,
  committee: sql`committee_id`,
  department: sql`department_id`,
};

export interface UnitFields {
  name: string;
  shortName: string;
  note: string;
}

/** A new unit, sorted after the others of its kind. */
export function insertUnit(ctx: Ctx, kind: UnitKind, f: UnitFields, at: string): number {
  const sort = value<number>(ctx.db, sql`SELECT coalesce(max(sort), 0) + 1 FROM ${table[kind]}`) ?? 1;
  return Number(
    run(
      ctx.db,
      sql`${insertInto[kind]} (name, short_name, note, sort, created_at, updated_at)
          VALUES (${f.name}, ${f.shortName}, ${f.note}, ${sort}, ${at}, ${at})`,
    ).lastInsertRowid,
  );
}

export const updateUnit = (ctx: Ctx, kind: UnitKind, id: number, f: UnitFields, at: string) =>
  run(
    ctx.db,
    sql`${update[kind]} SET name = ${f.name}, short_name = ${f.shortName}, note = ${f.note}, updated_at = ${at} WHERE id = ${id}`,
  );

/** Retiring twice keeps the first date. */
export const setUnitRetired = (ctx: Ctx, kind: UnitKind, id: number, retired: boolean, at: string) =>
  run(
    ctx.db,
    sql`${update[kind]} SET retired_at = CASE WHEN ${retired ? 1 : 0} THEN coalesce(retired_at, ${at}) END, updated_at = ${at}
         WHERE id = ${id}`,
  );

/** The sector's convenors, in this order (duplicates once). */
export function replaceConvenors(ctx: Ctx, sectorId: number, personIds: readonly number[]): void {
  run(ctx.db, sql`DELETE FROM sector_convenor WHERE sector_id = ${sectorId}`);
  [...new Set(personIds)].forEach((pid, i) =>
    run(ctx.db, sql`INSERT INTO sector_convenor (sector_id, person_id, position) VALUES (${sectorId}, ${pid}, ${i})`),
  );
}

/** A retired person convenes no sector any more. */
export const dropConvenorRoles = (ctx: Ctx, personId: number) =>
  run(ctx.db, sql`DELETE FROM sector_convenor WHERE person_id = ${personId}`);

const convenorIds = (ctx: QueryCtx, sectorId: number) =>
  column<number>(ctx.db, sql`SELECT person_id FROM sector_convenor WHERE sector_id = ${sectorId} ORDER BY position`);

/** Units of the kind as the contract's Unit, in their sort order; `where` narrows them (on alias u). */
export function findUnits(ctx: QueryCtx, kind: UnitKind, where: Sql = sql``): Unit[] {
  const toUnit = rowMapper(Unit, {
    kind: () => kind,
    retired: (r) => r.retired_at !== null,
    convenorIds: (r) => (kind === 'sector' ? convenorIds(ctx, r.id as number) : []),
  });
  return all<Record<string, unknown>>(
    ctx.db,
    sql`SELECT u.id, u.name, u.short_name, u.note, u.sort, u.retired_at,
               (SELECT count(*) FROM person p WHERE p.${personColumn[kind]} = u.id AND p.retired_at IS NULL) AS people_count
          FROM ${table[kind]} u ${where} ORDER BY u.sort, u.id`,
  ).map(toUnit);
}

export const findUnit = (ctx: QueryCtx, kind: UnitKind, id: number): Unit | undefined =>
  findUnits(ctx, kind, sql`WHERE u.id = ${id}`)[0];

/** Name and retirement only: what a reference to the unit is checked against. */
export const unitRef = (ctx: QueryCtx, kind: UnitKind, id: number) =>
  get<{ name: string; retired_at: string | null }>(
    ctx.db,
    sql`SELECT name, retired_at FROM ${table[kind]} WHERE id = ${id}`,
  );

/** The unit of that full or short name (spreadsheets use either), an active one first. */
export const unitByName = (ctx: QueryCtx, kind: UnitKind, name: string) =>
  get<{ id: number; retired_at: string | null }>(
    ctx.db,
    sql`SELECT id, retired_at FROM ${table[kind]} WHERE name = ${name} OR (short_name <> '' AND short_name = ${name})
         ORDER BY retired_at IS NOT NULL LIMIT 1`,
  );

/** Another unit of the kind already has the name. */
export const unitNameTaken = (ctx: QueryCtx, kind: UnitKind, name: string, id: number | null) =>
  get(ctx.db, sql`SELECT id FROM ${table[kind]} WHERE name = ${name} AND id IS NOT ${id}`) !== undefined;

export const activeUnitIds = (ctx: QueryCtx, kind: UnitKind) =>
  column<number>(ctx.db, sql`SELECT id FROM ${table[kind]} WHERE retired_at IS NULL`);
