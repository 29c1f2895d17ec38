import { Person, type PersonInput } from '../../../shared/contract/directory';
import type { z } from 'zod';
import { pinyinKeys } from '../../../shared/domain/pinyinKeys';
import type { Ctx, QueryCtx } from '../context';
import { rowMapper, type DbRow } from '../db/rows';
import { all, get, run, sql } from '../db/sql';

/** The person table's only writer: the directory's people (委员, 部门代表 …), with their pinyin keys for search. */

export type PersonFields = z.output<typeof PersonInput>;

/** A person row as the contract's Person: `retired` is whether a retirement date is set. */
const toPerson = rowMapper(Person, { retired: (r) => r.retired_at !== null });

export function findPerson(ctx: QueryCtx, id: number): Person | undefined {
  const row = get<DbRow>(ctx.db, sql`SELECT * FROM person WHERE id = ${id}`);
  return row && toPerson(row);
}

/** In pinyin order, as every list of names is shown. */
export const orderedPeople = (ctx: QueryCtx, includeRetired: boolean): Person[] =>
  all<DbRow>(
    ctx.db,
    sql`SELECT * FROM person ${includeRetired ? sql`` : sql`WHERE retired_at IS NULL`} ORDER BY pinyin, name, id`,
  ).map(toPerson);

/** An active person other than `p` itself with the same name, kind, unit, department and sector. */
export const twinOf = (ctx: QueryCtx, p: PersonFields): number | undefined =>
  get<{ id: number }>(
    ctx.db,
    sql`SELECT id FROM person WHERE name = ${p.name} AND kind = ${p.kind} AND unit = ${p.unit ?? ''}
           AND department_id IS ${p.departmentId ?? null} AND sector_id IS ${p.sectorId ?? null}
           AND id IS NOT ${p.id ?? null} AND retired_at IS NULL`,
  )?.id;

export function insertPerson(ctx: Ctx, p: PersonFields, at: string, pinyin = pinyinKeys(p.name)): number {
  return Number(
    run(
      ctx.db,
      sql`INSERT INTO person (name, kind, sector_id, committee_id, department_id, unit, title, phone, note, pinyin, created_at, updated_at)
          VALUES (${p.name}, ${p.kind}, ${p.sectorId ?? null}, ${p.committeeId ?? null}, ${p.departmentId ?? null},
                  ${p.unit ?? ''}, ${p.title ?? ''}, ${p.phone ?? ''}, ${p.note ?? ''}, ${pinyin}, ${at}, ${at})`,
    ).lastInsertRowid,
  );
}

/** Every field as given (the service merges in the stored values first); the pinyin follows the name. */
export const updatePerson = (ctx: Ctx, id: number, p: PersonFields, at: string) =>
  run(
    ctx.db,
    sql`UPDATE person SET name = ${p.name}, kind = ${p.kind}, sector_id = ${p.sectorId ?? null},
           committee_id = ${p.committeeId ?? null}, department_id = ${p.departmentId ?? null}, unit = ${p.unit ?? ''},
           title = ${p.title ?? ''}, phone = ${p.phone ?? ''}, note = ${p.note ?? ''}, pinyin = ${pinyinKeys(p.name)},
           updated_at = ${at}
         WHERE id = ${id}`,
  );

/** Retiring twice keeps the first date. */
export const setPersonRetired = (ctx: Ctx, id: number, retired: boolean, at: string) =>
  run(
    ctx.db,
    sql`UPDATE person SET retired_at = CASE WHEN ${retired ? 1 : 0} THEN coalesce(retired_at, ${at}) END, updated_at = ${at}
         WHERE id = ${id}`,
  );

/** Active people in id order with their affiliation (the sector's name, else the unit): the generator's speakers. */
export const activePeopleWithAffiliation = (ctx: QueryCtx) =>
  all<{ id: number; name: string; kind: string; aff: string }>(
    ctx.db,
    sql`SELECT id, name, kind, coalesce((SELECT name FROM sector WHERE id = sector_id), unit, '') AS aff
          FROM person WHERE retired_at IS NULL ORDER BY id`,
  );
