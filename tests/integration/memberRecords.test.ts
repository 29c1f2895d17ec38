import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName, Input, Output } from '../../shared/contract';
import type { MemberRecord } from '../../shared/contract/memberRecords';
import type { Person } from '../../shared/contract/directory';
import { heldMeeting, type Scenario } from '../support/meetingScenario';
import { err, ok, tempCore } from '../support/tempCore';

/**
 * A year of records built through the app's own calls with a clock the test moves: a held
 * meeting whose speeches run for chosen seconds (one paused in the middle, one withdrawn), a
 * meeting still 筹备中, one going on with a speaker on the floor, one on New Year's Eve of the
 * year before. Every expected number is worked out here from what the test did, not read back
 * from the records.
 */
let clock = Date.parse('2026-05-14T01:00:00.000Z');
const core = tempCore({ now: () => new Date(clock) });
const call = async <K extends CallName>(name: K, input: Input<K>): Promise<Output<K>> =>
  ok(await core.invoke(name, input));
const tick = (seconds: number) => (clock += seconds * 1000);

let s: Scenario;
/** The resolution linked to one member twice. */
let doubled = 0;
let members: Person[];
/** Seconds each person spoke in 2026, and speeches given, as the test made them speak. */
const spoke = new Map<number, { n: number; seconds: number }>();
const said = (personId: number, seconds: number) => {
  const x = spoke.get(personId) ?? { n: 0, seconds: 0 };
  spoke.set(personId, { n: x.n + 1, seconds: x.seconds + seconds });
};
/** A speaker still on the floor when the records are read: 95 s so far. */
const RUNNING = 95;

async function speak(speechId: number, personId: number, seconds: number, pauseAfter?: number) {
  await call('queue.start', { id: speechId });
  if (pauseAfter !== undefined) {
    tick(pauseAfter);
    await call('queue.pause', { id: speechId });
    tick(40); // a pause is not speaking time
    await call('queue.resume', { id: speechId });
    tick(seconds - pauseAfter);
  } else tick(seconds);
  await call('queue.end', { id: speechId });
  said(personId, seconds);
}

const row = (list: { rows: MemberRecord[] }, personId: number) => list.rows.find((r) => r.personId === personId);

