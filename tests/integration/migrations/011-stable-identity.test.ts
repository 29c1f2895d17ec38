import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { UID_TABLES_011 } from '../../../electron/core/db/migrations/011-stable-identity';
import type { Db } from '../../../electron/core/db/open';
import { heldMeeting } from '../../support/meetingScenario';
import { pairedDevice } from '../../support/lanDevice';
import { chosen, ok, tempCore } from '../../support/tempCore';
import { isoNow, migrateWithData, openAt, useTempFiles } from './kit';

const tempFile = useTempFiles();
const cores: ReturnType<typeof tempCore>[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.dispose();
});

/** A UUID version 7 as migration 011 makes them: lower-case, the version and the variant in place. */
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The milliseconds a version 7 uid was made at. */
const uidTime = (uid: string) => parseInt(uid.replaceAll('-', '').slice(0, 12), 16);

/** Two rows in every table that gets a uid (and what they reference), written as version 10 wrote them. */
function seedVersion10(db: Db): void {
  const now = isoNow();
  db.exec(`
    INSERT INTO sector (name, created_at, updated_at) VALUES ('经济界', '${now}', '${now}'), ('教育界', '${now}', '${now}');
    INSERT INTO committee (name, created_at, updated_at) VALUES ('社会和法制委员会', '${now}', '${now}'), ('经济委员会', '${now}', '${now}');
    INSERT INTO department (name, created_at, updated_at) VALUES ('市城管局', '${now}', '${now}'), ('市文旅局', '${now}', '${now}');
    INSERT INTO person (name, kind, sector_id, department_id, created_at, updated_at)
      VALUES ('李娟', '委员', 1, NULL, '${now}', '${now}'), ('王振华', '部门代表', NULL, 1, '${now}', '${now}');
    INSERT INTO topic (title, description, source, received_on, year, committee_id, created_at, updated_at)
      VALUES ('中央大街景区公厕不足', '游客反映', '热线', '2026-01-01', 2026, 1, '${now}', '${now}'),
             ('背街小巷路灯', '居民反映', '热线', '2026-01-02', 2026, 2, '${now}', '${now}');
    INSERT INTO topic_event (topic_id, seq, decision, step, decided_on, created_at)
      VALUES (1, 1, '通过', 1, '2026-01-03', '${now}'), (1, 2, '通过', 2, '2026-01-04', '${now}');
    INSERT INTO meeting (topic_id, form, title, year, issue_no, starts_at, chair_id, created_at, updated_at)
      VALUES (1, '冰城商量', '景区公厕', 2026, 1, '2026-05-14T09:00', 1, '${now}', '${now}'),
             (NULL, '冰城商量', '路灯', 2026, 2, '2026-06-14T09:00', NULL, '${now}', '${now}');
    INSERT INTO meeting_status_log (meeting_id, from_status, to_status, at)
      VALUES (1, '筹备中', '进行中', '${now}'), (1, '进行中', '已结束', '${now}');
    INSERT INTO participant (meeting_id, person_id, role) VALUES (1, 1, '委员'), (1, 2, '部门代表');
    INSERT INTO agenda_item (meeting_id, position, title, planned_minutes) VALUES (1, 1, '通报', 10), (1, 2, '发言', 60);
    INSERT INTO speech (meeting_id, person_id, kind, agenda_item_id, position, state, limit_seconds, created_at)
      VALUES (1, 1, '预约发言', 2, 1, '已结束', 480, '${now}'), (1, 2, '部门回应', 2, 2, '已结束', 480, '${now}');
    INSERT INTO speech_answer (response_id, speech_id) VALUES (2, 1);
    INSERT INTO speech_interval (speech_id, started_at, stopped_at)
      VALUES (1, '${now}', '${now}'), (2, '${now}', '${now}');
    INSERT INTO minutes_revision (meeting_id, version, reason, doc, plain, chars, created_at)
      VALUES (1, 3, '定时', '{}', '增设指引牌', 5, '${now}'), (1, 9, '会议结束', '{}', '增设指引牌。', 6, '${now}');
    INSERT INTO lan_session (meeting_id, addresses, port, started_at) VALUES (1, '["192.168.1.5"]', 8123, '${now}'),
      (1, '["192.168.1.5"]', 8124, '${now}');
    INSERT INTO lan_device (meeting_id, role, name, token_hash, participant_id, paired_at, last_seen_at)
      VALUES (1, 'participant', '李娟的手机', 'hash-1', 1, '${now}', '${now}'), (1, 'chair', '主持人平板', 'hash-2', NULL, '${now}', '${now}');
    INSERT INTO speak_request (meeting_id, participant_id, device_id, kind, state, created_at, speech_id)
      VALUES (1, 1, 1, '即席发言', '已接受', '${now}', 1), (1, 1, 1, '即席发言', '待处理', '${now}', NULL);
    INSERT INTO written_opinion (meeting_id, participant_id, device_id, text, mark_id, created_at)
      VALUES (1, 1, 1, '建议增设路灯。', 'jy-aaaaaaaa-0001', '${now}'), (1, 1, 1, '建议延长开放时间。', 'jy-aaaaaaaa-0002', '${now}');
    INSERT INTO device_event (meeting_id, device_id, role, action, at) VALUES (1, 1, 'participant', '配对', '${now}'),
      (1, 2, 'chair', '配对', '${now}');
    INSERT INTO resolution (meeting_id, position, text, lead_department_id, created_at, updated_at)
      VALUES (1, 1, '增设指引牌', 1, '${now}', '${now}'), (1, 2, '延长开放时间', 2, '${now}', '${now}');
    INSERT INTO resolution_co (resolution_id, department_id, ord) VALUES (1, 2, 0);
    INSERT INTO followup_event (resolution_id, action, date, by, note, created_at)
      VALUES (1, '交办', '2026-06-01', '政协办公厅', '', '${now}'), (1, '答复', '2026-06-20', '市城管局', '已增设', '${now}');
    INSERT INTO resolution_confirmation (meeting_id, confirmed_by, confirmed_at) VALUES (1, '李娟', '${now}');
    INSERT INTO meeting_summary (meeting_id, body, updated_at) VALUES (1, '会议认为，', '${now}');
  `);
}

