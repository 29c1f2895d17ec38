import type { Ctx } from '../context';
import type { Db } from '../db/open';
import type { ReadDb } from '../db/sql';
import { notFound, refused } from '../errors';
import { storeValue } from '../data/settings';
import type { OpenedPackage, Row } from './readPackage';
import { LABEL, TRAVEL, type TravelTable } from './tables';
import { remapSpeechIds } from './speechIds';
import { mergeMinutes } from './mergeMinutes';
import { mergeFollowUp } from './mergeFollowUp';

export interface PersonChoice {
  uid: string;
  action: 'merge' | 'add';
  intoId?: number;
}

export interface PersonMatch {
  uid: string;
  name: string;
  unit: string;
  /** uid: the same person came before; name: the same name and unit (the secretary chooses); new: added. */
  match: 'uid' | 'name' | 'new';
  localId: number | null;
  candidates: { id: number; name: string; unit: string }[];
}

export interface MeetingOutcome {
  uid: string;
  title: string;
  startsAt: string;
  localId: number | null;
  status: 'new' | 'identical' | 'differs';
  /** What differs, in Chinese (the tables' names), for `differs`. */
  differs: string[];
}

export interface MergeOutcome {
  added: Record<string, number>;
  updated: Record<string, number>;
  meetings: MeetingOutcome[];
  people: PersonMatch[];
}

