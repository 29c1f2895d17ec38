import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Speech } from '../../shared/contract/meetings';
import { todayIso } from '../../renderer/src/lib/dates';
import { appHelp } from '../../renderer/src/app/appKeys';
import { consoleHelp } from '../../renderer/src/features/meetings/consoleKeys';
import { keyLabel } from '../../renderer/src/components/shortcuts';
import { apiValue, hidden, openAppIn, screenPath, visible, WAIT } from './support/serve';
import { withServedApp } from './support/servedApp';

/**
 * The live console under a hurried secretary's hands, at 1366×768 and from the keyboard: keys
 * never steal what a focused control expects, mistakes cost one key, and a second window on the
 * same meeting follows every change without a reload.
 */

let meetingId = 0;
const ids: Record<string, number> = {};

const app = withServedApp({
  demo: true,
  hash: async (served) => {
    for (const p of await apiValue<{ id: number; name: string }[]>(served, 'person.list')) ids[p.name] = p.id;
    const m = await apiValue<{ id: number }>(served, 'meeting.create', {
      topicId: null,
      form: '冰城商量',
      title: '中央大街景区公厕布局与冬季运行',
      startsAt: `${todayIso()}T09:00`,
      place: '市政协三楼协商议事厅',
      useTemplate: true,
    });
    meetingId = m.id;
    for (const [name, kind] of [
      ['林静', '预约发言'],
      ['谢婷', '即席发言'],
      ['赵宏伟', '情况通报'],
      ['黄振华', '专家点评'],
      ['冯桂芝', '群众评议'],
      ['钱文斌', '部门回应'],
    ] as const)
      await apiValue(served, 'queue.add', { meetingId, personId: ids[name], kind });
    return `/meetings/${meetingId}`;
  },
});

const queue = async () => (await apiValue<{ entries: Speech[] }>(app.served, 'queue.get', { meetingId })).entries;
const entry = async (name: string) => (await queue()).find((e) => e.name === name)!;
const speaker = () => app.page.getByTestId('console-speaker');
const waitingRow = (name: string) => app.page.getByRole('list', { name: '发言顺序' }).locator('li', { hasText: name });
/** Focus on nothing: the page's single keys are the secretary's. */
const blur = () => app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
const minutesDoc = async () =>
  (await apiValue<{ doc: string | null }>(app.served, 'minutes.get', { meetingId })).doc ?? '';

beforeAll(async () => {
  await app.page.setViewportSize({ width: 1366, height: 768 });
  await app.page.getByRole('tab', { name: '会议控制台' }).click();
  await visible(app.page.locator('.minutes-content'));
});

describe('keys that never steal what the focused control expects', () => {
  it('Space on a focused 下一位 moves to the next speaker and does not pause', async () => {
    await blur();
    await app.page.keyboard.press(' ');
    await visible(speaker().filter({ hasText: '林静' }));
    await app.page.getByRole('button', { name: '下一位 »' }).focus();
    await app.page.keyboard.press(' ');
    await visible(speaker().filter({ hasText: '谢婷' }));
    expect((await entry('林静')).state).toBe('已发言');
    expect((await entry('谢婷')).state).toBe('发言中');
  });

  it('Space on 取消 in an open drawer closes the drawer only; the speaker behind it keeps speaking', async () => {
    await app.page.getByRole('button', { name: '编辑会议信息' }).click();
    const drawer = app.page.getByRole('dialog', { name: '编辑会议信息' });
    await visible(drawer);
    await drawer.getByRole('button', { name: '取消' }).focus();
    await app.page.keyboard.press(' ');
    await hidden(drawer);
    // Nothing reached the console: still speaking, one interval.
    const xie = await entry('谢婷');
    expect([xie.state, xie.intervals.length]).toEqual(['发言中', 1]);
  });

  it('Shift+N and Alt+N are not N; + adds a minute', async () => {
    await blur();
    await app.page.keyboard.press('Shift+N');
    await app.page.keyboard.press('Alt+n');
    await app.page.waitForTimeout(300);
    expect((await entry('谢婷')).state).toBe('发言中');
    const before = (await entry('谢婷')).limitSeconds;
    await app.page.keyboard.press('+');
    await expect.poll(async () => (await entry('谢婷')).limitSeconds).toBe(before + 60);
  });

  it('/ z w Enter adds 张伟 to the queue and the new row is in view', async () => {
    await blur();
    await app.page.keyboard.press('/');
    await app.page.keyboard.type('zw');
    await visible(app.page.getByRole('option', { name: /张伟/ }).first());
    await app.page.keyboard.press('Enter');
    const row = waitingRow('张伟');
    await visible(row);
    await expect.poll(async () => (await queue()).at(-1)?.name).toBe('张伟');
    await expect
      .poll(() =>
        row.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        }),
      )
      .toBe(true);
    // Esc on the empty field leaves it: the page's keys work again.
    await app.page.keyboard.press('Escape');
    expect(await app.page.evaluate(() => document.activeElement === document.body)).toBe(true);
  });

  it('1–4 choose the projector mode, and ← → walk the mode group', async () => {
    await blur();
    await app.page.keyboard.press('2');
    await expect.poll(async () => (await apiValue<{ mode: string }>(app.served, 'screen.get')).mode).toBe('speaker');
    const group = app.page.getByRole('radiogroup', { name: '投屏模式' });
    await group.getByRole('radio', { name: '发言人' }).focus();
    await app.page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await apiValue<{ mode: string }>(app.served, 'screen.get')).mode).toBe('message');
    expect(await group.getByRole('radio', { name: '提示语' }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await app.page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await apiValue<{ mode: string }>(app.served, 'screen.get')).mode).toBe('speaker');
  });

  it('? lists every shortcut of the page from the same table the handlers use', async () => {
    await blur();
    await app.page.keyboard.press('?');
    const help = app.page.getByRole('dialog', { name: '快捷键' });
    await visible(help);
    const text = await help.innerText();
    for (const item of [...consoleHelp, appHelp].flatMap((g) => g.items)) {
      expect(text).toContain(item.label);
      for (const k of item.keys) expect(text).toContain(keyLabel(k));
    }
    // Space inside the overlay does not reach the console either.
    await app.page.keyboard.press(' ');
    expect((await entry('谢婷')).state).toBe('发言中');
    await app.page.screenshot({ path: screenPath('console-shortcuts-1366x768') });
    await app.page.keyboard.press('Escape');
    await hidden(help);
  });
});