/** Every table's rows (the search index by its text), in row order: what the app holds apart from the uids. */
function contents(db: Db, { withoutUid }: { withoutUid: boolean }): Record<string, unknown[]> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%' AND name <> 'sqlite_sequence' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const out: Record<string, unknown[]> = {
    search_index: db.prepare('SELECT rowid, * FROM search_index ORDER BY rowid').all(),
  };
  for (const t of tables)
    out[t] = (db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[]).map((row) => {
      if (!withoutUid) return row;
      const { uid: _uid, ...rest } = row;
      return rest;
    });
  return out;
}

/** The uids of every table that has them, by table, in row order. */
const uidsOf = (db: Db) =>
  Object.fromEntries(
    UID_TABLES_011.map((t) => [
      t,
      db.prepare(`SELECT uid FROM ${t} ORDER BY rowid`).pluck().all() as (string | null)[],
    ]),
  );

/** Every row of every table that travels has a uid of its own, well formed (and, unless told, each table has rows). */
function expectDistinctUids(db: Db, { someEmpty = false } = {}): string[] {
  const all: string[] = [];
  for (const [table, uids] of Object.entries(uidsOf(db))) {
    if (!someEmpty) expect(uids.length, `${table} 没有数据`).toBeGreaterThan(0);
    for (const uid of uids) expect(uid, `${table} 的 uid`).toMatch(UUID_V7);
    all.push(...(uids as string[]));
  }
  expect(new Set(all).size).toBe(all.length);
  return all;
}

