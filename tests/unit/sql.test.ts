import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { all, column, get, run, sql, statement, value } from '../../electron/core/db/sql';

describe('the sql tag', () => {
  it('turns values into parameters, never into text', () => {
    const q = sql`SELECT * FROM t WHERE a = ${"x'); DROP TABLE t; --"} AND b = ${2}`;
    expect(q.text).toBe('SELECT * FROM t WHERE a = ? AND b = ?');
    expect(q.params).toEqual(["x'); DROP TABLE t; --", 2]);
  });

  it('splices nested fragments with their parameters in order', () => {
    const cond = sql`b = ${2} AND c = ${3}`;
    const q = sql`SELECT ${1} AS one FROM t WHERE ${cond} AND d = ${4}`;
    expect(q.text).toBe('SELECT ? AS one FROM t WHERE b = ? AND c = ? AND d = ?');
    expect(q.params).toEqual([1, 2, 3, 4]);
  });

  it('writes arrays as IN lists, and an empty list as one that matches nothing', () => {
    expect(sql`x IN ${['等待', '暂停']}`).toMatchObject({ text: 'x IN (?, ?)', params: ['等待', '暂停'] });
    expect(sql`x IN ${[]}`).toMatchObject({ text: 'x IN (NULL)', params: [] });
  });

  it('joins fragments and takes trusted raw text', () => {
    const q = sql.join([sql`a = ${1}`, sql`b = ${2}`], ' AND ');
    expect(q).toMatchObject({ text: 'a = ? AND b = ?', params: [1, 2] });
    expect(sql`SELECT ${sql.raw('count(*)')} FROM t`.text).toBe('SELECT count(*) FROM t');
  });
});

describe('running fragments', () => {
  const open = () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, state TEXT)');
    return db;
  };

  it('reads and writes through the cached statements', () => {
    const db = open();
    run(db, sql`INSERT INTO t (state) VALUES (${'等待'}), (${'暂停'}), (${'撤回'})`);
    expect(all(db, sql`SELECT id, state FROM t WHERE state IN ${['等待', '撤回']} ORDER BY id`)).toEqual([
      { id: 1, state: '等待' },
      { id: 3, state: '撤回' },
    ]);
    expect(get(db, sql`SELECT state FROM t WHERE id = ${2}`)).toEqual({ state: '暂停' });
    expect(column(db, sql`SELECT id FROM t WHERE state IN ${[]}`)).toEqual([]);
    expect(value(db, sql`SELECT count(*) FROM t`)).toBe(3);
    // The same text after a plucked read answers whole rows again.
    expect(all(db, sql`SELECT count(*) FROM t`)).toEqual([{ 'count(*)': 3 }]);
  });

  it('prepares a text once per connection, and again on another connection', () => {
    const a = open();
    const b = open();
    const text = 'SELECT count(*) FROM t';
    expect(statement(a, text)).toBe(statement(a, text));
    expect(statement(b, text)).not.toBe(statement(a, text));
    a.close();
    // A restore swaps the connection: the new one answers with its own statements.
    run(b, sql`INSERT INTO t (state) VALUES (${'等待'})`);
    expect(value(b, sql`SELECT count(*) FROM t`)).toBe(1);
  });
});