beforeAll(async () => {
  await call('app.loadDemo', {});
  members = (await call('person.list', {})).filter((p) => p.kind === '委员');
  // 12 speeches: members[2..6], the expert and two residents, then members[2] again, then three departments.
  s = await heldMeeting(core, { speeches: 12, resolutions: 3 });
  // The speeches are timed here, in a meeting reopened after its confirmation.
  await call('meeting.setStatus', { id: s.meetingId, status: '进行中' });
  const queue = await call('queue.get', { meetingId: s.meetingId });
  const durations = [185, 240, 95, 300, 61, 150, 200, 125, 90, 330, 45, 70];
  for (const [i, e] of queue.entries.entries()) await speak(e.id, e.personId, durations[i], i === 1 ? 100 : undefined);
  // members[5] queued a second time and withdrew: not a speech.
  const again = (
    await call('queue.add', { meetingId: s.meetingId, personId: members[5].id, kind: '即席发言' })
  ).entries.at(-1)!;
  await call('queue.withdraw', { id: again.id });
  // members[9] was never invited nor checked in, yet spoke: they were in the room.
  const walkIn = (
    await call('queue.add', { meetingId: s.meetingId, personId: members[9].id, kind: '即席发言' })
  ).entries.at(-1)!;
  await speak(walkIn.id, members[9].id, 75);
  // members[11] was added and never checked in, and did not speak.
  await call('participant.add', { meetingId: s.meetingId, personIds: [members[11].id] });
  await call('meeting.setStatus', { id: s.meetingId, status: '已结束' });

  // One resolution drawn twice from one member (a mark of theirs and their speech directly) counts once for them.
  const list = await call('resolution.list', { meetingId: s.meetingId });
  const isMember = new Set(members.map((m) => m.id));
  const byMember = (id: number) => isMember.has(queue.entries.find((e) => e.id === id)!.personId);
  const first = list.items.find((r) => r.markIds.length && r.speechIds.some(byMember))!;
  doubled = first.id;
  const own = queue.entries.find((e) => e.id === first.speechIds.find(byMember))!;
  await call('resolution.update', {
    id: first.id,
    text: first.text,
    leadDepartmentId: first.leadDepartmentId,
    coDepartmentIds: first.coDepartmentIds,
    deadline: first.deadline,
    markIds: first.markIds,
    speechIds: [own.id],
  });

  // Still 筹备中: nobody attended or missed it yet.
  const planned = await call('meeting.create', {
    topicId: null,
    form: '专题协商',
    title: '冰雪旅游服务',
    startsAt: '2026-11-05T09:00',
  });
  await call('participant.add', { meetingId: planned.id, personIds: [members[2].id, members[10].id] });

  // New Year's Eve of 2025: counted in 2025 only.
  const eve = await call('meeting.create', {
    topicId: null,
    form: '冰城商量',
    title: '冬季人行道积雪清理',
    startsAt: '2025-12-31T19:00',
  });
  const qe = await call('queue.add', { meetingId: eve.id, personId: members[3].id, kind: '预约发言' });
  await call('queue.start', { id: qe.entries[0].id });
  tick(120);
  await call('meeting.setStatus', { id: eve.id, status: '已结束' });

  // Going on now, members[4] on the floor as the records are read: last, so the clock stops here.
  const live = await call('meeting.create', {
    topicId: null,
    form: '界别协商',
    title: '社区养老服务站',
    startsAt: '2026-09-01T09:00',
  });
  const q = await call('queue.add', { meetingId: live.id, personId: members[4].id, kind: '预约发言' });
  await call('queue.start', { id: q.entries[0].id });
  tick(RUNNING);
  const p4 = spoke.get(members[4].id)!;
  spoke.set(members[4].id, { n: p4.n + 1, seconds: p4.seconds + RUNNING });

  // Retired: members[12] did nothing this year (left out); members[3] took part (kept).
  await call('person.setRetired', { id: members[12].id, retired: true });
  await call('person.setRetired', { id: members[3].id, retired: true });
});
afterAll(() => core.dispose());

