import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database, { type Statement } from 'better-sqlite3';
import type { Db } from '../../electron/core/db/open';

/** One statement as it ran: its SQL and the arguments of its first run (to EXPLAIN it again). */
export interface LoggedStatement {
  sql: string;
  args: unknown[];
  /** better-sqlite3's own answer: the statement returns rows. */
  reader: boolean;
  /** The core file that ran it, when asked for (`caller`). */
  caller?: string;
}

/** The tables a statement opens, as SQLite's compiled program says (see `tablesTouched`). */
export interface TablesTouched {
  reads: Set<string>;
  writes: Set<string>;
}

type Method = 'run' | 'get' | 'all' | 'iterate';
const METHODS: readonly Method[] = ['run', 'get', 'all', 'iterate'];
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The core's file that ran a statement: the first frame under electron/core outside the sql module. */
function callerFile(stack: string): string {
  for (const line of stack.split('\n').slice(1)) {
    const m = /\(?((?:file:\/\/)?\/[^():]+\.ts):\d+:\d+\)?$/.exec(line.trim());
    if (!m) continue;
    const file = relative(root, m[1].replace(/^file:\/\//, ''));
    if (file.startsWith('electron/core/') && file !== 'electron/core/db/sql.ts') return file;
  }
  return '(outside the core)';
}

export interface LogOptions {
  /** Only statements of this connection (read when each runs: a restore swaps it). All when absent. */
  db?: () => Db;
  /** Also note which core file ran each statement (costs a stack per statement). */
  caller?: boolean;
}

/** The connection now, or none while a restore has closed it. */
function current(db: () => Db): Db | undefined {
  try {
    return db();
  } catch {
    return undefined;
  }
}

/**
 * Records every statement as it runs (run, get, all, iterate) into `sink()` while it gives an
 * array. It wraps better-sqlite3's Statement prototype, so statements prepared earlier (the sql
 * module caches them per connection) are seen as well as new ones. Returns the unwrap, for
 * afterAll: the prototype is shared by every test file the worker runs.
 */
export function logStatements(sink: () => LoggedStatement[] | undefined, options: LogOptions = {}): () => void {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<Method, (...a: unknown[]) => unknown>;
  probe.close();
  const originals = METHODS.map((m) => [m, proto[m]] as const);
  for (const [method, original] of originals) {
    proto[method] = function (this: Statement, ...args: unknown[]) {
      const into = sink();
      if (into && !this.source.startsWith('EXPLAIN') && (!options.db || this.database === current(options.db))) {
        const caller = options.caller ? callerFile(new Error().stack ?? '') : undefined;
        into.push({ sql: this.source, args, reader: this.reader, caller });
      }
      return original.apply(this, args);
    };
  }
  return () => {
    for (const [method, original] of originals) proto[method] = original;
  };
}

const rawPrepare =
  (db: Db) =>
  (sql: string): Statement<unknown[]> =>
    db.prepare(sql);

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
