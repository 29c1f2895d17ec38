import { describe, expect, it } from 'vitest';
import type { MinutesState } from '../../shared/contract/minutes';
import { heldMeeting, type Scenario } from '../support/meetingScenario';
import { apiValue, screenPath, visible, servedHost, writeServedMinutes } from './support/serve';
import { withServedApp } from './support/servedApp';

/** Looking something up a year later: a phrase from the minutes, or a single character. */
let s: Scenario;

const app = withServedApp({
  demo: true,
  hash: async (served) => {
    const invoke = servedHost(served);
    s = await heldMeeting(invoke, { title: '松花江冰雪大世界交通疏导', resolutions: 1 });
    const m = await apiValue<MinutesState>(served, 'minutes.get', { meetingId: s.meetingId });
    await writeServedMinutes(
      served,
      s.meetingId,
      m.doc!.replace('"text":"会议记录"', '"text":"会议记录：摆渡车发车间隔缩短到五分钟"'),
    );
    await apiValue(served, 'meeting.setStatus', { id: s.meetingId, status: '进行中' });
    await apiValue(served, 'meeting.setStatus', { id: s.meetingId, status: '已结束' });
    return '/archive';
  },
});

describe('archive search', () => {
  it('finds a meeting by a phrase from its minutes, the match highlighted, and opens it', async () => {
    await app.page.getByRole('searchbox', { name: '检索词' }).fill('摆渡车发车间隔');
    const hit = app.page.getByRole('list', { name: '检索结果' }).locator('li', { hasText: '会议记录' }).first();
    await visible(hit);
    expect(await hit.locator('mark').first().innerText()).toBe('摆渡车发车间隔');
    await app.page.screenshot({ path: screenPath('archive') });
    await hit.getByRole('link').click();
    await visible(app.page.getByRole('heading', { name: '松花江冰雪大世界交通疏导' }));
  });

  it('finds it by a single character too, and narrows by kind', async () => {
    await app.page.goto(`${app.served.origin}/#/archive`);
    await app.page.getByRole('searchbox', { name: '检索词' }).fill('冰');
    await app.page.getByRole('group', { name: '类别' }).getByRole('button', { name: '会议', exact: true }).click();
    const hits = app.page.getByRole('list', { name: '检索结果' }).locator('li');
    await visible(hits.first());
    expect(await hits.allInnerTexts()).toEqual([expect.stringContaining('松花江冰雪大世界交通疏导')]);
    expect(await hits.first().locator('mark').first().innerText()).toBe('冰');
  });
});
