import { it } from 'vitest';
import * as Y from 'yjs';
import { inProcess } from '../support/minutesClient';
import { ok, tempCore } from '../support/tempCore';

it('dbg', async () => {
  const core = tempCore();
  const meetingId = ok(await core.invoke('meeting.create', { topicId: null, form: '冰城商量', title: '记录测试', startsAt: '2026-05-14T09:00' })).id;
  const pages = core.db.pragma('page_count', { simple: true }) as number;
  const w = inProcess(core, meetingId);
  await w.until(() => w.synced);
  core.db.pragma(`max_page_count = ${pages + 5}`);
  w.type('新写的内容'.repeat(20_000));
  await w.until(() => w.refusals.length > 0);
  console.log('refusals', w.refusals, core.db.pragma('max_page_count'));
  core.db.pragma('max_page_count = 1073741823');
  console.log(core.db.pragma('max_page_count'));
  const back = inProcess(core, meetingId);
  Y.applyUpdate(back.doc, Y.encodeStateAsUpdate(w.doc));
  await new Promise((r) => setTimeout(r, 500));
  console.log('back', back.synced, back.durable, back.refusals, back.text().length);
});
