import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markId } from '../../shared/domain/minutesDoc';
import { heldMeeting } from '../support/meetingScenario';
import { dumpDatabase, ok, tempCore } from '../support/tempCore';

let core: ReturnType<typeof tempCore>;
const err = (r: { ok: boolean; error?: { message: string } }) => (r.ok ? '' : r.error!.message);

beforeEach(async () => {
  core = tempCore({ now: () => new Date(2026, 4, 14, 12, 0) });
  ok(await core.invoke('app.loadDemo', {}));
});
afterEach(() => core.dispose());

describe('consensus resolutions', () => {
  it('turn a marked suggestion into a resolution in one step, linked to the mark and its speech', async () => {
    const s = await heldMeeting(core.invoke, { resolutions: 0, confirm: false });
    const marks = ok(await core.invoke('mark.list', { meetingId: s.meetingId }));
    const suggestion = marks.find((m) => m.kind === '建议' && m.speechId !== null)!;
    let list = ok(await core.invoke('resolution.list', { meetingId: s.meetingId }));
    expect(list.untaken.map((m) => m.id)).toContain(suggestion.id);
    expect(list.untaken.some((m) => m.kind === '共识')).toBe(false);

    list = ok(await core.invoke('resolution.fromMark', { markId: suggestion.id }));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ position: 1, text: suggestion.excerpt, markIds: [suggestion.id], speechIds: [suggestion.speechId] });
    expect(list.items[0].speakers).toEqual([suggestion.speaker]);
    expect(list.untaken.map((m) => m.id)).not.toContain(suggestion.id);
    expect(err(await core.invoke('resolution.fromMark', { markId: suggestion.id }))).toContain('已经转为协商意见');
  });

  it('take the department of a department’s own commitment as the lead', async () => {
    const s = await heldMeeting(core.invoke, { resolutions: 0, confirm: false });
    const answer = s.sections.find((x) => x.kind === '部门回应')!;
    const rep = s.people.find((p) => p.name === answer.name)!;
    const id = markId('回应/承诺', 'dept-0001');
    const text = (t: string) => ({ type: 'text', text: t, format: 0, version: 1 });
    const doc = JSON.stringify({
      root: { type: 'root', version: 1, children: [{ type: 'speaker', version: 1, ...answer }, { type: 'paragraph', version: 1, children: [{ type: 'mark', version: 1, ids: [id], children: [text('三季度前完成主街指引牌更新')] }] }] },
    });
    const { version } = ok(await core.invoke('minutes.get', { meetingId: s.meetingId }));
    ok(await core.invoke('minutes.save', { meetingId: s.meetingId, doc, baseVersion: version }));
    const list = ok(await core.invoke('resolution.fromMark', { markId: id }));
    expect(rep.departmentId).not.toBeNull();
    expect(list.items[0]).toMatchObject({ text: '三季度前完成主街指引牌更新', leadDepartmentId: rep.departmentId, speechIds: [answer.speechId] });
  });

  it('keep positions 1..n through moves and removals, and any change withdraws the chair’s confirmation', async () => {
    const s = await heldMeeting(core.invoke, { resolutions: 4 });
    expect(s.list.confirmed).toMatchObject({ by: s.chair });
    const [a, b, c, d] = s.list.items;
    let list = ok(await core.invoke('resolution.move', { id: d.id, toIndex: 0 }));
    expect(list.items.map((i) => [i.id, i.position])).toEqual([
      [d.id, 1],
      [a.id, 2],
      [b.id, 3],
      [c.id, 4],
    ]);
    expect(list.confirmed).toBeNull();
    list = ok(await core.invoke('resolution.remove', { id: a.id }));
    expect(list.items.map((i) => [i.id, i.position])).toEqual([
      [d.id, 1],
      [b.id, 2],
      [c.id, 3],
    ]);
    // The removed resolution's marks are suggestions not taken up again.
    expect(list.untaken.map((m) => m.id)).toEqual(expect.arrayContaining(a.markIds));
    list = ok(await core.invoke('resolution.confirm', { meetingId: s.meetingId, by: s.chair }));
    expect(list.confirmed).not.toBeNull();
  });

  it('refuse a confirmation while one lacks its lead department or deadline, naming it', async () => {
    const s = await heldMeeting(core.invoke, { resolutions: 2, confirm: false });
    const second = s.list.items[1];
    ok(await core.invoke('resolution.update', { ...pick(second), deadline: null }));
    expect(err(await core.invoke('resolution.confirm', { meetingId: s.meetingId, by: s.chair }))).toBe('第二项协商意见还没有办理时限');
    ok(await core.invoke('resolution.update', { ...pick(second), leadDepartmentId: null }));
    expect(err(await core.invoke('resolution.confirm', { meetingId: s.meetingId, by: s.chair }))).toBe('第二项协商意见还没有主办单位');
    const empty = ok(await core.invoke('meeting.create', { topicId: null, form: '冰城商量', title: '空', startsAt: '2026-06-01T09:00' })).id;
    expect(err(await core.invoke('resolution.confirm', { meetingId: empty, by: s.chair }))).toContain('还没有协商意见');
  });

  it('refuse departments, marks and speeches that are not this meeting’s, in Chinese, changing nothing', async () => {
    const s = await heldMeeting(core.invoke, { resolutions: 1 });
    const other = await heldMeeting(core.invoke, { title: '另一次会议', resolutions: 0, confirm: false });
    const r = s.list.items[0];
    const before = dumpDatabase(core);
    const otherMark = ok(await core.invoke('mark.list', { meetingId: other.meetingId }))[0].id;
    expect(err(await core.invoke('resolution.update', { ...pick(r), markIds: [otherMark] }))).toBe('只能引用本次会议记录中的标记');
    expect(err(await core.invoke('resolution.update', { ...pick(r), speechIds: [other.sections[0].speechId] }))).toBe('只能引用本次会议的发言');
    expect(err(await core.invoke('resolution.update', { ...pick(r), coDepartmentIds: [r.leadDepartmentId!] }))).toBe('协办单位不能与主办单位相同');
    expect(err(await core.invoke('resolution.update', { ...pick(r), markIds: [markId('建议', 'nowhere-000')] }))).toContain('未找到');
    expect(dumpDatabase(core)).toBe(before);
  });

  it('keep a resolution when its mark leaves the minutes, without the link', async () => {
    const s = await heldMeeting(core.invoke, { resolutions: 1 });
    const r = s.list.items[0];
    const state = ok(await core.invoke('minutes.get', { meetingId: s.meetingId }));
    // The secretary removes the highlight: the mark node goes, its text stays.
    const unmarked = state.doc!.replace(new RegExp(`\\{"type":"mark"[^{}]*"ids":\\["${r.markIds[0]}"\\][^{}]*"children":\\[(\\{[^{}]*\\})\\]\\}`), '$1');
    expect(unmarked).not.toBe(state.doc);
    ok(await core.invoke('minutes.save', { meetingId: s.meetingId, doc: unmarked, baseVersion: state.version }));
    const list = ok(await core.invoke('resolution.list', { meetingId: s.meetingId }));
    expect(list.items[0]).toMatchObject({ id: r.id, text: r.text, markIds: [] });
  });

  it('of an archived meeting refuse every change', async () => {
    const s = await heldMeeting(core.invoke, { resolutions: 2 });
    for (const status of ['进行中', '已结束', '已归档'] as const) ok(await core.invoke('meeting.setStatus', { id: s.meetingId, status }));
    const before = dumpDatabase(core);
    const r = s.list.items[0];
    for (const result of [
      await core.invoke('resolution.update', pick(r)),
      await core.invoke('resolution.move', { id: r.id, toIndex: 1 }),
      await core.invoke('resolution.remove', { id: r.id }),
      await core.invoke('resolution.confirm', { meetingId: s.meetingId, by: s.chair }),
      await core.invoke('resolution.create', { meetingId: s.meetingId, text: '新增', leadDepartmentId: null, coDepartmentIds: [], deadline: null, markIds: [], speechIds: [] }),
    ]) {
      expect(err(result)).toContain('已归档');
    }
    expect(dumpDatabase(core)).toBe(before);
  });
});

function pick(r: { id: number; text: string; leadDepartmentId: number | null; coDepartmentIds: number[]; deadline: string | null; markIds: string[]; speechIds: number[] }) {
  return { id: r.id, text: r.text, leadDepartmentId: r.leadDepartmentId, coDepartmentIds: r.coDepartmentIds, deadline: r.deadline, markIds: r.markIds, speechIds: r.speechIds };
}
