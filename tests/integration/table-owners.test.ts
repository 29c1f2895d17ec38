import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableOwners } from '../../electron/core/data/owners';
import { callNames, contract } from '../../shared/contract';
import { heldMeeting } from '../support/meetingScenario';
import { pairedDevice } from '../support/lanDevice';
import { logStatements, type LoggedStatement } from '../support/statementLog';
import { ok, tempCore } from '../support/tempCore';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const WRITE = /^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"?(\w+)/i;

/**
 * Every call's example (and a whole held meeting) on a core whose statements are logged as they
 * run: each table listed in the owner map is written by its owner module only.
 */
describe('one owner per table', () => {
  const core = tempCore();
  const writers = new Map<string, Set<string>>();
  const log: LoggedStatement[] = [];
  const unlog = logStatements(() => log, { caller: true });

  beforeAll(async () => {
    ok(await core.invoke('app.loadDemo', {}));
    await heldMeeting(core, { speeches: 4, minutesChars: 800, resolutions: 2, marks: 3 });
    ok(await core.invoke('topic.create', contract['topic.create'].example));
    ok(await core.invoke('meeting.create', contract['meeting.create'].example));
    ok(await core.invoke('queue.add', contract['queue.add'].example));
    ok(await core.invoke('queue.add', { meetingId: 1, personId: 2, kind: '部门回应' }));
    // resolution.remove's example deletes resolution 1 before followup.act's comes: follow the held meeting's second.
    ok(await core.invoke('followup.act', { ...contract['followup.act'].example, resolutionId: 2 }));
    // Examples may be refused (a state that does not allow them): their writes still count.
    for (const name of callNames) await core.call(name, contract[name].example);
    // The room's tables: a phone pairs, signs in, asks to speak and hands in an opinion.
    const room = await heldMeeting(core, {
      speeches: 1,
      minutesChars: 100,
      resolutions: 0,
      confirm: false,
      title: '会场',
    });
    ok(await core.invoke('lan.start', { meetingId: room.meetingId }));
    const phone = await pairedDevice(core, 'participant');
    const p = ok(await core.invoke('meeting.get', { id: room.meetingId })).participants[0];
    ok(await core.invoke('participant.update', { id: p.id, attendance: '未签到' }));
    ok(await core.call('device.checkIn', { participantId: p.id }, phone.caller));
    ok(await core.call('device.requestSpeech', { kind: '即席发言' }, phone.caller));
    ok(await core.call('device.handInOpinion', { text: '建议增设路灯。' }, phone.caller));
    ok(await core.invoke('lan.stop', {}));
    for (const s of log) {
      const table = WRITE.exec(s.sql)?.[1];
      if (table) writers.set(table, (writers.get(table) ?? new Set<string>()).add(s.caller!));
    }
  });
  afterAll(() => {
    if (process.env.OWNERS_DUMP)
      console.log(JSON.stringify(Object.fromEntries([...writers].map(([t, w]) => [t, [...w]])), null, 1));
    unlog();
    core.dispose();
  });

  it('sees writes to every owned table', () => {
    for (const table of Object.keys(tableOwners)) expect(writers.has(table), `${table} 未被写入`).toBe(true);
  });

  for (const [table, owner] of Object.entries(tableOwners)) {
    it(`${table} is written by ${owner} only`, () => {
      expect([...(writers.get(table) ?? [])]).toEqual([owner]);
    });
  }
});

/** The code paths no example reaches (the archive generator): no write to an owned table outside its owner's file. */
describe('one owner per table, in the source', () => {
  const files = readdirSync(join(root, 'electron/core'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.startsWith('db/migrations'))
    .map((f) => `electron/core/${f}`);
  for (const [table, owner] of Object.entries(tableOwners)) {
    it(`only ${owner} names ${table} in a write`, () => {
      const write = new RegExp(`\\b(?:INSERT\\s+(?:OR\\s+\\w+\\s+)?INTO|UPDATE|DELETE\\s+FROM)\\s+"?${table}\\b`, 'i');
      const writers = files.filter((f) => write.test(readFileSync(join(root, f), 'utf8')));
      expect(writers).toEqual([owner]);
    });
  }
});
