import { migration001 } from './001-directory';
import { migration002 } from './002-topics';
import { migration003 } from './003-meetings';
import { migration004 } from './004-minutes';
import { migration005 } from './005-resolutions';
import { migration006 } from './006-followup';
import { migration007 } from './007-search';
import { migration008 } from './008-minutes-yjs';
import { migration009 } from './009-lan';
import { migration010 } from './010-documents-practice';
import { migration011 } from './011-stable-identity';
import type { Migration } from './types';

/**
 * All migrations in order. Append only: a released migration is never edited (its hash is kept in
 * tests/integration/migrations/released.json, and the schema it leaves in schema.sql beside it).
 */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
];

export const latestVersion = migrations[migrations.length - 1].version;
