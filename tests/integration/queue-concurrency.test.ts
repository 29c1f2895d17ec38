import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { startServer } from '../../electron/serve/server';
import type { Speech } from '../../shared/contract/meetings';

/**
 * Two windows drive one queue at once over HTTP, 1,000 operations interleaved: every answer and
 * the final queue keep positions 1..n without gaps and at most one speaker on the floor.
 */
const dir = mkdtempSync(join(tmpdir(), 'bcsl-race-'));
let core: Core;
let base: string;
let close: () => void;
const token = 'race-token';

beforeAll(async () => {
  mkdirSync(join(dir, 'static'));
  core = createCore({ dataDir: join(dir, 'data') });
  const started = await startServer({ core, token, staticDir: join(dir, 'static'), port: 0 });
  base = `http://127.0.0.1:${started.port}`;
  close = () => started.server.close();
});
afterAll(() => {
  close();
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(
  name: string,
  input: unknown,
): Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }> {
  const res = await fetch(`${base}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bcsl-token': token },
    body: JSON.stringify(input),
  });
  return res.json();
}

function check(entries: Speech[]) {
  expect(entries.map((e) => e.position)).toEqual(entries.map((_, i) => i + 1));
  expect(entries.filter((e) => e.state === '发言中' || e.state === '暂停').length).toBeLessThanOrEqual(1);
}

describe('two clients, one queue', () => {
  it('1,000 interleaved operations end with a gapless order and at most one speaker', async () => {
    await call('app.loadDemo', {});
    const meeting = await call<{ id: number }>('meeting.create', {
      topicId: null,
      form: '冰城商量',
      title: '并发',
      startsAt: '2026-05-14T09:00',
    });
    if (!meeting.ok) throw new Error(meeting.error.message);
    const meetingId = meeting.value.id;
    const people = await call<{ id: number }[]>('person.list', {});
    if (!people.ok) throw new Error('名录读取失败');
    const kinds = ['预约发言', '即席发言', '部门回应', '专家点评', '群众评议', '情况通报'];

    // A small seeded generator: the same run every time, still a thorough mix.
    const client = async (seed: number) => {
      let s = seed;
      const rand = (n: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % n);
      let seen: Speech[] = [];
      let refused = 0;
      for (let i = 0; i < 500; i++) {
        const pick = seen.length ? seen[rand(seen.length)] : undefined;
        const op = rand(10);
        const [name, input] =
          op < 3 || !pick
            ? [
                'queue.add',
                { meetingId, personId: people.value[rand(people.value.length)].id, kind: kinds[rand(kinds.length)] },
              ]
            : op === 3
              ? ['queue.move', { id: pick.id, toIndex: rand(20) }]
              : op === 4
                ? ['queue.moveToTop', { id: pick.id }]
                : op === 5
                  ? ['queue.start', { id: pick.id }]
                  : op === 6
                    ? ['queue.next', { meetingId }]
                    : op === 7
                      ? [rand(2) ? 'queue.pause' : 'queue.resume', { id: pick.id }]
                      : op === 8
                        ? ['queue.end', { id: pick.id }]
                        : ['queue.withdraw', { id: pick.id }];
        const r = await call<{ entries: Speech[] }>(name, input);
        if (r.ok) {
          check(r.value.entries);
          seen = r.value.entries;
        } else {
          expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
          refused++;
        }
      }
      return refused;
    };
    const refusals = await Promise.all([client(7), client(99)]);
    const final = await call<{ entries: Speech[] }>('queue.get', { meetingId });
    if (!final.ok) throw new Error(final.error.message);
    check(final.value.entries);
    expect(final.value.entries.length).toBeGreaterThan(100);
    // Most operations were valid against a queue the other client kept changing.
    expect(refusals[0] + refusals[1]).toBeLessThan(700);
  });
});
