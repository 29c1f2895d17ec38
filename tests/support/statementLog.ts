import type { Statement } from 'better-sqlite3';
import type { Db } from '../../electron/core/db/open';

/** One statement as it ran: its SQL and the arguments of its first run (to EXPLAIN it again). */
export interface LoggedStatement {
  sql: string;
  args: unknown[];
  /** better-sqlite3's own answer: the statement returns rows. */
  reader: boolean;
}

/** The tables a statement opens, as SQLite's compiled program says (see `tablesTouched`). */
export interface TablesTouched {
  reads: Set<string>;
  writes: Set<string>;
}

const WRAPPED = Symbol('statementLog');
type Prepare = Db['prepare'];

/**
 * Wraps a connection's `prepare` so that every statement records itself when it runs (run, get,
 * all, iterate) into `sink`. Idempotent per connection; the services prepare each statement at
 * call time on `ctx.db`, so wrapping the open connection sees all of them.
 */
export function logStatements(db: Db, sink: () => LoggedStatement[] | undefined): void {
  const marked = db as Db & { [WRAPPED]?: true };
  if (marked[WRAPPED]) return;
  marked[WRAPPED] = true;
  const prepare = db.prepare.bind(db) as Prepare;
  db.prepare = ((...a: Parameters<Prepare>) => {
    const stmt = prepare(...a);
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = (stmt[method] as (...args: unknown[]) => unknown).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        sink()?.push({ sql: stmt.source, args, reader: stmt.reader });
        return original(...args);
      };
    }
    return stmt;
  }) as Prepare;
}

/** The unwrapped `prepare` of a connection (for EXPLAIN, which must not log itself). */
const rawPrepare =
  (db: Db) =>
  (sql: string): Statement<unknown[]> =>
    (Object.getPrototypeOf(db) as Db).prepare.call(db, sql);

interface SchemaNames {
  byRootPage: Map<number, string>;
  virtualTables: string[];
}
const schemaCache = new WeakMap<Db, SchemaNames>();

function schemaNames(db: Db): SchemaNames {
  let names = schemaCache.get(db);
  if (!names) {
    const rows = rawPrepare(db)(
      "SELECT type, tbl_name, rootpage, sql FROM sqlite_master WHERE type IN ('table', 'index')",
    ).all() as { type: string; tbl_name: string; rootpage: number; sql: string | null }[];
    names = {
      byRootPage: new Map(rows.filter((r) => r.rootpage > 0).map((r) => [r.rootpage, r.tbl_name])),
      virtualTables: rows
        .filter((r) => r.rootpage === 0 && /^CREATE VIRTUAL TABLE/i.test(r.sql ?? ''))
        .map((r) => r.tbl_name),
    };
    schemaCache.set(db, names);
  }
  return names;
}

interface Op {
  opcode: string;
  p1: number;
  p2: number;
  p3: number;
}

/**
 * Which tables a statement reads and writes, from SQLite's own compiled program rather than from
 * the SQL text: `EXPLAIN` lists the bytecode, including the sub-programs of every trigger and
 * foreign-key action the statement may fire. A cursor opened with OpenRead/ReopenIdx reads the
 * b-tree at root page p2, OpenWrite writes it and Clear empties it; root pages name a table or one
 * of its indexes in `sqlite_master` (an index counts as its table). Only the main database
 * (p3 = 0) counts. A virtual table (the FTS5 search index) has no root page and its cursor does not
 * name it: VOpen reads and VUpdate writes one. A VOpen counts as a read of the schema's virtual
 * tables named in the statement (json_each, which the services use for id lists, is a virtual
 * table too, of no table of ours; a trigger, which could read one unnamed, runs only on writes); a
 * VUpdate as a write of those named, or of all of them when only a trigger can reach it.
 * Tables a statement could touch count even when this run touched no row: a statement that may
 * write a table is a write of it.
 */
export function tablesTouched(db: Db, statement: LoggedStatement): TablesTouched {
  const { byRootPage, virtualTables } = schemaNames(db);
  const reads = new Set<string>();
  const writes = new Set<string>();
  if (/^\s*PRAGMA\b/i.test(statement.sql)) return { reads, writes };
  const ops = rawPrepare(db)(`EXPLAIN ${statement.sql}`).all(...statement.args) as Op[];
  const named = virtualTables.filter((t) => new RegExp(`\\b${t}\\b`).test(statement.sql));
  for (const op of ops) {
    const table = op.p3 === 0 ? byRootPage.get(op.p2) : undefined;
    if ((op.opcode === 'OpenRead' || op.opcode === 'ReopenIdx') && table) reads.add(table);
    else if (op.opcode === 'OpenWrite' && table) writes.add(table);
    else if (op.opcode === 'Clear') {
      const cleared = op.p2 === 0 ? byRootPage.get(op.p1) : undefined;
      if (cleared) writes.add(cleared);
    } else if (op.opcode === 'VOpen') named.forEach((t) => reads.add(t));
    else if (op.opcode === 'VUpdate') (named.length ? named : virtualTables).forEach((t) => writes.add(t));
  }
  return { reads, writes };
}

/** `EXPLAIN QUERY PLAN` of a logged statement: the plan's lines (`SCAN t`, `SEARCH t USING INDEX …`). */
export function queryPlan(db: Db, statement: LoggedStatement): string[] {
  const rows = rawPrepare(db)(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.args) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/**
 * Every table's content as a fingerprint (row count and a hash of its rows), to tell exactly which
 * tables a call changed, whoever wrote them (the call's statements, a trigger, a cascade, a restore
 * through the backup API): the honest complement of the static `tablesTouched`.
 */
export function tableFingerprints(db: Db): Map<string, string> {
  const prepare = rawPrepare(db);
  const tables = prepare(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'",
  ).all() as { name: string; sql: string }[];
  const out = new Map<string, string>();
  for (const { name, sql } of tables) {
    const order = /WITHOUT ROWID/i.test(sql) ? '1' : 'rowid';
    const rows = prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).raw().all();
    out.set(name, JSON.stringify(rows));
  }
  return out;
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): Set<string> {
  const changed = new Set<string>();
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    if (before.get(name) !== after.get(name)) changed.add(name);
  }
  return changed;
}