describe('migration 011 (stable identity), from version 10 with data in it', () => {
  it('gives every row that travels a distinct version 7 uid and changes nothing else', () => {
    const file = tempFile();
    let before: Record<string, unknown[]> = {};
    const t0 = Date.now();
    const v11 = migrateWithData(file, 11, (v10) => {
      seedVersion10(v10);
      before = contents(v10, { withoutUid: false });
    });
    const uids = expectDistinctUids(v11);
    expect(uids.length).toBe(UID_TABLES_011.length * 2);
    // Made now, from the clock of the migration.
    for (const uid of uids) expect(Math.abs(uidTime(uid) - t0)).toBeLessThan(60_000);
    expect(contents(v11, { withoutUid: true })).toEqual(before);
    v11.close();
  });

  it('gives each new row a uid, keeps one given, and refuses a duplicate or a malformed one', () => {
    const now = isoNow();
    const v11 = migrateWithData(tempFile(), 11, seedVersion10);
    const given = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
    for (const t of ['person', 'meeting'] as const) {
      const insert = (uid: string | null) =>
        t === 'person'
          ? v11
              .prepare("INSERT INTO person (name, kind, uid, created_at, updated_at) VALUES ('赵敏', '委员', ?, ?, ?)")
              .run(uid, now, now)
          : v11
              .prepare(
                "INSERT INTO meeting (form, title, year, issue_no, starts_at, uid, created_at, updated_at) VALUES ('冰城商量', '新会', 2026, 3, '2026-07-01T09:00', ?, ?, ?)",
              )
              .run(uid, now, now);
      const made = insert(null).lastInsertRowid;
      expect(v11.prepare(`SELECT uid FROM ${t} WHERE id = ?`).pluck().get(made)).toMatch(UUID_V7);
      const kept = insert(given).lastInsertRowid;
      expect(v11.prepare(`SELECT uid FROM ${t} WHERE id = ?`).pluck().get(kept)).toBe(given);
      expect(() => insert(given)).toThrow(/UNIQUE/);
      expect(() => insert('not-a-uuid')).toThrow(/CHECK/);
      expect(() => insert(given.toUpperCase())).toThrow(/CHECK/);
    }
    v11.close();
  });

  it('keeps the decision and follow-up histories append-only, a new row getting its uid', () => {
    const now = isoNow();
    const v11 = migrateWithData(tempFile(), 11, seedVersion10);
    const other = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
    v11
      .prepare(
        "INSERT INTO topic_event (topic_id, seq, decision, step, decided_on, created_at) VALUES (1, 3, '通过', 3, '2026-01-05', ?)",
      )
      .run(now);
    v11
      .prepare(
        "INSERT INTO followup_event (resolution_id, action, date, by, note, created_at) VALUES (2, '交办', '2026-06-01', '政协办公厅', '', ?)",
      )
      .run(now);
    for (const t of ['topic_event', 'followup_event'] as const) {
      const before = v11.prepare(`SELECT * FROM ${t} ORDER BY id`).all();
      expect(before.length).toBe(3);
      for (const row of before as { uid: string }[]) expect(row.uid).toMatch(UUID_V7);
      for (const change of [
        `UPDATE ${t} SET note = '改过'`,
        `UPDATE ${t} SET note = '改过' WHERE id = 3`,
        `UPDATE ${t} SET uid = '${other}' WHERE id = 1`,
        `UPDATE ${t} SET uid = NULL WHERE id = 1`,
        `UPDATE ${t} SET uid = uid`,
        `DELETE FROM ${t} WHERE id = 3`,
      ])
        expect(() => v11.exec(change), change).toThrow('只能追加');
      expect(v11.prepare(`SELECT * FROM ${t} ORDER BY id`).all()).toEqual(before);
    }
    v11.close();
  });

  it('indexes a new topic for search once, and again when its text changes', () => {
    const now = isoNow();
    const v11 = migrateWithData(tempFile(), 11, seedVersion10);
    v11
      .prepare(
        "INSERT INTO topic (title, description, source, received_on, year, created_at, updated_at) VALUES ('松花江沿岸步道照明', '', '热线', '2026-03-01', 2026, ?, ?)",
      )
      .run(now, now);
    const find = (q: string) =>
      v11.prepare('SELECT kind, ref_id FROM search_index WHERE search_index MATCH ?').all(`"${q}"`);
    expect(find('沿岸步道')).toEqual([{ kind: 'topic', ref_id: 3 }]);
    v11.prepare("UPDATE topic SET title = '松花江沿岸夜景照明' WHERE id = 3").run();
    expect(find('沿岸步道')).toEqual([]);
    expect(find('沿岸夜景')).toEqual([{ kind: 'topic', ref_id: 3 }]);
    v11.close();
  });
});

