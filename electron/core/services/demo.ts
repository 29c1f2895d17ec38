import demo from '../../../resources/demo/directory.json';
import { defaultStepNames, orgLevels, type OrgLevel } from '../../../shared/domain/settings';
import type { PersonKind, UnitKind } from '../../../shared/domain/people';
import type { Ctx } from '../context';
import { refused } from '../errors';
import { insertPerson } from './people';
import { writeSettings } from './settings';
import { insertUnit, setConvenors } from './units';

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

export function directoryIsEmpty(ctx: Ctx): boolean {
  return !ctx.db.prepare('SELECT 1 FROM person UNION ALL SELECT 1 FROM sector UNION ALL SELECT 1 FROM committee UNION ALL SELECT 1 FROM department LIMIT 1').get();
}

/** Writes the app's own demo directory (resources/demo) into an empty data file. */
export function loadDemo(ctx: Ctx): void {
  if (!directoryIsEmpty(ctx)) throw refused('名录中已有数据，不能再载入示例数据。示例数据只能载入到空白的数据文件中');
  const level = (orgLevels as readonly string[]).includes(demo.organisation.level) ? (demo.organisation.level as OrgLevel) : '市';
  writeSettings(ctx, {
    orgName: demo.organisation.name,
    office: demo.organisation.office,
    level,
    stepNames: defaultStepNames(level),
    welcomeDismissed: true,
  });
  const ids: Record<UnitKind, Map<string, number>> = { sector: new Map(), committee: new Map(), department: new Map() };
  for (const s of demo.sectors) ids.sector.set(s.name, insertUnit(ctx, 'sector', s.name));
  for (const c of demo.committees) ids.committee.set(c.name, insertUnit(ctx, 'committee', c.name, c.shortName));
  for (const d of demo.departments) ids.department.set(d.name, insertUnit(ctx, 'department', d.name, d.shortName));
  const people = new Map<string, number>();
  for (const p of demo.people as DemoPerson[]) {
    const id = insertPerson(ctx, {
      name: p.name,
      kind: p.kind as PersonKind,
      sectorId: p.sector ? ids.sector.get(p.sector) : null,
      committeeId: p.committee ? ids.committee.get(p.committee) : null,
      departmentId: p.department ? ids.department.get(p.department) : null,
      unit: p.unit ?? '',
      title: p.title ?? '',
      phone: p.phone ?? '',
      note: '',
    });
    people.set(p.name, id);
  }
  for (const s of demo.sectors) {
    if (s.convenors.length) setConvenors(ctx, ids.sector.get(s.name)!, s.convenors.map((n) => people.get(n)!));
  }
}