/** Runs on the receiver's connection: counting only (preview) or writing too (import, inside its transaction). */
export interface MergeRun {
  db: ReadDb;
  apply: boolean;
  choices: ReadonlyMap<string, PersonChoice>;
  /** For the writes that go through the app's own modules (minutes, follow-up); absent in a preview. */
  ctx?: Ctx;
  now: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const same = (a: unknown, b: unknown) =>
  Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : a === b || (a == null && b == null);

/**
 * Merges a package into the receiving installation, table by table in the order of their
 * references, remapping every reference through the row it names. In a preview the rows that
 * would be added get made-up (negative) ids, so that what refers to them counts as changed.
 */
export function mergePackage(pkg: OpenedPackage, run: MergeRun): MergeOutcome {
  const ids = new Map<string, Map<unknown, number | string>>(); // table → package id → local id
  const mapOf = (t: string) => ids.get(t) ?? ids.set(t, new Map()).get(t)!;
  let fake = 0;
  const added: Record<string, number> = {};
  const updated: Record<string, number> = {};
  const touched = new Map<unknown, Set<string>>(); // package meeting id → labels of what it adds or changes
  const people: PersonMatch[] = [];
  const newMeetings = new Set<unknown>();
  const appended = new Set<number>(); // package resolution ids that gain follow-up events
  const rows = (t: string) => pkg.rows.get(t) ?? [];

  const speechMeeting = new Map(rows('speech').map((r) => [r.id, r.meeting_id]));
  const resolutionMeeting = new Map(rows('resolution').map((r) => [r.id, r.meeting_id]));
  const meetingOf = (t: string, r: Row): unknown =>
    t === 'meeting'
      ? r.id
      : 'meeting_id' in r
        ? r.meeting_id
        : 'resolution_id' in r
          ? resolutionMeeting.get(r.resolution_id)
          : speechMeeting.get(r.speech_id ?? r.response_id);
  const note = (t: string, r: Row, kind: 'add' | 'update') => {
    (kind === 'add' ? added : updated)[t] = ((kind === 'add' ? added : updated)[t] ?? 0) + 1;
    const m = meetingOf(t, r);
    if (m !== undefined) (touched.get(m) ?? touched.set(m, new Set()).get(m)!).add(LABEL[t] ?? t);
  };

  const one = <T>(sql: string, ...params: unknown[]) => run.db.prepare(sql).get(...params) as T | undefined;
  const write = (sql: string, params: unknown[]) => {
    try {
      return (run.db as Db).prepare(sql).run(...params);
    } catch (e) {
      // A value this installation's constraints refuse (two package people merged into one participant, a crafted row).
      if ((e as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT'))
        throw refused(`不能导入该会议包：包中的记录与本机已有的记录冲突（${(e as Error).message}），未导入`);
      throw e;
    }
  };

  for (const t of TRAVEL) {
    const map = mapOf(t.name);
    for (const r of rows(t.name)) {
      const values = remapped(t, r, (table, id) => mapOf(table).get(id));
      if (t.name === 'minutes_revision')
        values.doc = remapSpeechIds(String(values.doc), mapOf('speech') as Map<number, number>);
      const local = findLocal(t, values, r);
      if (local !== undefined) {
        if ('id' in r) map.set(r.id, local);
        if (t.mode === 'own' || t.mode === 'keyed') {
          const where = t.mode === 'keyed' ? t.key! : ['id'];
          const current = one<Row>(
            `SELECT * FROM ${quote(t.name)} WHERE ${where.map((c) => `${quote(c)} = ?`).join(' AND ')}`,
            ...(t.mode === 'keyed' ? where.map((c) => values[c]) : [local]),
          )!;
          // A mark id already recorded for another meeting stays that meeting's (as when text is pasted between minutes).
          if (t.name === 'mark' && current.meeting_id !== values.meeting_id) continue;
          const changed = Object.keys(values).filter(
            (c) =>
              c !== 'id' &&
              c !== 'uid' &&
              !where.includes(c) &&
              !t.keepLocal?.includes(c) &&
              !same(values[c], current[c]),
          );
          if (changed.length) {
            note(t.name, r, 'update');
            if (run.apply)
              write(
                `UPDATE ${quote(t.name)} SET ${changed.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${where
                  .map((c) => `${quote(c)} = ?`)
                  .join(' AND ')}`,
                [...changed.map((c) => values[c]), ...(t.mode === 'keyed' ? where.map((c) => values[c]) : [local])],
              );
          }
        }
        continue;
      }
      note(t.name, r, 'add');
      if (t.name === 'meeting') newMeetings.add(r.id);
      if (t.name === 'followup_event') appended.add(r.resolution_id as number);
      if (t.name !== 'mark' && 'id' in values) delete values.id;
      if (!run.apply) {
        if ('id' in r) map.set(r.id, t.name === 'mark' ? String(r.id) : --fake);
        continue;
      }
      const cols = Object.keys(values);
      const result = write(
        `INSERT INTO ${quote(t.name)} (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
        cols.map((c) => values[c]),
      );
      if ('id' in r) map.set(r.id, t.name === 'mark' ? String(r.id) : Number(result.lastInsertRowid));
    }
  }

  /** The receiver's row for a package row, or undefined when it has none (to be added). */
  function findLocal(t: TravelTable, values: Row, r: Row): number | string | undefined {
    if (t.mode === 'keyed') {
      const key = t.key!;
      const hit = one<{ k: number | string }>(
        `SELECT ${key.includes('id') ? 'id' : 'rowid'} AS k FROM ${quote(t.name)} WHERE ${key.map((c) => `${quote(c)} = ?`).join(' AND ')}`,
        ...key.map((c) => values[c]),
      );
      return hit?.k;
    }
    const byUid = one<{ id: number }>(`SELECT id FROM ${quote(t.name)} WHERE uid = ?`, r.uid);
    if (byUid) {
      if (t.name === 'person') people.push(personMatch(r, 'uid', byUid.id, []));
      return byUid.id;
    }
    if (t.name === 'sector' || t.name === 'committee' || t.name === 'department')
      // Unit names are unique in a directory: the same name is the same unit.
      return one<{ id: number }>(`SELECT id FROM ${quote(t.name)} WHERE name = ?`, r.name)?.id;
    if (t.name === 'person') return matchPerson(r);
    return undefined;
  }

  /** A package person the secretary merged into one of this directory before: the same choice stands. */
  function aliasOf(r: Row): number | undefined {
    const raw = one<{ value: string }>('SELECT value FROM setting WHERE key = ?', aliasKey(r.uid))?.value;
    const id = raw === undefined ? undefined : Number(JSON.parse(raw));
    return id !== undefined && one('SELECT 1 FROM person WHERE id = ?', id) ? id : undefined;
  }

  function matchPerson(r: Row): number | undefined {
    const alias = aliasOf(r);
    if (alias !== undefined) {
      people.push(personMatch(r, 'uid', alias, []));
      return alias;
    }
    const candidates = run.db
      .prepare('SELECT id, name, unit FROM person WHERE name = ? AND unit = ? ORDER BY retired_at IS NOT NULL, id')
      .all(r.name, r.unit) as { id: number; name: string; unit: string }[];
    const choice = run.choices.get(String(r.uid));
    if (choice?.action === 'merge') {
      const into =
        choice.intoId === undefined
          ? undefined
          : one<{ id: number }>('SELECT id FROM person WHERE id = ?', choice.intoId);
      if (!into) throw notFound('人员', choice.intoId ?? 0);
      people.push(personMatch(r, candidates.length ? 'name' : 'new', into.id, candidates));
      if (run.apply && aliasOf(r) !== into.id) storeValue(run.ctx!, aliasKey(r.uid), into.id);
      return into.id;
    }
    if (!choice && candidates.length && run.apply)
      throw refused(
        `名录中已有同名同单位的“${String(r.name)}”${r.unit ? `（${String(r.unit)}）` : ''}：请选择合并到已有人员或新增一人，未导入`,
      );
    people.push(personMatch(r, candidates.length ? 'name' : 'new', null, candidates));
    return undefined;
  }

  const speeches = mapOf('speech') as Map<number, number>;
  const meetings = mapOf('meeting') as Map<number, number>;
  for (const m of mergeMinutes(pkg, run, meetings, speeches)) note('minutes', { meeting_id: m.meeting }, m.kind);
  for (const f of mergeFollowUp(pkg, run, mapOf('resolution') as Map<number, number>, appended))
    note('followup', { resolution_id: f.resolution }, f.kind);

  return {
    added,
    updated,
    people,
    meetings: rows('meeting').map((r) => {
      const localId = meetings.get(r.id as number)!;
      const isNew = newMeetings.has(r.id);
      const labels = [...(touched.get(r.id) ?? [])];
      return {
        uid: String(r.uid),
        title: String(r.title),
        startsAt: String(r.starts_at),
        localId: localId > 0 ? localId : null,
        status: isNew ? 'new' : labels.length ? 'differs' : 'identical',
        differs: isNew ? [] : labels,
      };
    }),
  };
}

/** Every reference of a package row replaced by the receiver's id for the row it names. */
function remapped(t: TravelTable, r: Row, local: (table: string, id: unknown) => number | string | undefined): Row {
  const values: Row = { ...r };
  for (const [col, table] of Object.entries(t.refs)) {
    const v = r[col];
    if (v === null || v === undefined) continue;
    const id = local(table, v);
    if (id !== undefined) values[col] = id;
    else if (t.optional?.includes(col)) values[col] = null;
    else
      throw refused(`不能导入该会议包：${LABEL[t.name] ?? t.name}引用的${LABEL[table] ?? table}不在包中（文件不完整）`);
  }
  return values;
}

/**
 * Where a merge is remembered: the package person's uid names the local person it went into, so
 * that the next package of the same people needs no choice (the local person keeps its own uid).
 */
const aliasKey = (uid: unknown) => `package.person.${String(uid)}`;

const personMatch = (
  r: Row,
  match: PersonMatch['match'],
  localId: number | null,
  candidates: PersonMatch['candidates'],
): PersonMatch => ({
  uid: String(r.uid),
  name: String(r.name),
  unit: String(r.unit),
  match,
  localId,
  candidates,
});
