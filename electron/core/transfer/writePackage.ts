import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { migrations } from '../db/migrations';
import { loadDoc } from '../data/minutesYjs';
import type { QueryCtx } from '../context';
import { MANIFEST_KEY, rowsChecksum, tableCounts, type Manifest } from './manifest';
import { TRAVEL, selectionOf } from './tables';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
type Row = Record<string, unknown>;

export interface WritePackageInput {
  /** The data file, read through a connection of its own. */
  source: string;
  dest: string;
  meetingIds: number[];
  head: Omit<Manifest, 'counts' | 'checksum'>;
}

/**
 * Builds a package file: a fresh file made by this app's migrations (so that it passes the same
 * check as a backup), holding only the chosen meetings' rows and the directory entries and topics
 * they reference, with integer ids as they are here (the importer remaps them through uids), the
 * shared document as one state per meeting, and the manifest. Runs in the worker (tasks.ts).
 */
export function writePackage({ source, dest, meetingIds, head }: WritePackageInput): Manifest {
  const src = new Database(source, { readonly: true, fileMustExist: true });
  const db = new Database(dest);
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('foreign_keys = ON'); // the migrations run as openDatabase runs them
    for (const m of migrations)
      db.transaction(() => {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      })();
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as {
      name: string;
      sql: string;
    }[];
    const m = JSON.stringify(meetingIds);
    const read = src.transaction(() => {
      const rows = new Map<string, Row[]>();
      for (const table of TRAVEL.map((t) => t.name).concat('minutes', 'followup'))
        rows.set(
          table,
          src.prepare(`SELECT * FROM ${quote(table)} WHERE ${selectionOf(table)} ORDER BY rowid`).all({ m }) as Row[],
        );
      const docs = meetingIds.map((id) => {
        const doc = loadDoc({ db: src } as unknown as QueryCtx, id);
        return { id, parts: [...(doc.snapshot ? [doc.snapshot] : []), ...doc.updates] };
      });
      return { rows, docs };
    });
    const { rows, docs } = read();
    detach(rows);
    // Rows arrive table by table, not in the order of their references (checked whole on import).
    db.pragma('foreign_keys = OFF');
    return db.transaction(() => {
      // Only the rows copied below: no trigger acts on them (search index, uid fill), no seeded row stays.
      for (const t of triggers) db.exec(`DROP TRIGGER ${quote(t.name)}`);
      for (const seeded of ['setting', 'screen']) db.exec(`DELETE FROM ${quote(seeded)}`);
      for (const [table, list] of rows) copyRows(db, table, list);
      // The package file's own table (not the data file's, which data/minutesYjs.ts alone writes).
      const snapshot = db.prepare(
        `INSERT INTO ${quote('minutes_yjs_snapshot')} (meeting_id, upto_seq, state, at) VALUES (?, 0, ?, ?)`,
      );
      for (const d of docs)
        if (d.parts.length) snapshot.run(d.id, Buffer.from(Y.mergeUpdates(d.parts)), head.exportedAt);
      for (const t of triggers) db.exec(t.sql);
      const manifest: Manifest = { ...head, counts: tableCounts(db), checksum: rowsChecksum(db) };
      db.prepare(`INSERT INTO ${quote('setting')} (key, value) VALUES (?, ?)`).run(
        MANIFEST_KEY,
        JSON.stringify(manifest),
      );
      return manifest;
    })();
  } finally {
    src.close();
    db.close();
  }
}

/** What must not leave: references to topics that did not travel, and the devices' tokens (a secret of this installation). */
function detach(rows: Map<string, Row[]>): void {
  const topics = new Set((rows.get('topic') ?? []).map((t) => t.id));
  for (const t of rows.get('topic') ?? []) if (!topics.has(t.merged_into)) t.merged_into = null;
  for (const e of rows.get('topic_event') ?? []) if (!topics.has(e.other_topic_id)) e.other_topic_id = null;
  for (const d of rows.get('lan_device') ?? []) d.token_hash = `package:${String(d.uid)}`;
}

function copyRows(db: Database.Database, table: string, rows: Row[]): void {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]);
  const insert = db.prepare(
    `INSERT INTO ${quote(table)} (${cols.map(quote).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
  );
  for (const row of rows) insert.run(row);
}
