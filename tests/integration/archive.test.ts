import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../electron/core/generate/archive';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../shared/contract/archive';
import { writeMinutesDoc } from '../support/minutesClient';
import { heldMeeting } from '../support/meetingScenario';
import { ok, tempCore } from '../support/tempCore';

/** One search box across topics, meetings, minutes and resolutions; Chinese substrings of any length. */
let core: ReturnType<typeof tempCore>;
let live: number;
const search = (q: string, extra: Record<string, unknown> = {}) => core.invoke('archive.search', { q, ...extra });

beforeAll(async () => {
  core = tempCore();
  ok(await core.invoke('app.loadDemo', {}));
  generateArchive(core.ctx, { meetings: 12, minutesChars: 3000, speeches: 6, resolutions: 3 });
  live = (await heldMeeting(core, { title: '松花江冰雪大世界交通疏导', resolutions: 2 })).meetingId;
});
afterAll(() => core.dispose());

describe('the generated archive', () => {
  it('gives its speeches real durations, so the records show speaking time', async () => {
    const list = ok(await core.invoke('records.list', { year: 2022 }));
    const speakers = list.rows.filter((r) => r.speeches > 0);
    expect(speakers.length).toBeGreaterThan(0);
    for (const r of speakers) expect(r.speakingSeconds, r.name).toBeGreaterThanOrEqual(180 * r.speeches);
  });
});

describe('archive search', () => {
  it('finds a meeting by a phrase from its minutes, the match highlighted in the excerpt', async () => {
    const minutes = ok(await core.invoke('minutes.get', { meetingId: live }));
    await writeMinutesDoc(
      core,
      live,
      minutes.doc!.replace('"text":"会议记录"', '"text":"会议记录：冰灯游园会排队时间过长"'),
    );
    // Typed a moment ago, not yet indexed at meeting end: found all the same.
    const r = ok(await search('冰灯游园会排队'));
    const hit = r.hits.find((h) => h.kind === 'minutes')!;
    expect(hit).toMatchObject({ meetingId: live, title: '松花江冰雪大世界交通疏导' });
    expect(hit.excerpt).toContain(`${HIGHLIGHT_OPEN}冰灯游园会排队${HIGHLIGHT_CLOSE}`);
  });

  it('finds one- and two-character queries, which the trigram index cannot, by a scan of the same text', async () => {
    const two = ok(await search('公厕'));
    expect(two.hits.length).toBeGreaterThan(0);
    for (const h of two.hits) expect(h.excerpt).toContain(`${HIGHLIGHT_OPEN}公厕${HIGHLIGHT_CLOSE}`);
    const one = ok(await search('厕', { kinds: ['topic'] }));
    expect(one.hits.map((h) => h.title)).toContain('中央大街景区公厕（第3次协商）');
    expect(ok(await search('厕所革命不存在的词'))).toMatchObject({ hits: [], total: 0 });
  });

  it('searches topics, meetings and resolutions too, and filters by year, form, status and department', async () => {
    const kinds = new Set(ok(await search('老旧小区加装电梯')).hits.map((h) => h.kind));
    // The resolutions carry their meeting's title: found by it too.
    expect(kinds).toEqual(new Set(['topic', 'meeting', 'minutes', 'resolution']));
    const byYear = ok(await search('协商', { year: 2022 })).hits;
    expect(byYear.length).toBeGreaterThan(0);
    expect(byYear.every((h) => h.year === 2022)).toBe(true);
    const form = ok(await search('协商', { form: '对口协商', kinds: ['meeting'] })).hits;
    expect(form.length).toBeGreaterThan(0);
    expect(form.every((h) => h.form === '对口协商')).toBe(true);
    const resolutions = ok(await search('责任', { kinds: ['resolution'] })).hits;
    expect(resolutions.length).toBeGreaterThan(0);
    const department = resolutions[0].department;
    const byDepartment = ok(await search('责任', { kinds: ['resolution'], department })).hits;
    expect(byDepartment.every((h) => h.department === department)).toBe(true);
    const status = resolutions[0].status;
    expect(ok(await search('责任', { kinds: ['resolution'], status })).hits.every((h) => h.status === status)).toBe(
      true,
    );
  });

  it('follows changes: a follow-up step changes a resolution’s status in the index', async () => {
    const list = ok(await core.invoke('resolution.list', { meetingId: live }));
    const r = list.items[0];
    ok(
      await core.invoke('followup.act', {
        resolutionId: r.id,
        action: '交办',
        date: '2026-06-01',
        by: '办公厅',
        note: '',
      }),
    );
    const hit = ok(await search(r.text.slice(0, 8), { kinds: ['resolution'] })).hits.find((h) => h.refId === r.id)!;
    expect(hit.status).toBe('已交办');
  });

  it('treats the query as text, never as search syntax', async () => {
    for (const q of ['"公厕', 'AND OR NOT', '公厕*', 'NEAR(公厕 指引)', "%'_\\"])
      expect((await search(q)).ok, q).toBe(true);
  });
});