describe('mistakes are cheap to undo', () => {
  it('N N over an absent speaker, then 跳过: no speech, no header, no statistic for her', async () => {
    await blur();
    await app.page.keyboard.press('n'); // 赵宏伟 is not in the room…
    await visible(speaker().filter({ hasText: '赵宏伟' }));
    // The header went into the minutes without taking the focus: N is still the console's.
    expect(await app.page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await app.page.keyboard.press('n'); // …so N again: 黄振华
    await visible(speaker().filter({ hasText: '黄振华' }));
    const line = app.page.getByTestId('undo-start').filter({ hasText: '赵宏伟' });
    await visible(line);
    await line.getByRole('button', { name: /跳过/ }).click();
    await expect.poll(async () => (await entry('赵宏伟')).state).toBe('等待');
    const zhao = await entry('赵宏伟');
    expect([zhao.intervals, zhao.endedAt]).toEqual([[], null]);
    expect((await queue()).at(-1)?.name).toBe('赵宏伟');
    expect((await entry('黄振华')).state).toBe('发言中');
    // The minutes hold 黄振华's header and none for 赵宏伟; the statistics know nothing of him.
    await expect.poll(minutesDoc, { timeout: WAIT }).toContain('黄振华');
    await expect
      .poll(async () =>
        JSON.parse(await minutesDoc())
          .root.children.filter((n: { type: string; name?: string }) => n.type === 'speaker')
          .map((n: { name: string }) => n.name),
      )
      .toEqual(['林静', '谢婷', '黄振华']);
    await expect.poll(() => app.page.locator('.minutes-content').innerText()).not.toContain('赵宏伟');
    await expect.poll(() => app.page.getByRole('table', { name: '按发言人' }).innerText()).not.toContain('赵宏伟');
  });

  it('U takes back a start within ten seconds', async () => {
    await blur();
    await app.page.keyboard.press('n');
    await visible(speaker().filter({ hasText: '冯桂芝' }));
    await app.page.keyboard.press('u');
    await expect.poll(async () => (await entry('冯桂芝')).state).toBe('等待');
    expect((await entry('冯桂芝')).intervals).toEqual([]);
    await visible(app.page.getByTestId('console-idle'));
  });

  it('撤回 can be undone: the row is back at its old place', async () => {
    const before = (await queue()).filter((e) => e.state === '等待').map((e) => e.name);
    await waitingRow('钱文斌').getByRole('button', { name: '撤回' }).click();
    await expect.poll(async () => (await entry('钱文斌')).state).toBe('撤回');
    await app.page
      .getByRole('status')
      .filter({ hasText: '已撤回：钱文斌' })
      .getByRole('button', { name: /撤销/ })
      .click();
    await expect.poll(async () => (await queue()).filter((e) => e.state === '等待').map((e) => e.name)).toEqual(before);
  });
});

describe('the caret follows the new speaker', () => {
  it('moves under the new header when it was at the end, and offers the jump otherwise', async () => {
    const editor = app.page.locator('.minutes-content');
    await editor.click();
    await app.page.keyboard.press('Control+End');
    await app.page.keyboard.type('冯桂芝说公厕要有热水。');
    await app.page.keyboard.press('Escape');
    await visible(app.page.getByText('已离开会议记录'));
    await app.page.keyboard.press(' '); // 冯桂芝 starts
    await visible(speaker().filter({ hasText: '冯桂芝' }));
    // The core writes the header; the secretary sees it arrive, then goes back to typing.
    await visible(editor.locator('.speaker-header', { hasText: '冯桂芝' }));
    await app.page.keyboard.press('e');
    await app.page.keyboard.type('甲乙丙');
    // The words went under 冯桂芝's header, not at the end of the section before.
    const under = await editor.evaluate((el) => {
      const blocks = [...el.children];
      const header = blocks.findIndex(
        (b) => b.classList.contains('speaker-header') && b.textContent?.includes('冯桂芝'),
      );
      return blocks
        .slice(header + 1)
        .map((b) => b.textContent)
        .join('|');
    });
    expect(under).toContain('甲乙丙');
    expect(await editor.innerText()).toMatch(/热水。\s*\n/);

    // The caret elsewhere (mending the first section) stays there, and a line offers the jump.
    await app.page.keyboard.press('Control+Home');
    // Lexical takes the caret from the browser's selectionchange, a moment later: wait for it.
    await expect
      .poll(() =>
        app.page.evaluate(() => {
          type Sel = { anchor: { type: string; offset: number } } | null;
          const root = document.querySelector('.minutes-content') as unknown as {
            __lexicalEditor: { getEditorState(): { _selection: Sel } };
          };
          const sel = root.__lexicalEditor.getEditorState()._selection;
          return sel?.anchor.offset === 0;
        }),
      )
      .toBe(true);
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('n'); // 钱文斌
    await visible(speaker().filter({ hasText: '钱文斌' }));
    const hint = app.page.getByTestId('caret-behind');
    await visible(hint);
    await hint.getByRole('button', { name: /跳到新发言人/ }).click();
    await app.page.keyboard.type('丁戊');
    const last = await editor.evaluate((el) => el.lastElementChild?.textContent ?? '');
    expect(last).toContain('丁戊');
  });

  it('Ctrl+S saves the minutes at once', async () => {
    await app.page.locator('.minutes-content').click();
    await app.page.keyboard.press('Control+End');
    // Digits, Space, N, U, S and / are words here, not the console's keys.
    const state = await apiValue<{ mode: string }>(app.served, 'screen.get');
    await app.page.keyboard.type('立即保存 1234 nus/+');
    await app.page.keyboard.press('Control+s');
    await expect.poll(minutesDoc, { timeout: 800, interval: 50 }).toContain('立即保存 1234 nus/+');
    expect((await apiValue<{ mode: string }>(app.served, 'screen.get')).mode).toBe(state.mode);
    expect((await entry('钱文斌')).state).toBe('发言中');
    await app.page.keyboard.press('Escape');
  });
});

describe('confirmations, and a second window that follows', () => {
  let other: Page;
  beforeAll(async () => {
    ({ page: other } = await openAppIn(app.browser, app.served, `/meetings/${meetingId}`));
    await other.getByRole('tab', { name: '会议控制台' }).click();
    await visible(other.getByTestId('console-speaker').filter({ hasText: '钱文斌' }));
  });

  it('结束会议 asks first: Esc cancels, Enter ends; the other window drops the speaker at once', async () => {
    await app.page.getByRole('button', { name: '结束会议' }).click();
    const ask = app.page.getByRole('alertdialog', { name: '结束会议？' });
    await visible(ask);
    await app.page.keyboard.press('Escape');
    await hidden(ask);
    expect((await apiValue<{ status: string }>(app.served, 'meeting.get', { id: meetingId })).status).toBe('进行中');
    await app.page.getByRole('button', { name: '结束会议' }).click();
    await visible(ask);
    await app.page.screenshot({ path: screenPath('console-confirm-end-1366x768') });
    await app.page.keyboard.press('Enter');
    await expect
      .poll(async () => (await apiValue<{ status: string }>(app.served, 'meeting.get', { id: meetingId })).status)
      .toBe('已结束');
    // No reload: the other console shows nobody on the floor, with no countdown.
    await visible(other.getByTestId('console-idle'));
    expect(await other.getByTestId('console-countdown').count()).toBe(0);
    expect((await entry('钱文斌')).state).toBe('已发言');
  });

  it('归档 asks first too, and the other window turns read-only', async () => {
    await app.page.getByRole('button', { name: '归档', exact: true }).click();
    const ask = app.page.getByRole('alertdialog', { name: '归档这次会议？' });
    await visible(ask);
    await app.page.keyboard.press('Enter');
    await visible(other.getByText('本会议已归档，只能查看。'));
    expect(await other.getByRole('button', { name: '下一位 »' }).count()).toBe(0);
  });
});
