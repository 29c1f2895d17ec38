import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Speech } from '../../shared/contract/meetings';
import { todayIso } from '../../renderer/src/lib/dates';
import { apiValue, screenPath, visible } from './support/serve';
import { withServedApp } from './support/servedApp';

/**
 * A meeting as the secretary runs it: set up from a decided topic with the template agenda,
 * people checked in, six speakers queued by pinyin, reordered, run, a department response linked
 * to two speeches — and a second page on the projector route following every change.
 */
let projector: Page;
let meetingId = 0;

const app = withServedApp({ demo: true, hash: '/meetings' });

const queue = async () => (await apiValue<{ entries: Speech[] }>(app.served, 'queue.get', { meetingId })).entries;
const row = (name: string) => app.page.getByRole('list', { name: '发言顺序' }).locator('li', { hasText: name });

async function enqueue(pinyin: string, kind: string, expectName: string) {
  await app.page.getByLabel('发言类别').selectOption(kind);
  const box = app.page.getByRole('combobox', { name: '加入发言队列' });
  await box.fill(pinyin);
  await visible(app.page.getByRole('option', { name: new RegExp(expectName) }).first());
  await box.press('Enter');
  await visible(row(expectName));
}

describe('meeting set-up and the live console', () => {
  it('creates a meeting from a decided topic with the template agenda and checks people in', async () => {
    await visible(app.page.getByText('还没有会议'));
    await app.page.getByRole('button', { name: '+ 新建会议' }).click();
    const drawer = app.page.getByRole('dialog', { name: '新建会议' });
    await drawer.getByLabel('议题（已定题）').selectOption({ label: '中央大街景区公厕布局、指引和冬季运行' });
    expect(await drawer.getByLabel('会议名称').inputValue()).toBe('中央大街景区公厕布局、指引和冬季运行');
    expect(await drawer.getByLabel('期数').inputValue()).toBe('1');
    await drawer.getByLabel('开始时间').fill(`${todayIso()}T09:00`);
    await drawer.getByLabel('会场').fill('市政协三楼协商议事厅');
    const chair = drawer.getByLabel('主持人');
    await chair.selectOption((await chair.locator('option', { hasText: '刘春梅' }).getAttribute('value'))!);
    await drawer.getByRole('button', { name: '保存' }).click();
    await visible(app.page.getByRole('heading', { name: '中央大街景区公厕布局、指引和冬季运行' }));
    meetingId = Number(app.page.url().split('/').pop());
    expect(meetingId).toBeGreaterThan(0);

    // 参会与签到 opens first while the meeting is in preparation.
    const picker = app.page.getByRole('combobox', { name: '添加参会人员' });
    for (const name of ['林静', '谢婷', '钱文斌']) {
      await picker.fill(name);
      await picker.press('Enter');
      await visible(app.page.getByRole('row', { name }));
    }
    await app.page.getByRole('radiogroup', { name: '林静的签到' }).getByRole('radio', { name: '出席' }).click();
    await app.page.getByRole('radiogroup', { name: '谢婷的签到' }).getByRole('radio', { name: '请假' }).click();
    await visible(app.page.getByRole('row', { name: '林静' }).getByText(/签到$/));
    await visible(app.page.getByText('出席 1 / 4'));
    const m = await apiValue<{ agenda: unknown[]; participants: { attendance: string }[] }>(app.served, 'meeting.get', {
      id: meetingId,
    });
    expect(m.agenda).toHaveLength(6);
    expect(m.participants.map((p) => p.attendance).sort()).toEqual(['出席', '未签到', '未签到', '请假']);
    await app.page.screenshot({ path: screenPath('meeting-people') });
  });

  it('queues six speakers of different kinds by pinyin, reorders them, and the projector follows', async () => {
    projector = await app.context.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${app.served.url}#/projector`);

    await app.page.getByRole('tab', { name: '会议控制台' }).click();
    await app.page.getByRole('radiogroup', { name: '投屏模式' }).getByRole('radio', { name: '发言人' }).click();
    await enqueue('lj', '预约发言', '林静');
    await enqueue('xt', '即席发言', '谢婷');
    await enqueue('zhw', '情况通报', '赵宏伟');
    await enqueue('hzh', '专家点评', '黄振华');
    await enqueue('fgz', '群众评议', '冯桂芝');
    await enqueue('qwb', '部门回应', '钱文斌');
    expect((await queue()).map((e) => [e.name, e.kind])).toEqual([
      ['林静', '预约发言'],
      ['谢婷', '即席发言'],
      ['赵宏伟', '情况通报'],
      ['黄振华', '专家点评'],
      ['冯桂芝', '群众评议'],
      ['钱文斌', '部门回应'],
    ]);

    // Keyboard: Alt+↑ on 冯桂芝's handle moves her up one place; 置顶 moves 赵宏伟 to the top.
    await row('冯桂芝')
      .getByRole('button', { name: /拖动调整/ })
      .focus();
    await app.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await queue()).map((e) => e.name).indexOf('冯桂芝')).toBe(3);
    await row('赵宏伟').getByRole('button', { name: '置顶' }).click();
    await expect.poll(async () => (await queue())[0].name).toBe('赵宏伟');
    // Drag: 钱文斌 onto 谢婷's place.
    await row('钱文斌').scrollIntoViewIfNeeded();
    const from = await row('钱文斌').locator('.queue-handle').boundingBox();
    const to = await row('谢婷').locator('.queue-handle').boundingBox();
    await app.page.mouse.move(from!.x + 5, from!.y + 5);
    await app.page.mouse.down();
    await app.page.mouse.move(from!.x + 5, from!.y - 10, { steps: 4 });
    await app.page.mouse.move(to!.x + 5, to!.y + 5, { steps: 10 });
    await app.page.mouse.up();
    await expect
      .poll(async () => (await queue()).map((e) => e.name))
      .toEqual(['赵宏伟', '林静', '钱文斌', '谢婷', '冯桂芝', '黄振华']);
  });

  it('runs speakers with start, pause and end, and the projector shows each change', async () => {
    await app.page.getByRole('heading', { level: 1 }).click(); // focus off the queue: Space is the console's key
    await app.page.keyboard.press(' ');
    await visible(app.page.getByTestId('console-speaker').filter({ hasText: '赵宏伟' }));
    await visible(projector.getByTestId('projector-speaker').filter({ hasText: '赵宏伟' }));
    await app.page.getByRole('button', { name: /暂停/ }).click();
    await visible(app.page.locator('.paused-badge'));
    await visible(projector.getByText('暂停').first());
    await app.page.getByRole('button', { name: /继续/ }).click();
    await app.page.getByRole('region', { name: '当前发言' }).getByRole('button', { name: /结束/ }).click();
    await visible(app.page.getByText('目前没有人发言'));
    // N: the next speaker.
    await app.page.keyboard.press('n');
    await visible(projector.getByTestId('projector-speaker').filter({ hasText: '林静' }));
    await app.page.keyboard.press('n');
    await visible(app.page.getByTestId('console-speaker').filter({ hasText: '钱文斌' }));
    const entries = await queue();
    expect(entries.filter((e) => e.state === '已发言').map((e) => e.name)).toEqual(['赵宏伟', '林静']);
    expect(entries.find((e) => e.name === '赵宏伟')!.intervals).toHaveLength(2);
    await app.page.screenshot({ path: screenPath('meeting-console') });
    await projector.screenshot({ path: screenPath('meeting-projector-speaker') });
  });

  it('links the department response to the two speeches it answers', async () => {
    await row('钱文斌').getByRole('button', { name: '答复' }).click();
    const dialog = app.page.getByRole('dialog', { name: '钱文斌的部门回应答复了哪些发言？' });
    await dialog.getByRole('checkbox', { name: /赵宏伟/ }).check();
    await dialog.getByRole('checkbox', { name: /林静/ }).check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await visible(row('钱文斌').getByText('答复：林静、赵宏伟'));
    const response = (await queue()).find((e) => e.name === '钱文斌')!;
    const answered = (await queue()).filter((e) => response.answers.includes(e.id)).map((e) => e.name);
    expect(answered.sort()).toEqual(['林静', '赵宏伟'].sort());
  });

  it('shows a message and a blank screen on the projector when the console says so', async () => {
    await app.page.getByRole('textbox', { name: '提示语' }).fill('请将手机调至静音');
    await app.page.getByRole('button', { name: '显示' }).click();
    await visible(projector.getByText('请将手机调至静音'));
    await app.page.getByRole('radiogroup', { name: '投屏模式' }).getByRole('radio', { name: '黑屏' }).click();
    await projector.waitForFunction(() => !document.body.innerText.trim());
    await app.page.getByRole('radiogroup', { name: '投屏模式' }).getByRole('radio', { name: '议程' }).click();
    await visible(projector.getByText('承办专委会通报调研情况'));
    await projector.screenshot({ path: screenPath('meeting-projector-agenda') });
  });
});
