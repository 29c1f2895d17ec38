import Database from 'better-sqlite3';
import { migrations } from '../db/migrations';

/** One object of a schema as sqlite_master holds it. */
export interface SchemaObject {
  type: 'table' | 'index' | 'trigger' | 'view';
  name: string;
  table: string;
  /** Whitespace-normalised CREATE statement; null for the indexes SQLite makes itself (UNIQUE, PRIMARY KEY). */
  sql: string | null;
}

/**
 * Whitespace runs collapsed to one space outside quotes, so that only what SQLite would execute
 * differently counts; text inside '…', "…", `…` and […] stays exactly as written.
 */
export function normaliseSql(sql: string): string {
  let out = '';
  let quote: string | null = null;
  let space = false;
  for (const ch of sql.trim()) {
    if (quote) {
      out += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (/\s/.test(ch)) {
      space = true;
      continue;
    }
    if (space && out) out += ' ';
    space = false;
    out += ch;
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '[') quote = ']';
  }
  return out;
}

/** The objects of an open database, keyed by type and lower-case name (SQLite's names ignore case). */
export function schemaOf(db: Database.Database): Map<string, SchemaObject> {
  const rows = db.prepare('SELECT type, name, tbl_name AS "table", sql FROM sqlite_master').all() as SchemaObject[];
  return new Map(rows.map((r) => [schemaKey(r), { ...r, sql: r.sql === null ? null : normaliseSql(r.sql) }] as const));
}

export const schemaKey = (o: Pick<SchemaObject, 'type' | 'name'>) => `${o.type} ${o.name.toLowerCase()}`;

const cache = new Map<number, Map<string, SchemaObject>>();

/**
 * The schema this app's migrations leave at `version`, built once per version in memory: what a
 * backup written by any release of the app at that version holds, and nothing else.
 */
export function referenceSchema(version: number): Map<string, SchemaObject> {
  let schema = cache.get(version);
  if (!schema) {
    const db = new Database(':memory:');
    try {
      db.pragma('foreign_keys = ON');
      for (const m of migrations) if (m.version <= version) db.transaction(() => m.up(db))();
      schema = schemaOf(db);
    } finally {
      db.close();
    }
    cache.set(version, schema);
  }
  return schema;
}
