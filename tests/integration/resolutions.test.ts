import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markId } from '../../shared/domain/minutesDoc';
import { writeMinutesDoc } from '../support/minutesClient';
import { heldMeeting } from '../support/meetingScenario';
import { dumpDatabase, err, ok, tempCore } from '../support/tempCore';

let core: ReturnType<typeof tempCore>;

beforeEach(async () => {
  core = tempCore({ now: () => new Date(2026, 4, 14, 12, 0) });
  ok(await core.invoke('app.loadDemo', {}));
});
afterEach(() => core.dispose());

describe('consensus resolutions', () => {
  it('turn a marked suggestion into a resolution in one step, linked to the mark and its speech', async () => {
    const s = await heldMeeting(core, { resolutions: 0, confirm: false });
    const marks = ok(await core.invoke('mark.list', { meetingId: s.meetingId }));
    const suggestion = marks.find((m) => m.kind === '建议' && m.speechId !== null)!;
    let list = ok(await core.invoke('resolution.list', { meetingId: s.meetingId }));
    expect(list.untaken.map((m) => m.id)).toContain(suggestion.id);
    expect(list.untaken.some((m) => m.kind === '共识')).toBe(false);

    list = ok(await core.invoke('resolution.fromMark', { markId: suggestion.id }));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      position: 1,
      text: suggestion.excerpt,
      markIds: [suggestion.id],
      speechIds: [suggestion.speechId],
    });
    expect(list.items[0].speakers).toEqual([suggestion.speaker]);
    expect(list.untaken.map((m) => m.id)).not.toContain(suggestion.id);
    expect(err(await core.invoke('resolution.fromMark', { markId: suggestion.id }))).toContain('已经转为协商意见');
  });

  it('take the department of a department’s own commitment as the lead', async () => {
    const s = await heldMeeting(core, { resolutions: 0, confirm: false });
    const answer = s.sections.find((x) => x.kind === '部门回应')!;
    const rep = s.people.find((p) => p.name === answer.name)!;
    const id = markId('回应/承诺', 'dept-0001');
    const text = (t: string) => ({ type: 'text', text: t, format: 0, version: 1 });
    const doc = JSON.stringify({
      root: {
        type: 'root',
        version: 1,
        children: [
          { type: 'speaker', version: 1, ...answer },
          {
            type: 'paragraph',
            version: 1,
            children: [{ type: 'mark', version: 1, ids: [id], children: [text('三季度前完成主街指引牌更新')] }],
          },
        ],
      },
    });
    await writeMinutesDoc(core, s.meetingId, doc);
    const list = ok(await core.invoke('resolution.fromMark', { markId: id }));
    expect(rep.departmentId).not.toBeNull();
    expect(list.items[0]).toMatchObject({
      text: '三季度前完成主街指引牌更新',
      leadDepartmentId: rep.departmentId,
      speechIds: [answer.speechId],
    });
  });

  it('keep positions 1..n through moves and removals, and any change withdraws the chair’s confirmation', async () => {
    const s = await heldMeeting(core, { resolutions: 4 });
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

  it('change only the fields sent, and refuse an update with nothing to change', async () => {
    const s = await heldMeeting(core, { resolutions: 2, confirm: false });
    const r = s.list.items[0];
    const list = ok(await core.invoke('resolution.update', { id: r.id, deadline: '2026-12-31' }));
    const after = list.items.find((i) => i.id === r.id)!;
    expect(after).toEqual({ ...r, deadline: '2026-12-31' });
    const before = dumpDatabase(core);
    expect(err(await core.invoke('resolution.update', { id: r.id }))).toBe('没有要修改的内容');
    expect(dumpDatabase(core)).toBe(before);
  });

  it('refuse a confirmation while one lacks its lead department or deadline, naming it', async () => {
    const s = await heldMeeting(core, { resolutions: 2, confirm: false });
    // Not before the meeting has been held: a meeting in preparation has agreed nothing yet.
    expect(err(await core.invoke('resolution.confirm', { meetingId: s.meetingId, by: s.chair }))).toContain(
      '尚未召开（筹备中），会议开始后才能确认协商意见',
    );
    ok(await core.invoke('meeting.setStatus', { id: s.meetingId, status: '进行中' }));
    const second = s.list.items[1];
    ok(await core.invoke('resolution.update', { ...pick(second), deadline: null }));
    expect(err(await core.invoke('resolution.confirm', { meetingId: s.meetingId, by: s.chair }))).toBe(
      '第二项协商意见还没有办理时限',
    );
    ok(await core.invoke('resolution.update', { ...pick(second), leadDepartmentId: null }));
    expect(err(await core.invoke('resolution.confirm', { meetingId: s.meetingId, by: s.chair }))).toBe(
      '第二项协商意见还没有主办单位',
    );
    const empty = ok(
      await core.invoke('meeting.create', {
        topicId: null,
        form: '冰城商量',
        title: '空',
        startsAt: '2026-06-01T09:00',
      }),
    ).id;
    ok(await core.invoke('meeting.setStatus', { id: empty, status: '进行中' }));
    expect(err(await core.invoke('resolution.confirm', { meetingId: empty, by: s.chair }))).toContain('还没有协商意见');
  });

  it('refuse departments, marks and speeches that are not this meeting’s, in Chinese, changing nothing', async () => {
    const s = await heldMeeting(core, { resolutions: 1 });
    const other = await heldMeeting(core, { title: '另一次会议', resolutions: 0, confirm: false });
    const r = s.list.items[0];
    const before = dumpDatabase(core);
    const otherMark = ok(await core.invoke('mark.list', { meetingId: other.meetingId }))[0].id;
    expect(err(await core.invoke('resolution.update', { ...pick(r), markIds: [otherMark] }))).toBe(
      '只能引用本次会议记录中的标记',
    );
    expect(err(await core.invoke('resolution.update', { ...pick(r), speechIds: [other.sections[0].speechId] }))).toBe(
      '只能引用本次会议的发言',
    );
    expect(err(await core.invoke('resolution.update', { ...pick(r), coDepartmentIds: [r.leadDepartmentId!] }))).toBe(
      '协办单位不能与主办单位相同',
    );
    expect(
      err(await core.invoke('resolution.update', { ...pick(r), markIds: [markId('建议', 'nowhere-000')] })),
    ).toContain('未找到');
    expect(dumpDatabase(core)).toBe(before);
  });

  it('keep their link to a mark that leaves the text for a while (cut and pasted, undone, restored)', async () => {
    const s = await heldMeeting(core, { resolutions: 1 });
    const r = s.list.items[0];
    const state = ok(await core.invoke('minutes.get', { meetingId: s.meetingId }));
    // The marked passage is cut: the mark node goes, and its record with the next save.
    type Node = { type: string; ids?: string[]; children?: Node[] };
    const unmark = (n: Node): Node[] =>
      n.type === 'mark' && n.ids?.includes(r.markIds[0])
        ? (n.children ?? []).flatMap(unmark)
        : [{ ...n, ...(n.children ? { children: n.children.flatMap(unmark) } : {}) }];
    const root = (JSON.parse(state.doc!) as { root: Node }).root;
    const cut = JSON.stringify({ root: unmark(root)[0] });
    expect(cut).not.toBe(state.doc);
    await writeMinutesDoc(core, s.meetingId, cut);
    let list = ok(await core.invoke('resolution.list', { meetingId: s.meetingId }));
    expect(list.items[0]).toMatchObject({ id: r.id, text: r.text, markIds: [] });
    expect(list.confirmed).not.toBeNull();
    // Pasted back: the same mark id, the same link; it is not offered as untaken.
    await writeMinutesDoc(core, s.meetingId, state.doc!);
    list = ok(await core.invoke('resolution.list', { meetingId: s.meetingId }));
    expect(list.items[0].markIds).toEqual(r.markIds);
    expect(list.untaken.map((m) => m.id)).not.toContain(r.markIds[0]);
  });

  it('withdraw the confirmation on a change of substance only, and edit only the speeches linked directly', async () => {
    const s = await heldMeeting(core, { resolutions: 2 });
    const [a, b] = s.list.items;
    const confirmedWith = async (p: Promise<Parameters<typeof ok>[0]>) => (
      ok(await p),
      ok(await core.invoke('resolution.list', { meetingId: s.meetingId })).confirmed !== null
    );
    const reconfirm = () => core.invoke('resolution.confirm', { meetingId: s.meetingId, by: s.chair });
    // Saving the form unchanged, or moving an item onto its own place: still confirmed.
    expect(await confirmedWith(core.invoke('resolution.update', pick(a)))).toBe(true);
    expect(await confirmedWith(core.invoke('resolution.move', { id: a.id, toIndex: 0 }))).toBe(true);
    // Sources only: still confirmed; the mark's speech is not copied into the direct links.
    const speech = s.sections.find((x) => !a.speechIds.includes(x.speechId))!.speechId;
    expect(await confirmedWith(core.invoke('resolution.update', { ...pick(a), speechIds: [speech] }))).toBe(true);
    let list = ok(await core.invoke('resolution.list', { meetingId: s.meetingId }));
    expect(list.items[0].directSpeechIds).toEqual([speech]);
    expect(list.items[0].speechIds).toEqual([...new Set([...a.speechIds, speech])].sort((x, y) => x - y));
    // Unlinking the mark takes its speech away too.
    ok(await core.invoke('resolution.update', { ...pick(a), markIds: [], speechIds: [] }));
    list = ok(await core.invoke('resolution.list', { meetingId: s.meetingId }));
    expect(list.items[0].speechIds).toEqual([]);
    ok(await core.invoke('resolution.update', pick(a)));
    // Text, a new item, a removal, one taken from a mark: each withdraws it.
    expect(await confirmedWith(core.invoke('resolution.update', { ...pick(b), text: `${b.text}（修改）` }))).toBe(
      false,
    );
    // The chair sees what changed since the confirmation, and confirms again in one step.
    list = ok(await core.invoke('resolution.list', { meetingId: s.meetingId }));
    expect(list.changedSince?.by).toBe(s.chair);
    expect(list.changedSince?.changes).toHaveLength(1);
    const [change] = list.changedSince!.changes;
    expect(change.position).toBe(2);
    // Only the clause that changed, not the whole line twice.
    expect(b.text.endsWith(change.before!)).toBe(true);
    expect(change.after).toBe(`${change.before}（修改）`);
    list = ok(await reconfirm());
    expect(list.confirmed?.by).toBe(s.chair);
    expect(list.changedSince).toBeNull();
    const extra = ok(
      await core.invoke('resolution.create', {
        meetingId: s.meetingId,
        text: '新增一项',
        leadDepartmentId: a.leadDepartmentId,
        coDepartmentIds: [],
        deadline: '2026-12-31',
        markIds: [],
        speechIds: [],
      }),
    );
    expect(extra.confirmed).toBeNull();
    expect(extra.changedSince?.changes).toEqual([
      { position: 3, before: null, after: expect.stringContaining('新增一项') },
    ]);
    ok(await reconfirm());
    expect(await confirmedWith(core.invoke('resolution.remove', { id: extra.items[2].id }))).toBe(false);
    ok(await reconfirm());
    const mark = ok(await core.invoke('resolution.list', { meetingId: s.meetingId })).untaken.find(
      (m) => m.kind === '建议',
    )!;
    expect(await confirmedWith(core.invoke('resolution.fromMark', { markId: mark.id }))).toBe(false);
  });

  it('link a mark to one resolution only, and refuse an impossible deadline', async () => {
    const s = await heldMeeting(core, { resolutions: 2 });
    const [a, b] = s.list.items;
    expect(err(await core.invoke('resolution.update', { ...pick(b), markIds: [...b.markIds, a.markIds[0]] }))).toBe(
      '这条标记已经转为第一项协商意见',
    );
    expect(err(await core.invoke('resolution.update', { ...pick(b), deadline: '2026-02-30' }))).toContain(
      '不是有效的日期',
    );
  });

  it('of an archived meeting refuse every change', async () => {
    const s = await heldMeeting(core, { resolutions: 2 });
    for (const status of ['进行中', '已结束', '已归档'] as const)
      ok(await core.invoke('meeting.setStatus', { id: s.meetingId, status }));
    const before = dumpDatabase(core);
    const r = s.list.items[0];
    for (const result of [
      await core.invoke('resolution.update', pick(r)),
      await core.invoke('resolution.move', { id: r.id, toIndex: 1 }),
      await core.invoke('resolution.remove', { id: r.id }),
      await core.invoke('resolution.confirm', { meetingId: s.meetingId, by: s.chair }),
      await core.invoke('resolution.fromMark', { markId: s.list.untaken[0].id }),
      await core.invoke('resolution.create', {
        meetingId: s.meetingId,
        text: '新增',
        leadDepartmentId: null,
        coDepartmentIds: [],
        deadline: null,
        markIds: [],
        speechIds: [],
      }),
    ]) {
      expect(err(result)).toContain('已归档');
    }
    expect(dumpDatabase(core)).toBe(before);
  });
});

function pick(r: {
  id: number;
  text: string;
  leadDepartmentId: number | null;
  coDepartmentIds: number[];
  deadline: string | null;
  markIds: string[];
  directSpeechIds: number[];
}) {
  return {
    id: r.id,
    text: r.text,
    leadDepartmentId: r.leadDepartmentId,
    coDepartmentIds: r.coDepartmentIds,
    deadline: r.deadline,
    markIds: r.markIds,
    speechIds: r.directSpeechIds,
  };
}