describe('stable identity in the running app', () => {
  it("gives every row the app's own calls write a distinct uid", async () => {
    const core = tempCore();
    cores.push(core);
    ok(await core.invoke('app.loadDemo', {}));
    const room = await heldMeeting(core, { speeches: 3, minutesChars: 800, resolutions: 2, marks: 3 });
    const resolutionId = room.list.items[0].id;
    ok(
      await core.invoke('followup.act', {
        resolutionId,
        action: '交办',
        date: '2026-06-01',
        by: '政协办公厅',
        note: '',
      }),
    );
    // The room's tables: a phone pairs, signs in, asks to speak and hands in an opinion.
    const live = await heldMeeting(core, {
      speeches: 1,
      minutesChars: 100,
      resolutions: 0,
      confirm: false,
      title: '会场',
    });
    // A speaker on the floor and back: the timings.
    ok(await core.invoke('meeting.setStatus', { id: live.meetingId, status: '进行中' }));
    ok(await core.invoke('queue.start', { id: live.sections[0].speechId }));
    ok(await core.invoke('queue.end', { id: live.sections[0].speechId }));
    ok(await core.invoke('lan.start', { meetingId: live.meetingId }));
    const phone = await pairedDevice(core, 'participant');
    const p = ok(await core.invoke('meeting.get', { id: live.meetingId })).participants[0];
    ok(await core.invoke('participant.update', { id: p.id, attendance: '未签到' }));
    ok(await core.call('device.checkIn', { participantId: p.id }, phone.caller));
    ok(await core.call('device.requestSpeech', { kind: '即席发言' }, phone.caller));
    ok(await core.call('device.handInOpinion', { text: '建议增设路灯。' }, phone.caller));
    ok(await core.invoke('lan.stop', {}));
    expectDistinctUids(core.db);
  });
});

describe('stable identity through backups', () => {
  it('a version-10 backup restores, its rows getting their uids', async () => {
    const core = tempCore();
    cores.push(core);
    const old = join(core.dir, '第十版的备份.db');
    const v10 = openAt(old, 10);
    seedVersion10(v10);
    const before = contents(v10, { withoutUid: false });
    v10.close();
    expect(ok(await core.invoke('backup.restore', chosen(core, old))).meetings).toBe(2);
    expect(core.db.pragma('user_version', { simple: true })).toBe(11);
    expectDistinctUids(core.db);
    // The restore marks the file it made as a new one (a setting of its own); the rest is the backup's.
    const { setting: _setting, ...restored } = contents(core.db, { withoutUid: true });
    expect(restored).toEqual({ ...before, setting: undefined });
  });

  it('a backup brings every uid back as it was; a row without one gets one', async () => {
    const core = tempCore();
    cores.push(core);
    ok(await core.invoke('app.loadDemo', {}));
    await heldMeeting(core, { speeches: 2, minutesChars: 400, resolutions: 1, marks: 2 });
    const file = join(core.dir, '会后备份.db');
    ok(await core.backupTo(file));
    const uids = uidsOf(core.db);
    await heldMeeting(core, {
      title: '备份之后的会议',
      speeches: 1,
      minutesChars: 100,
      resolutions: 0,
      confirm: false,
    });
    ok(await core.invoke('backup.restore', chosen(core, file)));
    expect(uidsOf(core.db)).toEqual(uids);

    // A file whose rows lack a uid (no release writes one: its trigger fills every insert) still restores whole.
    const bare = join(core.dir, '缺标识的备份.db');
    ok(await core.backupTo(bare));
    const raw = new Database(bare);
    raw.exec('UPDATE meeting SET uid = NULL; UPDATE person SET uid = NULL WHERE id = 1');
    raw.close();
    ok(await core.invoke('backup.restore', chosen(core, bare)));
    const after = uidsOf(core.db);
    expectDistinctUids(core.db, { someEmpty: true });
    for (const table of UID_TABLES_011.filter((t) => t !== 'meeting' && t !== 'person'))
      expect(after[table]).toEqual(uids[table]);
    expect(after.person.slice(1)).toEqual(uids.person.slice(1));
    expect(after.person[0]).not.toBe(uids.person[0]);
  });
});
