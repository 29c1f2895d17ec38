import { personKinds } from '../../../../shared/domain/people';
import { EmptyState } from '../../components/EmptyState';
import { SearchBox } from '../../components/SearchBox';
import { ImportDialog } from './ImportDialog';
import { PersonDrawer } from './PersonDrawer';
import { PeopleTable } from './PeopleTable';
import { t } from './text';
import { usePeoplePage } from './usePeoplePage';

export function PeoplePage() {
  const page = usePeoplePage();
  const { filters } = page;

  return (
    <section className="page">
      <header className="page-head">
        <div>
          <h1>{t.people}</h1>
          <p className="page-sub">{t.peopleCount(page.total)}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button" onClick={() => page.setImporting(true)}>
            {t.importPeople}
          </button>
          <button type="button" className="button primary" onClick={() => page.setEditing('new')} title="Ctrl+N">
            + {t.addPerson}
          </button>
        </div>
      </header>

      <div className="toolbar">
        <SearchBox
          label={t.search}
          placeholder={t.searchPlaceholder}
          value={filters.query}
          onChange={filters.setQuery}
          onEnter={() => page.shown.length === 1 && page.setEditing(page.shown[0])}
        />
        <select value={filters.kind} onChange={(e) => filters.setKind(e.target.value)} aria-label={t.field.kind}>
          <option value="">{t.allKinds}</option>
          {personKinds.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <select
          value={filters.sectorId}
          onChange={(e) => filters.setSectorId(Number(e.target.value))}
          aria-label={t.field.sector}
        >
          <option value={0}>{t.allSectors}</option>
          {page.sectors.active.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.showRetired}
            onChange={(e) => filters.setShowRetired(e.target.checked)}
          />
          {t.showRetired}
        </label>
      </div>

      {page.people.isSuccess && page.total === 0 ? (
        <EmptyState
          title={t.emptyPeople}
          actions={
            <>
              <button type="button" className="button primary" onClick={() => page.setEditing('new')}>
                {t.addPerson}
              </button>
              <button type="button" className="button" onClick={() => page.setImporting(true)}>
                {t.importPeople}
              </button>
            </>
          }
        >
          {t.emptyPeopleHint}
        </EmptyState>
      ) : page.people.isSuccess && page.shown.length === 0 ? (
        <EmptyState title={filters.query ? t.noMatch(filters.query) : t.noMatch(t.filters)}>{t.noMatchHint}</EmptyState>
      ) : (
        <PeopleTable people={page.shown} affiliation={page.affiliation} onOpen={page.setEditing} />
      )}

      {page.editing && (
        <PersonDrawer
          person={page.editing === 'new' ? undefined : page.editing}
          onClose={() => page.setEditing(null)}
        />
      )}
      {page.importing && <ImportDialog onClose={() => page.setImporting(false)} />}
    </section>
  );
}