describe('members’ records', () => {
  it('counts meetings, attendance and speeches per member from what happened', async () => {
    const list = await call('records.list', { year: 2026 });
    expect(list).toMatchObject({ year: 2026, kind: '委员', years: [2026, 2025], meetings: 2 });
    const meeting = await call('meeting.get', { id: s.meetingId });
    for (const m of members.filter((p) => p.id !== members[12].id)) {
      const r = row(list, m.id);
      expect(r, m.name).toBeDefined();
      const mine = meeting.participants.filter((p) => p.personId === m.id);
      const live = m.id === members[4].id ? 1 : 0;
      const given = spoke.get(m.id) ?? { n: 0, seconds: 0 };
      const walkedIn = mine.some((p) => p.attendance === '未签到') && given.n > 0;
      expect(
        {
          invited: r!.meetingsInvited,
          attended: r!.meetingsAttended,
          leave: r!.leave,
          speeches: r!.speeches,
          seconds: r!.speakingSeconds,
        },
        m.name,
      ).toEqual({
        invited: mine.length + live,
        attended: mine.filter((p) => p.attendance === '出席').length + (walkedIn ? 1 : 0) + live,
        leave: mine.filter((p) => p.attendance === '请假').length,
        speeches: given.n,
        seconds: given.seconds,
      });
    }
    // The ones a secretary would check by eye.
    expect(row(list, members[2].id)).toMatchObject({
      meetingsInvited: 1,
      meetingsAttended: 1,
      speeches: 2,
      speakingSeconds: 185 + 90,
    });
    expect(row(list, members[3].id)).toMatchObject({ speeches: 1, speakingSeconds: 240, retired: true }); // paused 40 s in the middle; 2025 not here
    expect(row(list, members[7].id)).toMatchObject({ meetingsInvited: 1, meetingsAttended: 0, leave: 1, speeches: 0 });
    expect(row(list, members[9].id)).toMatchObject({
      meetingsInvited: 1,
      meetingsAttended: 1,
      unmarked: 0,
      speeches: 1,
      speakingSeconds: 75,
    });
    expect(row(list, members[11].id)).toMatchObject({ meetingsInvited: 1, meetingsAttended: 0, unmarked: 1 });
    expect(row(list, members[4].id)).toMatchObject({ meetingsInvited: 2, speakingSeconds: 95 + RUNNING });
    expect(row(list, members[5].id)).toMatchObject({ speeches: 1, speakingSeconds: 300 }); // the withdrawn second entry is no speech
    expect(row(list, members[10].id)).toMatchObject({
      meetingsInvited: 0,
      meetingsAttended: 0,
      speeches: 0,
      speakingSeconds: 0,
      marksTotal: 0,
      suggestionsAdopted: 0,
    });
    expect(row(list, members[12].id)).toBeUndefined();
    // Only 委员: the departments' representatives who answered are not in this list.
    expect(list.rows).toHaveLength(members.length - 1);
  });

  it('counts marks by kind and adopted suggestions once per resolution', async () => {
    const list = await call('records.list', { year: 2026 });
    const queue = await call('queue.get', { meetingId: s.meetingId });
    const speaker = new Map(queue.entries.map((e) => [e.id, e.personId]));
    const marks = await call('mark.list', { meetingId: s.meetingId });
    const resolutions = await call('resolution.list', { meetingId: s.meetingId });
    const markSpeaker = new Map(marks.map((m) => [m.id, m.speechId === null ? null : speaker.get(m.speechId)]));
    let someoneAdopted = false;
    for (const m of members.filter((p) => p.id !== members[12].id)) {
      const own = marks.filter((k) => k.speechId !== null && speaker.get(k.speechId) === m.id);
      const adopted = resolutions.items.filter(
        (r) =>
          r.markIds.some((id) => markSpeaker.get(id) === m.id) ||
          r.directSpeechIds.some((id) => speaker.get(id) === m.id),
      );
      someoneAdopted ||= adopted.length > 0;
      expect(row(list, m.id), m.name).toMatchObject({
        suggestions: own.filter((k) => k.kind === '建议').length,
        commitments: own.filter((k) => k.kind === '回应/承诺').length,
        consensus: own.filter((k) => k.kind === '共识').length,
        marksTotal: own.length,
        suggestionsAdopted: adopted.length,
      });
    }
    expect(someoneAdopted).toBe(true);
    // The doubly linked resolution: its member has it once, whatever else they have.
    const first = resolutions.items.find((r) => r.id === doubled)!;
    const author = speaker.get(first.directSpeechIds[0])!;
    expect(first.markIds.map((id) => markSpeaker.get(id))).toContain(author);
    const detail = await call('records.detail', { personId: author, year: 2026 });
    expect(detail.adopted.filter((a) => a.resolutionId === first.id)).toHaveLength(1);
    expect(row(list, author)!.suggestionsAdopted).toBe(new Set(detail.adopted.map((a) => a.resolutionId)).size);
  });

  it('gives one member’s year meeting by meeting, with marks and adopted suggestions', async () => {
    const m = members[4];
    const d = await call('records.detail', { personId: m.id, year: 2026 });
    expect(d.person).toMatchObject({ id: m.id, name: m.name, kind: '委员', retired: false });
    expect(
      d.meetings.map((x) => [
        x.date,
        x.meetingTitle,
        x.status,
        x.attendance,
        x.attended,
        x.speeches,
        x.speakingSeconds,
      ]),
    ).toEqual([
      ['2026-05-14', '中央大街景区公厕布局、指引和冬季运行', '已结束', '出席', true, 1, 95],
      ['2026-09-01', '社区养老服务站', '进行中', '未签到', true, 1, RUNNING],
    ]);
    expect(d.meetings[0]).toMatchObject({ form: '冰城商量', issueNo: 1, role: '委员' });
    const marks = await call('mark.list', { meetingId: s.meetingId });
    const queue = await call('queue.get', { meetingId: s.meetingId });
    const speechIds = new Set(queue.entries.filter((e) => e.personId === m.id).map((e) => e.id));
    expect(d.marks.map((x) => x.excerpt)).toEqual(
      marks.filter((k) => k.speechId !== null && speechIds.has(k.speechId)).map((k) => k.excerpt),
    );
    for (const a of d.adopted)
      expect(a.text).toBe(
        (await call('resolution.list', { meetingId: a.meetingId })).items.find((r) => r.position === a.position)!.text,
      );
    // The year before holds only New Year's Eve.
    const eve = await call('records.detail', { personId: members[3].id, year: 2025 });
    expect(eve.meetings.map((x) => [x.date, x.speakingSeconds])).toEqual([['2025-12-31', 120]]);
    const y2025 = await call('records.list', { year: 2025 });
    expect(y2025.meetings).toBe(1);
    expect(row(y2025, members[3].id)).toMatchObject({
      meetingsInvited: 1,
      meetingsAttended: 1,
      speeches: 1,
      speakingSeconds: 120,
    });
    expect(row(y2025, members[2].id)).toMatchObject({ meetingsInvited: 0, speeches: 0 });
  });

  it('defaults to the newest year with meetings, filters by name or pinyin and by kind', async () => {
    expect((await call('records.list', {})).year).toBe(2026);
    const byName = await call('records.list', { year: 2026, q: members[2].name });
    expect(byName.rows.map((r) => r.personId)).toEqual([members[2].id]);
    const initials = members[2].pinyin.split(' ').find((k) => k.length <= 4)!;
    expect((await call('records.list', { year: 2026, q: initials })).rows.map((r) => r.personId)).toContain(
      members[2].id,
    );
    const reps = await call('records.list', { year: 2026, kind: '部门代表' });
    expect(reps.kind).toBe('部门代表');
    expect(reps.rows.some((r) => r.speeches > 0)).toBe(true);
    expect((await call('records.list', { year: 2030 })).rows.every((r) => r.meetingsInvited === 0)).toBe(true);
  });

  it('refuses bad input in Chinese', async () => {
    expect(err(await core.invoke('records.detail', { personId: 987654, year: 2026 }))).toBe(
      '未找到编号为 987654 的人员',
    );
    expect(err(await core.invoke('records.list', { year: 1999 }))).toMatch(/年度/);
    expect(err(await core.invoke('records.list', { year: 2026, kind: '代表' } as never))).toMatch(/^“人员类别”只能是/);
    expect(err(await core.invoke('records.export', {} as never))).toBe('缺少“年度”');
  });

  it('exports an .xlsx with the summary, the meetings and the suggestions', async () => {
    const file = await call('records.export', { year: 2026 });
    expect(file.fileName).toBe('2026年度委员履职档案.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '明细', '建议']);
    const sum = wb.getWorksheet('汇总')!;
    expect(sum.getCell('A1').value).toBe('2026年度委员履职档案');
    // Units go on a second line of the header.
    const header = (sum.getRow(3).values as string[]).slice(1).map((h) => h.replace('\n', ''));
    expect(header).toEqual([
      '序号',
      '姓名',
      '界别',
      '应参加会议（次）',
      '出席（次）',
      '请假（次）',
      '缺席（次）',
      '未签到（次）',
      '发言（次）',
      '发言时长（分钟）',
      '记录的建议（条）',
      '标记合计（条）',
      '建议被采纳（项）',
    ]);
    expect(sum.getCell('B3').font?.bold).toBe(true);
    expect(sum.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sum.autoFilter).toBeTruthy();
    const list = await call('records.list', { year: 2026 });
    const m = members[2];
    const r = row(list, m.id)!;
    let found: unknown[] | undefined;
    sum.eachRow((x) => {
      if (x.getCell(2).value === m.name) found = (x.values as unknown[]).slice(2);
    });
    expect(found).toEqual([
      m.name,
      r.sector,
      1,
      1,
      0,
      0,
      0,
      2,
      Math.round((185 + 90) / 6) / 10,
      r.suggestions,
      r.marksTotal,
      r.suggestionsAdopted,
    ]);
    expect(sum.getCell(`B${4 + list.rows.length}`).value).toBe('合计');
    expect(sum.getCell(`I${4 + list.rows.length}`).value).toBe(list.rows.reduce((n, x) => n + x.speeches, 0));

    const lines = wb.getWorksheet('明细')!;
    expect(lines.actualRowCount - 1).toBe(list.rows.reduce((n, x) => n + x.meetingsInvited, 0));
    const leave = members[7];
    let leaveLine: unknown[] | undefined;
    lines.eachRow((x) => {
      if (x.getCell(1).value === leave.name) leaveLine = (x.values as unknown[]).slice(1);
    });
    expect(leaveLine).toEqual([
      leave.name,
      row(list, leave.id)!.sector,
      '2026-05-14',
      '冰城商量第1期',
      '中央大街景区公厕布局、指引和冬季运行',
      '委员',
      '请假',
      0,
      0,
    ]);

    const words = wb.getWorksheet('建议')!;
    const texts: string[] = [];
    words.eachRow((x) => texts.push(String(x.getCell(6).value)));
    const resolutions = await call('resolution.list', { meetingId: s.meetingId });
    const memberNames = new Set(members.map((x) => x.name));
    const adopted = resolutions.items.filter((i) => i.speakers.some((n) => memberNames.has(n)));
    expect(adopted.length).toBeGreaterThan(0);
    for (const item of adopted) expect(texts).toContain(item.text);
    expect(words.actualRowCount - 1).toBe(list.rows.reduce((n, x) => n + x.marksTotal + x.suggestionsAdopted, 0));
  });

  it('counts adopted suggestions only while the meeting’s resolutions stand confirmed', async () => {
    const before = await call('records.list', { year: 2026 });
    const resolutions = await call('resolution.list', { meetingId: s.meetingId });
    const first = resolutions.items.find((r) => r.id === doubled)!;
    const author = (await call('queue.get', { meetingId: s.meetingId })).entries.find(
      (e) => e.id === first.directSpeechIds[0],
    )!.personId;
    expect(row(before, author)!.suggestionsAdopted).toBeGreaterThan(0);
    // A change of substance withdraws the chair's confirmation: back to a draft, counted for nobody.
    await call('resolution.update', {
      id: first.id,
      text: `${first.text}（修改）`,
      leadDepartmentId: first.leadDepartmentId,
      coDepartmentIds: first.coDepartmentIds,
      deadline: first.deadline,
      markIds: first.markIds,
      speechIds: first.directSpeechIds,
    });
    const draft = await call('records.list', { year: 2026 });
    expect(draft.rows.every((r) => r.suggestionsAdopted === 0)).toBe(true);
    expect(row(draft, author)!.suggestions).toBe(row(before, author)!.suggestions); // the marks stay
    await call('resolution.confirm', { meetingId: s.meetingId, by: '主持人' });
    expect(row(await call('records.list', { year: 2026 }), author)!.suggestionsAdopted).toBe(
      row(before, author)!.suggestionsAdopted,
    );
  });
});
