import { useMemo, useState } from 'react';
import type { Unit } from '../../../../shared/contract/directory';
import type { UnitKind } from '../../../../shared/domain/people';
import { EmptyState } from '../../components/EmptyState';
import { useHotkey } from '../../components/useHotkey';
import { useCall } from '../../lib/query';
import { listSep } from '../../components/text';
import { t, unitCols, unitsCount, unitText } from './text';
import { UnitDrawer } from './UnitDrawer';

/** Sectors, committees and departments: one screen, parameterised by kind. */
export function UnitsPage({ kind }: { kind: UnitKind }) {
  const text = unitText[kind];
  const [showRetired, setShowRetired] = useState(false);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const units = useCall('unit.list', { kind, includeRetired: showRetired });
  const people = useCall('person.list', { includeRetired: true }, { enabled: kind === 'sector' });
  const personName = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p.name])), [people.data]);
  useHotkey('mod+n', () => setEditing('new'));
  const list = units.data ?? [];

  return (
    <section className="page">
      <header className="page-head">
        <div>
          <h1>{text.title}</h1>
          <p className="page-sub">{unitsCount(list.filter((u) => !u.retired).length)}</p>
        </div>
        <div className="page-actions">
          <label className="check">
            <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />
            {t.showRetired}
          </label>
          <button type="button" className="button primary" onClick={() => setEditing('new')} title="Ctrl+N">
            + {text.add}
          </button>
        </div>
      </header>
      {units.isSuccess && list.length === 0 ? (
        <EmptyState
          title={text.empty}
          actions={
            <button type="button" className="button primary" onClick={() => setEditing('new')}>
              {text.add}
            </button>
          }
        >
          {text.emptyHint}
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label={text.title}>
            <thead>
              <tr>
                <th className="num">{unitCols.position}</th>
                <th>{unitCols.name}</th>
                <th>{unitCols.shortName}</th>
                {kind === 'sector' && <th>{unitCols.convenors}</th>}
                <th className="num">{unitCols.people}</th>
                <th>{unitCols.note}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u, i) => (
                <tr
                  key={u.id}
                  className={u.retired ? 'retired' : undefined}
                  onClick={() => setEditing(u)}
                  tabIndex={0}
                  onKeyDown={(e) => e.key === 'Enter' && setEditing(u)}
                >
                  <td className="num muted">{i + 1}</td>
                  <td className="strong">
                    {u.name}
                    {u.retired && <span className="tag muted">{t.retired}</span>}
                  </td>
                  <td>{u.shortName}</td>
                  {kind === 'sector' && (
                    <td>
                      {u.convenorIds
                        .map((id) => personName.get(id))
                        .filter(Boolean)
                        .join(listSep)}
                    </td>
                  )}
                  <td className="num">{u.peopleCount}</td>
                  <td className="muted">{u.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <UnitDrawer kind={kind} unit={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </section>
  );
}
