import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDocx } from '../support/docx';
import { heldMeeting } from '../support/meetingScenario';
import { dumpDatabase, err, ok, tempCore } from '../support/tempCore';

let core: ReturnType<typeof tempCore>;
beforeEach(async () => {
  core = tempCore({ now: () => new Date(2026, 9, 8, 10, 0) }); // 2026-10-08
  ok(await core.invoke('app.loadDemo', {}));
});
afterEach(() => core.dispose());

const act = (
  resolutionId: number,
  action: '交办' | '受理' | '答复' | '评价' | '办结' | '反馈',
  date: string,
  extra: Record<string, unknown> = {},
) => core.invoke('followup.act', { resolutionId, action, date, by: '政协办公厅', note: '', ...extra } as never);

describe('follow-up', () => {
  it('takes a resolution through 交办, 受理, 答复, one 不满意 round, 评价, 办结 and 反馈, every step dated', async () => {
    const s = await heldMeeting(core, { resolutions: 2 });
    const id = s.list.items[0].id;
    ok(await act(id, '交办', '2026-05-20'));
    ok(await act(id, '受理', '2026-05-22', { by: '市城管局' }));
    ok(await act(id, '答复', '2026-07-01', { by: '市城管局', replyText: '已更新主街指引牌', replyClass: 'B' }));
    expect(err(await act(id, '评价', '2026-07-05', { evaluation: '不满意' }))).toBe('不满意须说明督办意见');
    let item = ok(await act(id, '评价', '2026-07-05', { evaluation: '不满意', note: '导航软件尚未标注，请继续办理' }));
    expect(item).toMatchObject({ state: '办理中', urged: 1, replyClass: 'B', possible: ['答复'] });
    ok(await act(id, '答复', '2026-08-01', { by: '市城管局', replyText: '导航软件已标注全部公厕', replyClass: 'A' }));
    ok(await act(id, '评价', '2026-08-03', { evaluation: '满意' }));
    ok(await act(id, '办结', '2026-08-05'));
    item = ok(await act(id, '反馈', '2026-08-06', { note: '在社区公告栏和“冰城商量”公众号公布办理结果' }));
    expect(item).toMatchObject({
      state: '办结',
      replyClass: 'A',
      evaluation: '满意',
      reportedOn: '2026-08-06',
      sentOn: '2026-05-20',
      repliedOn: '2026-08-01',
    });

    const history = ok(await core.invoke('followup.history', { resolutionId: id }));
    expect(history.map((h) => [h.action, h.date, h.by])).toEqual([
      ['交办', '2026-05-20', '政协办公厅'],
      ['受理', '2026-05-22', '市城管局'],
      ['答复', '2026-07-01', '市城管局'],
      ['评价', '2026-07-05', '政协办公厅'],
      ['答复', '2026-08-01', '市城管局'],
      ['评价', '2026-08-03', '政协办公厅'],
      ['办结', '2026-08-05', '政协办公厅'],
      ['反馈', '2026-08-06', '政协办公厅'],
    ]);
    expect(history[3]).toMatchObject({ evaluation: '不满意', note: '导航软件尚未标注，请继续办理' });
    // The record is append-only, in the database itself.
    expect(() => core.db.prepare('DELETE FROM followup_event').run()).toThrow('只能追加');
  });

  it('refuses steps out of order, backdated, unconfirmed or without a lead department, changing nothing', async () => {
    const s = await heldMeeting(core, { resolutions: 1 });
    const id = s.list.items[0].id;
    const before = dumpDatabase(core);
    expect(err(await act(id, '答复', '2026-06-01', { replyText: '答复', replyClass: 'A' }))).toBe(
      '“待交办”的协商意见不能答复',
    );
    expect(dumpDatabase(core)).toBe(before);
    ok(await act(id, '交办', '2026-06-10'));
    expect(err(await act(id, '受理', '2026-06-09'))).toBe('受理日期不能早于上一步的日期（2026-06-10）');
    const draft = await heldMeeting(core, { title: '未确认', resolutions: 1, confirm: false });
    expect(err(await act(draft.list.items[0].id, '交办', '2026-06-10'))).toContain('尚未经主持人确认');
    expect(err(await core.invoke('resolution.remove', { id }))).toContain('不能删除');
  });

  it('lists overdue items first, counts by status and department, and goes on after the meeting is archived', async () => {
    const s = await heldMeeting(core, { resolutions: 3 });
    const [a, b, c] = s.list.items; // deadlines 2026-07-30, 08-30, 09-30; today is 2026-10-08
    ok(await act(a.id, '交办', '2026-05-20'));
    ok(await act(b.id, '交办', '2026-05-20'));
    ok(await act(b.id, '受理', '2026-05-21'));
    ok(await act(b.id, '答复', '2026-08-01', { replyText: '已答复', replyClass: 'C' }));
    for (const status of ['进行中', '已结束', '已归档'] as const)
      ok(await core.invoke('meeting.setStatus', { id: s.meetingId, status }));
    ok(await act(b.id, '评价', '2026-08-10', { evaluation: '基本满意' }));

    const board = ok(await core.invoke('followup.list', { year: 2026 }));
    expect(board.items.map((i) => [i.text, i.state, i.overdue])).toEqual([
      [a.text, '已交办', true],
      [c.text, '待交办', true],
      [b.text, '已评价', false],
    ]);
    expect(board.byState).toMatchObject({ 待交办: 1, 已交办: 1, 已评价: 1, 办结: 0 });
    const lead = board.byDepartment.find((d) => d.department === a.leadDepartment)!;
    expect(lead).toMatchObject({ overdue: 1 });
    expect(ok(await core.invoke('followup.list', { overdueOnly: true })).items).toHaveLength(2);
    expect(
      ok(await core.invoke('followup.list', { departmentId: b.leadDepartmentId! })).items.map((i) => i.text),
    ).toEqual([b.text]);

    // The 办理清单 shows each one's status and reply class.
    const out = ok(await core.invoke('document.export', { meetingId: s.meetingId, kind: '协商意见办理清单' }));
    const rows = (await readDocx(out.dataBase64)).tables[0].slice(1);
    expect(rows.map((r) => [r[5], r[6]])).toEqual([
      ['已交办（逾期）', '—'],
      ['已评价', 'C类（列入计划）'],
      ['待交办（逾期）', '—'],
    ]);
  });
});
