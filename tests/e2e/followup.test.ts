import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FollowUpBoard } from '../../shared/contract/followUp';
import { heldMeeting, type Scenario } from '../support/meetingScenario';
import { apiValue, hidden, screenPath, visible, servedHost } from './support/serve';
import { withServedApp } from './support/servedApp';

/** Months after the meeting: a resolution followed from 交办 to 办结, with one 不满意 round and the 反馈. */
let s: Scenario;

const app = withServedApp({
  demo: true,
  hash: async (served) => {
    const invoke = servedHost(served);
    s = await heldMeeting(invoke, { resolutions: 2 });
    return '/followup';
  },
});

const board = () => apiValue<FollowUpBoard>(app.served, 'followup.list', {});
const item = () =>
  app.page.getByRole('list', { name: '督办事项' }).locator(':scope > li', { hasText: s.list.items[0].text });

async function step(action: string, fill: (drawer: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}) {
  await item().getByRole('button', { name: action, exact: true }).click();
  const drawer = app.page.getByRole('dialog', { name: new RegExp(`^${action}：`) });
  await visible(drawer);
  await fill(drawer);
  await drawer.getByRole('button', { name: '保存' }).click();
  await hidden(drawer);
}

beforeAll(async () => {
  await visible(item());
});

describe('follow-up', () => {
  it('moves a resolution through the whole follow-up, including one 不满意 round', async () => {
    await step('交办');
    await step('受理');
    await step('答复', async (d) => {
      await d.getByLabel(/^答复内容/).fill('已更新主街两侧指引牌');
      await d.getByRole('button', { name: /^B / }).click();
    });
    // 不满意 without a 督办 note is refused, in Chinese; with one it goes back to the department.
    await item().getByRole('button', { name: '评价', exact: true }).click();
    const evaluate = app.page.getByRole('dialog', { name: /^评价：/ });
    await evaluate.getByRole('button', { name: '不满意' }).click();
    await evaluate.getByRole('button', { name: '保存' }).click();
    await visible(evaluate.getByText('不满意须说明督办意见'));
    await evaluate.getByLabel(/^说明/).fill('导航软件尚未标注公厕位置，请继续办理');
    await evaluate.getByRole('button', { name: '保存' }).click();
    await hidden(evaluate);
    await visible(item().getByText('督办 1 次'));
    await visible(item().locator('.state-tag', { hasText: '办理中' }));

    await step('答复', async (d) => {
      await d.getByLabel(/^答复内容/).fill('导航软件已标注全部公厕和开放时间');
      await d.getByRole('button', { name: /^A / }).click();
    });
    await step('评价', async (d) => d.getByRole('button', { name: '满意', exact: true }).click());
    await step('办结');
    await step('向群众反馈', async (d) => d.getByLabel(/^说明/).fill('在社区公告栏公布办理结果'));
    await visible(item().getByText(/已向群众反馈/));

    const final = (await board()).items.find((i) => i.resolutionId === s.list.items[0].id)!;
    expect(final).toMatchObject({ state: '办结', urged: 1, replyClass: 'A', evaluation: '满意' });
    expect(final.reportedOn).not.toBeNull();
    await item().getByRole('button', { name: '办理记录' }).click();
    const history = item().getByRole('list', { name: '办理记录' }).locator('li');
    await expect.poll(() => history.count()).toBe(8);
    expect(await app.page.getByTestId('count-办结').innerText()).toBe('1');
    await app.page.screenshot({ path: screenPath('followup') });
  });
});
