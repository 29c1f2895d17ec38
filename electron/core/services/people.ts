import { Person, type PersonInput } from '../../../shared/contract/directory';
import type { z } from 'zod';
import { rankWithScores } from '../../../shared/domain/personMatch';
import { pinyinKeys } from '../../../shared/domain/pinyinKeys';
import type { UnitKind } from '../../../shared/domain/people';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import { rowMapper, type DbRow } from '../db/rows';
import { conflict, notFound, refused } from '../errors';
import { handlers } from '../handler';
import { checkUnitRef } from './units';

type SavePerson = z.output<typeof PersonInput>;

/** A person row as the contract's Person: `retired` is whether a retirement date is set. */
const toPerson = rowMapper(Person, { retired: (r) => r.retired_at !== null });

export function getPerson(ctx: Ctx, id: number): Person {
  const row = ctx.db.prepare('SELECT * FROM person WHERE id = ?').get(id) as DbRow | undefined;
  if (!row) throw notFound('人员', id);
  return toPerson(row);
}

function listPeople(ctx: QueryCtx, includeRetired: boolean): Person[] {
  const where = includeRetired ? '' : 'WHERE retired_at IS NULL';
  return (ctx.db.prepare(`SELECT * FROM person ${where} ORDER BY pinyin, name, id`).all() as DbRow[]).map(toPerson);
}

/**
 * The rules a person must satisfy beyond the schema: references exist and are active (unless
 * unchanged), a member belongs to a sector, a department representative to a department, and
 * the same person is not entered twice. Shared by the form and the spreadsheet import.
 */
export function checkPerson(ctx: Ctx, p: SavePerson, before?: Person): void {
  const refs: [UnitKind, number | null | undefined, number | null | undefined][] = [
    ['sector', p.sectorId, before?.sectorId],
    ['committee', p.committeeId, before?.committeeId],
    ['department', p.departmentId, before?.departmentId],
  ];
  for (const [kind, ref, old] of refs) if (ref != null) checkUnitRef(ctx, kind, ref, { keep: old });
  if (p.kind === '委员' && p.sectorId == null) throw refused('委员须选择所属界别');
  if (p.kind === '部门代表' && p.departmentId == null) throw refused('部门代表须选择所属部门');
  const twin = ctx.db
    .prepare(
      `SELECT id FROM person WHERE name = ? AND kind = ? AND unit = ? AND department_id IS ? AND sector_id IS ? AND id IS NOT ? AND retired_at IS NULL`,
    )
    .get(p.name, p.kind, p.unit ?? '', p.departmentId ?? null, p.sectorId ?? null, p.id ?? null);
  if (twin)
    throw conflict(
      `名录中已有“${p.name}”（${p.kind}${p.unit ? '，' + p.unit : ''}）。如确为不同的人，请在单位或职务中加以区分`,
    );
}

export function insertPerson(ctx: Ctx, p: SavePerson): number {
  const now = isoNow(ctx);
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO person (name, kind, sector_id, committee_id, department_id, unit, title, phone, note, pinyin, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.name,
        p.kind,
        p.sectorId ?? null,
        p.committeeId ?? null,
        p.departmentId ?? null,
        p.unit ?? '',
        p.title ?? '',
        p.phone ?? '',
        p.note ?? '',
        pinyinKeys(p.name),
        now,
        now,
      ).lastInsertRowid,
  );
}

export const peopleHandlers = handlers({
  'person.list': ({ includeRetired }, ctx) => listPeople(ctx, includeRetired ?? false),

  'person.search': ({ query, kinds, limit }, ctx) => {
    const pool = listPeople(ctx, false).filter((p) => !kinds?.length || kinds.includes(p.kind));
    return rankWithScores(pool, query, (p) => p)
      .slice(0, limit ?? 50)
      .map(({ item, score }) => ({ person: item, score }));
  },

  'person.save': (input, ctx) => {
    if (input.id === undefined) {
      checkPerson(ctx, input);
      return getPerson(ctx, insertPerson(ctx, input));
    }
    const before = getPerson(ctx, input.id);
    const merged: SavePerson = {
      ...input,
      unit: input.unit ?? before.unit,
      title: input.title ?? before.title,
      phone: input.phone ?? before.phone,
      note: input.note ?? before.note,
      sectorId: input.sectorId === undefined ? before.sectorId : input.sectorId,
      committeeId: input.committeeId === undefined ? before.committeeId : input.committeeId,
      departmentId: input.departmentId === undefined ? before.departmentId : input.departmentId,
    };
    checkPerson(ctx, merged, before);
    ctx.db
      .prepare(
        `UPDATE person SET name = ?, kind = ?, sector_id = ?, committee_id = ?, department_id = ?, unit = ?, title = ?, phone = ?, note = ?,
           pinyin = ?, updated_at = ? WHERE id = ?`,
      )
      .run(
        merged.name,
        merged.kind,
        merged.sectorId,
        merged.committeeId,
        merged.departmentId,
        merged.unit,
        merged.title,
        merged.phone,
        merged.note,
        pinyinKeys(merged.name),
        isoNow(ctx),
        before.id,
      );
    return getPerson(ctx, before.id);
  },

  'person.setRetired': ({ id, retired }, ctx) => {
    getPerson(ctx, id);
    ctx.db
      .prepare(
        'UPDATE person SET retired_at = CASE WHEN ? THEN coalesce(retired_at, ?) END, updated_at = ? WHERE id = ?',
      )
      .run(retired ? 1 : 0, isoNow(ctx), isoNow(ctx), id);
    if (retired) ctx.db.prepare('DELETE FROM sector_convenor WHERE person_id = ?').run(id);
    return getPerson(ctx, id);
  },
});
