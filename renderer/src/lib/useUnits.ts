import { useMemo } from 'react';
import type { Unit } from '../../../shared/contract/directory';
import type { UnitKind } from '../../../shared/domain/people';
import { useCall } from './query';

/** All units of a kind (retired too, so old references still show a name) and a name lookup. */
export function useUnits(kind: UnitKind) {
  const query = useCall('unit.list', { kind, includeRetired: true });
  const units = query.data ?? [];
  const names = useMemo(() => new Map(units.map((u: Unit) => [u.id, u.shortName || u.name])), [units]);
  const active = useMemo(() => units.filter((u) => !u.retired), [units]);
  return { units, active, names, isLoading: query.isLoading };
}
