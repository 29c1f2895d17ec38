import { z } from 'zod';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { rowMapper, type DbRow } from '../../electron/core/db/rows';

const Item = z.object({
  id: z.number(),
  issueNo: z.number().nullable(),
  title: z.string(),
  clean: z.boolean(),
  pinned: z.boolean().optional(),
  retired: z.boolean(),
  speakers: z.array(z.string()),
});

describe('the row mapper from an entity schema', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE item (id INTEGER PRIMARY KEY, issue_no INTEGER, title TEXT, clean INTEGER, pinned INTEGER,
                              retired_at TEXT, speakers TEXT);
           INSERT INTO item VALUES (1, 7, '议题', 1, NULL, NULL, '["甲","乙"]'), (2, NULL, '另一', 0, 0, '2026-01-01', '[]')`);
  const toItem = rowMapper(Item, {
    retired: (r) => r.retired_at !== null,
    speakers: (r) => JSON.parse(r.speakers as string) as string[],
  });

  it('reads each field from its snake_case column, booleans from 0/1, the rest from `derived`', () => {
    const rows = db.prepare('SELECT * FROM item ORDER BY id').all() as DbRow[];
    expect(rows.map(toItem)).toEqual([
      { id: 1, issueNo: 7, title: '议题', clean: true, pinned: undefined, retired: false, speakers: ['甲', '乙'] },
      { id: 2, issueNo: null, title: '另一', clean: false, pinned: false, retired: true, speakers: [] },
    ]);
  });

  it('gives exactly the schema, which the contract then accepts', () => {
    for (const row of db.prepare('SELECT * FROM item').all() as DbRow[]) {
      expect(Object.keys(toItem(row))).toEqual(Object.keys(Item.shape));
      expect(Item.safeParse(toItem(row)).success).toBe(true);
    }
  });
});
