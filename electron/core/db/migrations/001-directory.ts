import type { Migration } from './types';

// Sectors, committees and departments share one shape; they stay separate tables so that a
// person's sector_id can only point at a sector.
const unitTable = (name: string) => `
  CREATE TABLE ${name} (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    short_name TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    sort INTEGER NOT NULL DEFAULT 0,
    retired_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;`;

export const migration001: Migration = {
  version: 1,
  name: '基础信息（界别、专委会、部门、人员）与设置',
  up(db) {
    db.exec(`
      ${unitTable('sector')}
      ${unitTable('committee')}
      ${unitTable('department')}

      CREATE TABLE person (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        sector_id INTEGER REFERENCES sector(id),
        committee_id INTEGER REFERENCES committee(id),
        department_id INTEGER REFERENCES department(id),
        unit TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        pinyin TEXT NOT NULL DEFAULT '',
        retired_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX person_sector ON person(sector_id);
      CREATE INDEX person_committee ON person(committee_id);
      CREATE INDEX person_department ON person(department_id);
      CREATE INDEX person_pinyin ON person(pinyin);

      CREATE TABLE sector_convenor (
        sector_id INTEGER NOT NULL REFERENCES sector(id),
        person_id INTEGER NOT NULL REFERENCES person(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (sector_id, person_id)
      ) STRICT;

      -- One row per setting, the value as JSON: settings added later get their defaults.
      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
