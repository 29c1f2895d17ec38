import { useMemo } from 'react';
import type { Unit } from '../../../shared/contract/directory';
import type { UnitKind } from '../../../shared/domain/people';
import { useCall } from './query';

/** Until the list arrives: one array for every render, so the lookups below are not rebuilt. */
const NO_UNITS: readonly Unit[] = [];

/** All units of a kind (retired too, so old references still show a name) and a name lookup. */
export function useUnits(kind: UnitKind) {
  const query = useCall('unit.list', { kind, includeRetired: true });
  const units = query.data ?? NO_UNITS;
  const names = useMemo(() => new Map(units.map((u: Unit) => [u.id, u.shortName || u.name])), [units]);
  const active = useMemo(() => units.filter((u) => !u.retired), [units]);
  return { units, active, names, isLoading: query.isLoading };
}
