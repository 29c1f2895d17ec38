import type { z } from 'zod';

/** A row as better-sqlite3 returns it: column name → value. */
export type DbRow = Record<string, unknown>;

type Shape<S extends z.ZodObject> = z.output<S>;
/** Fields that are not a column of the same name: computed from the row (a flag from a date, a join). */
export type Derived<S extends z.ZodObject> = { [K in keyof Shape<S>]?: (row: DbRow) => Shape<S>[K] };

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The schema's base type under optional / nullable / default wrappers, and whether null is one of its values. */
function baseType(t: z.ZodType): { type: string; nullable: boolean } {
  let def = t._zod.def as { type: string; innerType?: z.ZodType };
  let nullable = false;
  while (def.innerType && ['optional', 'nullable', 'default', 'readonly'].includes(def.type)) {
    nullable ||= def.type === 'nullable';
    def = def.innerType._zod.def as typeof def;
  }
  return { type: def.type, nullable };
}

/**
 * The one mapper from a table row to an entity, built from the entity's zod output schema (its
 * single declaration): each field reads the column of its snake_case name (issueNo ← issue_no),
 * booleans read SQLite's 0/1, and `derived` gives the fields no column holds. The plan is made
 * once per schema, so mapping a row is a loop over its fields.
 */
export function rowMapper<S extends z.ZodObject>(schema: S, derived: Derived<S> = {}): (row: DbRow) => Shape<S> {
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, type]) => {
    const own = (derived as Record<string, ((row: DbRow) => unknown) | undefined>)[key];
    const column = snake(key);
    const { type: base, nullable } = baseType(type);
    // NULL is null where the schema allows it, else an absent optional field.
    const absent = nullable ? null : undefined;
    const read: (row: DbRow) => unknown =
      own ??
      (base === 'boolean'
        ? (row) => (row[column] == null ? absent : row[column] !== 0)
        : (row) => (row[column] === null ? absent : row[column]));
    return [key, read] as const;
  });
  return (row) => {
    const out: Record<string, unknown> = {};
    for (const [key, read] of fields) out[key] = read(row);
    return out as Shape<S>;
  };
}
