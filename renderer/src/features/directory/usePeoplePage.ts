import { useDeferredValue, useMemo, useState } from 'react';
import type { Person } from '../../../../shared/contract/directory';
import { rankByName } from '../../../../shared/domain/personMatch';
import { useHotkey } from '../../components/useHotkey';
import { useCall } from '../../lib/query';
import { useUnits } from '../../lib/useUnits';

/** The people list's state: the filters, the people they leave ranked by the search, who is being edited. */
export function usePeoplePage() {
  const [showRetired, setShowRetired] = useState(false);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState('');
  const [sectorId, setSectorId] = useState(0);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const people = useCall('person.list', { includeRetired: showRetired });
  const sectors = useUnits('sector');
  const departments = useUnits('department');

  // Filtering runs in the window on every keystroke: 600 names rank in well under a millisecond.
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(() => {
    const pool = (people.data ?? []).filter(
      (p) => (!kind || p.kind === kind) && (!sectorId || p.sectorId === sectorId),
    );
    return rankByName(pool, deferredQuery, (p) => p);
  }, [people.data, kind, sectorId, deferredQuery]);

  useHotkey('mod+n', () => setEditing('new'));

  const affiliation = (p: Person) =>
    [p.sectorId && sectors.names.get(p.sectorId), p.departmentId && departments.names.get(p.departmentId)]
      .filter(Boolean)
      .join(' · ');
  const total = people.data?.length ?? 0;

  return {
    filters: { showRetired, setShowRetired, query, setQuery, kind, setKind, sectorId, setSectorId },
    people,
    sectors,
    shown,
    affiliation,
    total,
    editing,
    setEditing,
    importing,
    setImporting,
  };
}
