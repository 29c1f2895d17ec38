import { latestVersion } from '../../../electron/core/db/migrations';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import type { Ctx } from '../../../electron/core/context';
import { generateArchive } from '../../../electron/core/generate/archive';
import { updatesToJson } from '../../../electron/core/minutesSync/convert';
import { writeProjection } from '../../../electron/core/minutesSync/projection';
import { loadDemo } from '../../../electron/core/services/demo';
import { exportMeetingDocument } from '../../../electron/core/services/documents';
import { readMinutesDoc, markId } from '../../../shared/domain/minutesDoc';
import { readDocx } from '../../support/docx';
import { inProcess } from '../../support/minutesClient';
import { allowed } from '../../support/verdict';
import { openAt, useTempFiles } from './kit';

const tempFile = useTempFiles();

/** The services' context on a file held at an older version (only what these services touch). */
const ctxOn = (db: ReturnType<typeof openAt>, file: string): Ctx =>
  ({
    db,
    slot: { isOpen: true } as Ctx['slot'],
    dataFile: file,
    appVersion: 'test',
    session: 'v7',
    now: () => new Date('2026-05-14T02:00:00Z'),
    minutesDocs: {
      speakerStarted() {},
      opinionHandedIn() {},
      speechUndone() {},
      timesRecorded() {},
      replace() {},
      flush() {},
      compact() {},
      closeAll() {},
    },
  }) as unknown as Ctx;

const t = (text: string, format = 0) => ({
  type: 'text',
  version: 1,
  text,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
});
const block = (type: string, children: unknown[], extra: object = {}) => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
  ...extra,
});
const p = (...children: unknown[]) => block('paragraph', children, { textFormat: 0, textStyle: '' });
const item = (value: number, ...children: unknown[]) => block('listitem', children, { value });

/** Minutes as secretaries wrote them before: headers, a heading, a quote, lists (one nested), bold and italic, marks (two overlapping). */
function handMade(speechId: number): string {
  const s = markId('建议', 'aaaaaaaa-0001');
  const c = markId('回应/承诺', 'bbbbbbbb-0002');
  const g = markId('共识', 'cccccccc-0003');
  return JSON.stringify({
    root: block('root', [
      block('heading', [t('议题：中央大街公厕')], { tag: 'h2' }),
      { type: 'speaker', version: 1, speechId, name: '李娟', affiliation: '经济界', kind: '预约发言', time: '09:30' },
      p(t('委员'), t('强调', 1), t('三点'), t('意见', 2), t('：')),
      block('list', [item(1, t('增设指引牌')), item(2, block('mark', [t('延长开放时间')], { ids: [s] }))], {
        listType: 'number',
        start: 1,
        tag: 'ol',
      }),
      block(
        'list',
        [item(1, t('外层'), block('list', [item(1, t('内层'))], { listType: 'bullet', start: 1, tag: 'ul' }))],
        {
          listType: 'bullet',
          start: 1,
          tag: 'ul',
        },
      ),
      block('quote', [t('群众来信摘录')]),
      p(block('mark', [t('三季度前完成更新')], { ids: [c, g] }), t('。')),
    ]),
  });
}

