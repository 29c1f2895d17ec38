import type Database from 'better-sqlite3';

/** A value SQLite takes as a parameter. */
export type SqlValue = string | number | bigint | null | Buffer;

/**
 * A piece of SQL with its parameters, built by the `sql` tag: values become `?` placeholders,
 * nested fragments are spliced in with their own parameters, arrays become `IN` lists.
 */
export class Sql {
  constructor(
    readonly text: string,
    readonly params: readonly SqlValue[],
  ) {}
}

type Part = SqlValue | Sql | readonly (SqlValue | Sql)[];

/**
 * sql`SELECT * FROM speech WHERE meeting_id = ${id} AND state IN ${states}`. An empty array is
 * `(NULL)`, which matches nothing (`x IN (NULL)` is never true), instead of a syntax error.
 */
export function sql(strings: TemplateStringsArray, ...parts: Part[]): Sql {
  let text = strings[0];
  const params: SqlValue[] = [];
  parts.forEach((part, i) => {
    text += splice(part, params) + strings[i + 1];
  });
  return new Sql(text, params);
}

function splice(part: Part, params: SqlValue[]): string {
  if (part instanceof Sql) {
    params.push(...part.params);
    return part.text;
  }
  if (Array.isArray(part)) {
    if (part.length === 0) return '(NULL)';
    return `(${part.map((p: SqlValue | Sql) => splice(p, params)).join(', ')})`;
  }
  params.push(part as SqlValue);
  return '?';
}

/** Joins fragments with a separator (conditions with ' AND ', columns with ', '). */
sql.join = (fragments: readonly Sql[], separator: string): Sql =>
  new Sql(
    fragments.map((f) => f.text).join(separator),
    fragments.flatMap((f) => f.params),
  );

/** Trusted text spliced as is: an identifier or a constant of the code, never user input. */
sql.raw = (text: string): Sql => new Sql(text, []);

/** A statement that can only read: what a read-only connection prepares. */
export interface ReadStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  pluck(toggle?: boolean): ReadStatement;
  raw(toggle?: boolean): ReadStatement;
  readonly reader: boolean;
}

/** The part of a connection reads need: a query's context offers nothing more. */
export interface ReadDb {
  prepare(source: string): ReadStatement;
  readonly inTransaction: boolean;
}

// Per connection: a restore swaps `ctx.db` for a new one, whose statements must be its own.
const caches = new WeakMap<ReadDb, Map<string, ReadStatement>>();

/** The connection's prepared statement for this SQL text, prepared once. */
export function statement(db: ReadDb, text: string): ReadStatement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let s = cache.get(text);
  if (!s) cache.set(text, (s = db.prepare(text)));
  return s;
}

/** Runs the fragment on a fresh statement state: pluck/raw are per call, never left on the cached one. */
const plain = (db: ReadDb, q: Sql) => statement(db, q.text).pluck(false);

export const all = <T>(db: ReadDb, q: Sql): T[] => plain(db, q).all(...q.params) as T[];
export const get = <T>(db: ReadDb, q: Sql): T | undefined => plain(db, q).get(...q.params) as T | undefined;
/** The first column of every row. */
export const column = <T>(db: ReadDb, q: Sql): T[] =>
  statement(db, q.text)
    .pluck(true)
    .all(...q.params) as T[];
/** The first column of the first row. */
export const value = <T>(db: ReadDb, q: Sql): T | undefined =>
  statement(db, q.text)
    .pluck(true)
    .get(...q.params) as T | undefined;
/** Writes; takes the full connection, which a read-only context does not have. */
export const run = (db: Database.Database, q: Sql): Database.RunResult =>
  (statement(db, q.text) as Database.Statement).run(...q.params);
