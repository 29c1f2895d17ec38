import { useDeferredValue, useMemo, useState } from 'react';
import type { Person } from '../../../../shared/contract/directory';
import { personKinds } from '../../../../shared/domain/people';
import { rankByName } from '../../../../shared/domain/personMatch';
import { EmptyState } from '../../components/EmptyState';
import { SearchBox } from '../../components/SearchBox';
import { useHotkey } from '../../components/useHotkey';
import { useCall } from '../../lib/query';
import { ImportDialog } from './ImportDialog';
import { PersonDrawer } from './PersonDrawer';
import { t } from './text';
import { useUnits } from '../../lib/useUnits';

export function PeoplePage() {
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

  return (
    <section className="page">
      <header className="page-head">
        <div>
          <h1>{t.people}</h1>
          <p className="page-sub">{t.peopleCount(total)}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button" onClick={() => setImporting(true)}>
            {t.importPeople}
          </button>
          <button type="button" className="button primary" onClick={() => setEditing('new')} title="Ctrl+N">
            + {t.addPerson}
          </button>
        </div>
      </header>

      <div className="toolbar">
        <SearchBox
          label={t.search}
          placeholder={t.searchPlaceholder}
          value={query}
          onChange={setQuery}
          onEnter={() => shown.length === 1 && setEditing(shown[0])}
        />
        <select value={kind} onChange={(e) => setKind(e.target.value)} aria-label={t.field.kind}>
          <option value="">{t.allKinds}</option>
          {personKinds.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <select value={sectorId} onChange={(e) => setSectorId(Number(e.target.value))} aria-label={t.field.sector}>
          <option value={0}>{t.allSectors}</option>
          {sectors.active.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />
          {t.showRetired}
        </label>
      </div>

      {people.isSuccess && total === 0 ? (
        <EmptyState
          title={t.emptyPeople}
          actions={
            <>
              <button type="button" className="button primary" onClick={() => setEditing('new')}>
                {t.addPerson}
              </button>
              <button type="button" className="button" onClick={() => setImporting(true)}>
                {t.importPeople}
              </button>
            </>
          }
        >
          {t.emptyPeopleHint}
        </EmptyState>
      ) : people.isSuccess && shown.length === 0 ? (
        <EmptyState title={query ? t.noMatch(query) : t.noMatch(t.filters)}>{t.noMatchHint}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label={t.list}>
            <thead>
              <tr>
                <th>{t.col.name}</th>
                <th>{t.col.kind}</th>
                <th>{t.col.affiliation}</th>
                <th>{t.col.unit}</th>
                <th>{t.col.title}</th>
                <th className="num">{t.col.phone}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr
                  key={p.id}
                  className={p.retired ? 'retired' : undefined}
                  onClick={() => setEditing(p)}
                  tabIndex={0}
                  onKeyDown={(e) => e.key === 'Enter' && setEditing(p)}
                >
                  <td className="strong">
                    {p.name}
                    {p.retired && <span className="tag muted">{t.retired}</span>}
                  </td>
                  <td>
                    <span className={`tag kind-${personKinds.indexOf(p.kind)}`}>{p.kind}</span>
                  </td>
                  <td>{affiliation(p)}</td>
                  <td>{p.unit}</td>
                  <td>{p.title}</td>
                  <td className="num">{p.phone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {editing && <PersonDrawer person={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </section>
  );
}
