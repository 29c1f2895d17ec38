import { replayFollowUp } from '../../../shared/domain/followUp';
import { followUpSteps, writeFollowUp } from '../data/followUp';
import { orRefuse } from '../errors';
import { toFollowUpEvent } from '../services/followUp';
import type { MergeRun } from './mergePackage';
import type { OpenedPackage } from './readPackage';

/**
 * The follow-up row is where a resolution's events lead: a resolution new here takes the package's
 * row; one already here, to which the package appended events, is replayed from all its events
 * (the receiver's and the package's, each once), so that neither side's handling is lost.
 */
export function mergeFollowUp(
  pkg: OpenedPackage,
  run: MergeRun,
  resolutions: ReadonlyMap<number, number>,
  appended: ReadonlySet<number>,
): { resolution: number; kind: 'add' | 'update' }[] {
  const out: { resolution: number; kind: 'add' | 'update' }[] = [];
  for (const row of pkg.rows.get('followup') ?? []) {
    const pkgId = row.resolution_id as number;
    const local = resolutions.get(pkgId)!;
    const has = local > 0 && run.db.prepare('SELECT 1 FROM followup WHERE resolution_id = ?').get(local) !== undefined;
    if (has && !appended.has(pkgId)) continue;
    out.push({ resolution: pkgId, kind: has ? 'update' : 'add' });
    if (!run.apply) continue;
    const ctx = run.ctx!;
    const state = orRefuse(
      replayFollowUp(followUpSteps(ctx, local).map(toFollowUpEvent)),
      'refused',
      '不能导入该会议包：督办记录与本机的不能衔接：',
    );
    writeFollowUp(ctx, local, state, run.now);
  }
  return out;
}
