import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../electron/core/generate/archive';
import type { CallName } from '../../shared/contract';
import { logStatements, queryPlan, type LoggedStatement } from '../support/statementLog';
import { ok, tempCore } from '../support/tempCore';

/**
 * The plans SQLite chooses for the calls that grow with the archive: the search box, the queue
 * the console re-reads after every key, and the members' records report. Each call runs on a
 * generated archive with its statements logged; each statement is put through `EXPLAIN QUERY
 * PLAN` again with the same arguments. The core never runs ANALYZE, so the planner decides from
 * the schema alone and these plans are the ones every data file gets.
 *
 * What is asserted: the intended index or the FTS5 index answers each lookup (`SEARCH … USING
 * INDEX …`, `VIRTUAL TABLE INDEX n:M…` for a MATCH), and every `SCAN` (a pass over a whole table,
 * index or intermediate result) is one listed here with its reason. A new full scan of speeches,
 * intervals, marks, minutes or resolutions — the tables that grow with every meeting — fails.
 */
describe('query plans of the calls that grow with the archive', () => {
  const core = tempCore();
  let log: LoggedStatement[] | undefined;

  /** The plan of every statement a call runs, one entry per statement. */
  const plansOf = async (name: CallName, input: unknown): Promise<{ sql: string; plan: string[] }[]> => {
    log = [];
    ok(await core.call(name, input));
    const statements = log;
    log = undefined;
    return statements.map((s) => ({ sql: s.sql.replace(/\s+/g, ' '), plan: queryPlan(core.db, s) }));
  };
  const scans = (plans: { plan: string[] }[]) => plans.flatMap((p) => p.plan).filter((l) => l.startsWith('SCAN '));
  const lines = (plans: { plan: string[] }[]) => plans.flatMap((p) => p.plan);

  beforeAll(async () => {
    ok(await core.invoke('app.loadDemo', {}));
    generateArchive(core.ctx, { meetings: 12, minutesChars: 3000, speeches: 6, resolutions: 3 });
  });
  const unlog = logStatements(() => log, { db: () => core.db });
  afterAll(() => {
    unlog();
    core.dispose();
  });

  it('archive.search: a word of three characters or more goes through the FTS5 trigram index', async () => {
    for (const q of ['公厕指引', '公厕 中央大街']) {
      const plans = await plansOf('archive.search', { q });
      const search = plans.filter((p) => /\bFROM search_index\b/.test(p.sql));
      expect(search).toHaveLength(1);
      // FTS5's plan names its constraints after the colon: M is a MATCH on the index.
      expect(search[0].plan, q).toEqual([expect.stringMatching(/^SCAN search_index VIRTUAL TABLE INDEX \d+:M/)]);
      // Catching up with the minutes compares versions in the (meeting_id, version) index only: it
      // passes over one small entry per meeting and never reads the minutes' text.
      expect(scans(plans).filter((l) => !l.startsWith('SCAN search_index'))).toEqual([
        'SCAN mi USING COVERING INDEX minutes_version',
      ]);
    }
  });

  it('queue.get: every row of the meeting through its index, no scan at all', async () => {
    const plans = await plansOf('queue.get', { meetingId: 3 });
    expect(scans(plans)).toEqual([]);
    const all = lines(plans);
    expect(all).toContain('SEARCH meeting USING INTEGER PRIMARY KEY (rowid=?)');
    expect(all).toContain('SEARCH s USING INDEX speech_meeting (meeting_id=?)');
    expect(all).toContain('SEARCH i USING INDEX speech_interval_speech (speech_id=?)');
    expect(all).toContain('SEARCH a USING COVERING INDEX sqlite_autoindex_speech_answer_1 (response_id=?)');
  });

  it("records.list: the year's meetings through meeting_year_form, their rows through their meeting's index", async () => {
    const plans = await plansOf('records.list', { year: 2024 });
    // Allowed passes, each with its reason: the years offered come from the index alone; every
    // person is a row of the report (a few hundred), in pinyin order; g and src are intermediate
    // results already narrowed to the year's meetings.
    const allowed = [
      'SCAN meeting USING INDEX meeting_year_form',
      'SCAN p USING INDEX person_pinyin',
      'SCAN g',
      'SCAN src',
    ];
    expect(scans(plans).filter((l) => !allowed.includes(l))).toEqual([]);
    const all = lines(plans);
    // Every read of meeting but the list of years is narrowed by year.
    expect(all.filter((l) => /^(SCAN|SEARCH) meeting\b/.test(l) && !l.includes('(year=?)'))).toEqual([
      'SCAN meeting USING INDEX meeting_year_form',
    ]);
    for (const expected of [
      'SEARCH pa USING INDEX sqlite_autoindex_participant_1 (meeting_id=?)',
      'SEARCH s USING INDEX speech_meeting (meeting_id=?)',
      'SEARCH i USING COVERING INDEX speech_interval_speech (speech_id=?)',
      'SEARCH mk USING INDEX mark_meeting (meeting_id=?)',
      'SEARCH r USING COVERING INDEX resolution_meeting (meeting_id=?)',
    ]) {
      expect(all).toContain(expected);
    }
  });
});
