import type { Core } from '../../electron/core';
import { generateMinutesDoc, type Section } from '../../electron/core/generate/minutesText';
import type { CallName, Input, Output } from '../../shared/contract';
import type { Person } from '../../shared/contract/directory';
import type { ResolutionList } from '../../shared/contract/resolutions';
import { writeMinutesDoc } from './minutesClient';
import { ok } from './tempCore';

/** Where a scenario is built: a core in this process, or a served app (its API and minutes socket). */
export interface ScenarioHost {
  invoke: Core['invoke'];
  /** Writes a whole minutes document as a window does, returning once it is on disk. */
  writeMinutes(meetingId: number, doc: string): Promise<void>;
}

const hostOf = (h: Core | ScenarioHost): ScenarioHost =>
  'minutesDocs' in h ? { invoke: h.invoke, writeMinutes: (id, doc) => writeMinutesDoc(h, id, doc) } : h;

export interface ScenarioOptions {
  title?: string;
  speeches?: number;
  /** 0: no minutes at all (an empty editor). */
  minutesChars?: number;
  resolutions?: number;
  /** Marked passages in the minutes (kinds in turn: 建议, 回应/承诺, 共识). */
  marks?: number;
  startsAt?: string;
  confirm?: boolean;
}

export interface Scenario {
  meetingId: number;
  chair: string;
  sections: Section[];
  list: ResolutionList;
  people: Person[];
}

/**
 * A held meeting as the secretary leaves it, built through the calls the app makes (demo
 * directory loaded first): chair, members, department representatives, an expert and residents
 * checked in with one on leave, speeches from members and departments, minutes with sections and
 * marks, resolutions from the marked suggestions with departments and deadlines, confirmed.
 */
export async function heldMeeting(where: Core | ScenarioHost, o: ScenarioOptions = {}): Promise<Scenario> {
  const host = hostOf(where);
  const invoke = host.invoke;
  const {
    title = '中央大街景区公厕布局、指引和冬季运行',
    speeches = 8,
    minutesChars = 6000,
    resolutions = 3,
    startsAt = '2026-05-14T09:00',
    confirm = true,
  } = o;
  const marks = o.marks ?? resolutions * 3 + 3;
  const call = async <K extends CallName>(name: K, input: Input<K>): Promise<Output<K>> =>
    ok(await invoke(name, input));
  const people = await call('person.list', {});
  const departments = (await call('unit.list', { kind: 'department' })).filter((d) => !d.retired);
  const by = (kind: string) => people.filter((p) => p.kind === kind);
  const members = by('委员');
  const reps = by('部门代表');
  const chair = members[0];
  const meetingId = (
    await call('meeting.create', {
      topicId: null,
      form: '冰城商量',
      title,
      startsAt,
      place: '市政协三楼协商议事厅',
      chairId: chair.id,
      recorderId: members[1].id,
      useTemplate: true,
    })
  ).id;
  const invited = [
    chair,
    ...members.slice(2, 8),
    ...reps.slice(0, 4),
    by('专家学者')[0],
    ...by('群众代表').slice(0, 2),
  ];
  const detail = await call('participant.add', { meetingId, personIds: invited.map((p) => p.id) });
  for (const p of detail.participants) {
    await call('participant.update', { id: p.id, attendance: p.personId === members[7].id ? '请假' : '出席' });
  }
  // Speeches: members first, then the departments answering; a few repeat speakers in a long meeting.
  const speakers = [...members.slice(2, 7), by('专家学者')[0], ...by('群众代表').slice(0, 2)];
  const sections: Section[] = [];
  for (let i = 0; i < speeches; i++) {
    const department = i >= speeches - Math.max(2, Math.floor(speeches / 4));
    const person = department ? reps[i % 4] : speakers[i % speakers.length];
    const q = await call('queue.add', { meetingId, personId: person.id, kind: department ? '部门回应' : '预约发言' });
    const s = q.entries[q.entries.length - 1];
    const minute = 10 + i * 3;
    sections.push({
      speechId: s.id,
      name: s.name,
      affiliation: s.affiliation,
      kind: s.kind,
      time: `${String(9 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
    });
  }
  if (minutesChars > 0)
    await host.writeMinutes(meetingId, generateMinutesDoc({ sections, chars: minutesChars, marks, seed: meetingId }));
  const suggestions = (await call('mark.list', { meetingId })).filter((m) => m.kind === '建议');
  let list = (await call('resolution.list', { meetingId })) as ResolutionList;
  for (let i = 0; i < resolutions; i++) {
    list = suggestions[i]
      ? await call('resolution.fromMark', { markId: suggestions[i].id })
      : await call('resolution.create', {
          meetingId,
          text: `第${i + 1}项议定事项：加强景区公厕日常管理和保洁。`,
          leadDepartmentId: null,
          coDepartmentIds: [],
          deadline: null,
          markIds: [],
          speechIds: [],
        });
  }
  for (const [i, r] of list.items.entries()) {
    const lead = departments[i % departments.length];
    const co = departments[(i + 1) % departments.length];
    list = await call('resolution.update', {
      id: r.id,
      text: r.text,
      leadDepartmentId: lead.id,
      coDepartmentIds: [co.id],
      deadline: `2026-${String(7 + (i % 5)).padStart(2, '0')}-30`,
      markIds: r.markIds,
      speechIds: r.directSpeechIds,
    });
  }
  if (confirm) {
    // Confirmed once held: the meeting took place, and is over.
    await call('meeting.setStatus', { id: meetingId, status: '进行中' });
    list = await call('resolution.confirm', { meetingId, by: chair.name });
    await call('meeting.setStatus', { id: meetingId, status: '已结束' });
  }
  return { meetingId, chair: chair.name, sections, list, people };
}
