import demo from '../../../resources/demo/directory.json';
import demoTopics from '../../../resources/demo/topics.json';
import { defaultStepNames, orgLevels, type OrgLevel } from '../../../shared/domain/settings';
import type { PersonKind, UnitKind } from '../../../shared/domain/people';
import type { MeetingForm, TopicSource } from '../../../shared/domain/topics';
import type { Decision } from '../../../shared/domain/topicState';
import { isoNow, type Ctx, type QueryCtx } from '../context';
import { insertPerson } from '../data/people';
import { findTopic } from '../data/topic';
import { insertUnit } from '../data/units';
import { sql, value } from '../db/sql';
import { refused } from '../errors';
import { decideTopic } from './topicDecisions';
import { insertTopic, updateTopic } from './topics';
import { writeSettings } from './settings';
import { setConvenors } from './units';

interface DemoPerson {
  name: string;
  kind: string;
  sector?: string;
  committee?: string;
  department?: string;
  unit?: string;
  title?: string;
  phone?: string;
}

export function directoryIsEmpty(ctx: QueryCtx): boolean {
  return !value(
    ctx.db,
    sql`SELECT 1 FROM person UNION ALL SELECT 1 FROM sector UNION ALL SELECT 1 FROM committee UNION ALL SELECT 1 FROM department LIMIT 1`,
  );
}

/** Writes the app's own demo directory (resources/demo) into an empty data file. */
export function loadDemo(ctx: Ctx): void {
  if (!directoryIsEmpty(ctx)) throw refused('名录中已有数据，不能再载入示例数据。示例数据只能载入到空白的数据文件中');
  const level = (orgLevels as readonly string[]).includes(demo.organisation.level)
    ? (demo.organisation.level as OrgLevel)
    : '市';
  writeSettings(ctx, {
    orgName: demo.organisation.name,
    office: demo.organisation.office,
    level,
    stepNames: defaultStepNames(level),
    welcomeDismissed: true,
  });
  const at = isoNow(ctx);
  const unit = (kind: UnitKind, name: string, shortName = '') =>
    insertUnit(ctx, kind, { name, shortName, note: '' }, at);
  const ids: Record<UnitKind, Map<string, number>> = { sector: new Map(), committee: new Map(), department: new Map() };
  for (const s of demo.sectors) ids.sector.set(s.name, unit('sector', s.name));
  for (const c of demo.committees) ids.committee.set(c.name, unit('committee', c.name, c.shortName));
  for (const d of demo.departments) ids.department.set(d.name, unit('department', d.name, d.shortName));
  const people = new Map<string, number>();
  for (const p of demo.people as DemoPerson[]) {
    const id = insertPerson(
      ctx,
      {
        name: p.name,
        kind: p.kind as PersonKind,
        sectorId: p.sector ? ids.sector.get(p.sector) : null,
        committeeId: p.committee ? ids.committee.get(p.committee) : null,
        departmentId: p.department ? ids.department.get(p.department) : null,
        unit: p.unit ?? '',
        title: p.title ?? '',
        phone: p.phone ?? '',
        note: '',
      },
      isoNow(ctx),
    );
    people.set(p.name, id);
  }
  for (const s of demo.sectors) {
    if (s.convenors.length)
      setConvenors(
        ctx,
        ids.sector.get(s.name)!,
        s.convenors.map((n) => people.get(n)!),
      );
  }
  loadDemoTopics(ctx, ids.sector, ids.committee);
}

interface DemoTopic {
  title: string;
  description?: string;
  source: string;
  submitter?: string;
  receivedOn: string;
  field: string;
  sectors?: string[];
  committee?: string;
  narrowedTitle?: string;
  rationale?: string;
  rank?: number;
  planMonth?: number;
  meetingForm?: string;
  leadCommittee?: string;
  /** [decision, date, body, note, merge target title | deferred-to year] */
  decisions: (string | number)[][];
}

/** Topics at every step, through the same services (and so the same reducer) as the wizard. */
function loadDemoTopics(ctx: Ctx, sectors: Map<string, number>, committees: Map<string, number>): void {
  const byTitle = new Map<string, number>();
  for (const d of demoTopics.topics as DemoTopic[]) {
    const id = insertTopic(ctx, {
      title: d.title,
      description: d.description,
      source: d.source as TopicSource,
      submitter: d.submitter,
      receivedOn: d.receivedOn,
      field: d.field,
      sectorIds: (d.sectors ?? []).map((s) => sectors.get(s)!),
    });
    byTitle.set(d.title, id);
    updateTopic(ctx, {
      id,
      committeeId: d.committee ? committees.get(d.committee) : undefined,
      narrowedTitle: d.narrowedTitle,
      rationale: d.rationale,
      rank: d.rank,
      planMonth: d.planMonth,
      meetingForm: d.meetingForm as MeetingForm | undefined,
      leadCommitteeId: d.leadCommittee ? committees.get(d.leadCommittee) : undefined,
    });
    for (const [decision, decidedOn, body, note, extra] of d.decisions as [
      Decision,
      string,
      string,
      string,
      string | number | undefined,
    ][]) {
      const step = findTopic(ctx, id)?.step ?? 1;
      decideTopic(ctx, {
        topicId: id,
        decision: decision as Exclude<Decision, '接收合并'>,
        step,
        decidedOn,
        body,
        note,
        ...(decision === '合并' ? { otherTopicId: byTitle.get(String(extra)) } : {}),
        ...(decision === '暂缓' ? { deferredTo: Number(extra) } : {}),
      });
    }
  }
}