describe('migration 008 (the minutes as a shared document), from version 7 with real data', () => {
  it('turns every stored document into its shared form, and the exported 会议记录 reads the same', async () => {
    const file = tempFile();
    const v7 = openAt(file, 7);
    const ctx = ctxOn(v7, file);
    // Today's demo writes its topic decisions with migration 010's 补录 flag: a stand-in for the loading only.
    v7.exec('ALTER TABLE topic_event ADD COLUMN backfilled INTEGER NOT NULL DEFAULT 0');
    loadDemo(ctx);
    v7.exec('ALTER TABLE topic_event DROP COLUMN backfilled');
    // Today's generator confirms with migration 010's columns: stand-ins for the generation only.
    v7.exec("ALTER TABLE resolution_confirmation ADD COLUMN snapshot TEXT NOT NULL DEFAULT '[]'");
    v7.exec('ALTER TABLE resolution_confirmation ADD COLUMN withdrawn_at TEXT');
    generateArchive(ctx, { meetings: 4, minutesChars: 8_000, speeches: 8, resolutions: 2 });
    v7.exec('ALTER TABLE resolution_confirmation DROP COLUMN snapshot');
    v7.exec('ALTER TABLE resolution_confirmation DROP COLUMN withdrawn_at');
    // The last meeting's minutes written by hand instead, with every kind of block.
    const last = v7.prepare('SELECT max(id) FROM meeting').pluck().get() as number;
    const speech = v7
      .prepare('SELECT id FROM speech WHERE meeting_id = ? ORDER BY id LIMIT 1')
      .pluck()
      .get(last) as number;
    // Stored as the old save stored it: the document, its text, its marks. Today's projection also
    // reads the written opinions of migration 009: an empty stand-in for this set-up only.
    v7.exec('CREATE TABLE written_opinion (meeting_id INTEGER, mark_id TEXT)');
    v7.transaction(() => writeProjection(ctx, last, handMade(speech)))();
    v7.exec('DROP TABLE written_opinion');
    const meetings = v7.prepare('SELECT meeting_id FROM minutes ORDER BY meeting_id').pluck().all() as number[];
    expect(meetings.length).toBe(4);
    const before = new Map<number, { text: string; plain: string; marks: unknown[] }>();
    for (const id of meetings) {
      const doc = v7.prepare('SELECT doc FROM minutes WHERE meeting_id = ?').pluck().get(id) as string;
      const { data } = await exportMeetingDocument(ctx, id, '会议记录');
      before.set(id, {
        text: (await readDocx(data)).text,
        plain: allowed(readMinutesDoc(doc)).plain,
        marks: v7
          .prepare('SELECT id, kind, excerpt, speech_id, ord FROM mark WHERE meeting_id = ? ORDER BY id')
          .all(id),
      });
    }
    v7.close();

    // The app starts on the old file: migration 008 runs.
    const core = createCore({ dataDir: dirname(file), validateOutput: true });
    try {
      expect(core.db.pragma('user_version', { simple: true })).toBe(latestVersion);
      expect(core.db.prepare('SELECT count(*) FROM minutes_yjs_snapshot').pluck().get()).toBe(4);
      for (const id of meetings) {
        // What the rest of the app reads is derived afresh from the shared document, as on its next change.
        const state = core.db
          .prepare('SELECT state FROM minutes_yjs_snapshot WHERE meeting_id = ?')
          .pluck()
          .get(id) as Buffer;
        const derived = updatesToJson([new Uint8Array(state)]);
        core.db.transaction(() => writeProjection(core.ctx, id, derived))();
        const was = before.get(id)!;
        expect(allowed(readMinutesDoc(derived)).plain).toBe(was.plain);
        expect(
          core.db
            .prepare('SELECT id, kind, excerpt, speech_id, ord FROM mark WHERE meeting_id = ? ORDER BY id')
            .all(id),
        ).toEqual(was.marks);
        const exported = await core.invoke('document.export', { meetingId: id, kind: '会议记录' });
        expect(exported.ok && (await readDocx(exported.value.dataBase64)).text).toBe(was.text);
      }
      // A window opening a migrated meeting sees its text, and adds nothing to the store by opening it.
      const w = inProcess(core, last);
      await w.until(() => w.synced && w.durable);
      expect(w.text()).toContain('群众来信摘录');
      expect(w.text()).toContain('三季度前完成更新');
      expect(core.db.prepare('SELECT count(*) FROM minutes_yjs_update').pluck().get()).toBe(0);
      expect(w.refusals).toEqual([]);
      // The generator's meetings are archived: still read-only after the migration.
      w.type('迁移后续写');
      await w.until(() => w.refusals.length > 0);
      expect(w.refusals[0]).toContain('已归档');
      expect(core.db.prepare('SELECT count(*) FROM minutes_yjs_update').pluck().get()).toBe(0);
      w.leave();
    } finally {
      core.close();
    }
  });
});
