import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateMinutesDoc } from '../../electron/core/generate/minutesText';
import { DATA_FILE_NAME } from '../../electron/core';
import { api, apiValue, startServe, type Served } from '../e2e/support/serve';

/**
 * The serve process is killed (SIGKILL: no handler runs, as in a crash or a power cut) while
 * minutes are being saved, 50 times. Each time the file opens, integrity_check is ok, and the
 * stored minutes are the last save the client saw acknowledged, or the one after it that was
 * committed but whose answer never arrived: never a torn or older text.
 */
const ROUNDS = 50;
const dataDir = mkdtempSync(join(tmpdir(), 'bcsl-kill-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const sections = Array.from({ length: 40 }, (_, i) => ({
  speechId: 900_000 + i,
  name: `发言人${i + 1}`,
  affiliation: '界别',
  kind: '预约发言',
  time: '09:00',
}));
const base = generateMinutesDoc({ sections, chars: 60_000, marks: 30, seed: 7 });
/** Each save differs from the one before in a way the test can recognise. */
const docFor = (round: number, n: number) =>
  base.replace('"text":"会议记录"', `"text":"会议记录 第${round}轮 第${n}次保存"`);

describe('killing the process while minutes are saved', () => {
  it(`${ROUNDS} times: the file opens, integrity ok, the last completed save intact`, async () => {
    let meetingId = 0;
    let acked = { version: 0, doc: '' };
    const sent = new Map<number, string>();
    for (let round = 1; round <= ROUNDS; round++) {
      const served: Served = await startServe({ dataDir, demo: round === 1 });
      if (round === 1) {
        meetingId = (
          await apiValue<{ id: number }>(served, 'meeting.create', {
            topicId: null,
            form: '冰城商量',
            title: '断电测试',
            startsAt: '2026-05-14T09:00',
          })
        ).id;
      }
      // Saves back to back, the way a fast typist keeps the editor saving, until the kill.
      let stop = false;
      const writer = (async () => {
        for (let n = 1; !stop; n++) {
          const doc = docFor(round, n);
          sent.set(acked.version + 1, doc);
          const r = await api<{ version: number }>(served, 'minutes.save', {
            meetingId,
            doc,
            baseVersion: acked.version,
          }).catch(() => null);
          if (!r) return; // the connection died with the process
          if (!r.ok) throw new Error(r.error.message);
          acked = { version: r.value.version, doc };
        }
      })();
      await new Promise((r) => setTimeout(r, 80 + ((round * 37) % 240)));
      await served.crash();
      stop = true;
      await writer;

      const db = new Database(join(dataDir, DATA_FILE_NAME));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const row = db.prepare('SELECT version, doc FROM minutes WHERE meeting_id = ?').get(meetingId) as
          { version: number; doc: string } | undefined;
        if (acked.version === 0) {
          if (row) expect(row.doc).toBe(sent.get(row.version));
        } else {
          expect(row, `第 ${round} 轮：已确认的保存不见了`).toBeDefined();
          expect([acked.version, acked.version + 1]).toContain(row!.version);
          expect(row!.doc).toBe(row!.version === acked.version ? acked.doc : sent.get(row!.version));
        }
        if (row) acked = { version: row.version, doc: row.doc };
      } finally {
        db.close();
      }
    }
    expect(acked.version).toBeGreaterThan(ROUNDS);
  }, 600_000);
});
