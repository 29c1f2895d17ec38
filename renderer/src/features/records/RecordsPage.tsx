import { Link } from 'react-router';
import { personKinds, type PersonKind } from '../../../../shared/domain/people';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/Field';
import { SearchBox } from '../../components/SearchBox';
import { RecordDrawer } from './RecordDrawer';
import { RecordsTable } from './RecordsTable';
import { t } from './text';
import { useRecordsPage } from './useRecordsPage';
import './records.css';

/** 履职档案: a year of each member's meetings, speeches and suggestions, sortable, with each one's detail and an Excel export. */
export function RecordsPage() {
  const page = useRecordsPage();

  return (
    <section className="page wide records-page">
      <header className="page-head">
        <div>
          <h1>{t.title}</h1>
          <p className="page-sub">
            {page.data && t.sub(page.data.year, page.data.kind, page.data.meetings, page.data.rows.length)}
          </p>
        </div>
        <div className="page-actions">
          <button
            type="button"
            className="button primary"
            disabled={page.exporting || !page.data || page.data.meetings === 0}
            aria-busy={page.exporting}
            onClick={() => void page.exportXlsx()}
          >
            {page.exporting ? (
              <>
                <span className="spinner" aria-hidden="true" /> {t.exporting}
              </>
            ) : (
              t.export
            )}
          </button>
        </div>
      </header>
      <div className="toolbar">
        <SearchBox
          label={t.search}
          placeholder={t.searchPlaceholder}
          value={page.q}
          onChange={page.setQ}
          onEnter={() => page.rows.length === 1 && page.setOpen(page.rows[0])}
        />
        <select aria-label={t.year} value={page.shownYear} onChange={(e) => page.setYear(Number(e.target.value))}>
          {page.years.map((y) => (
            <option key={y} value={y}>
              {t.yearLabel(y)}
            </option>
          ))}
        </select>
        <select aria-label={t.kind} value={page.kind} onChange={(e) => page.setKind(e.target.value as PersonKind)}>
          {personKinds.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </div>
      <ErrorText error={page.records.error} />
      {page.data && page.data.meetings === 0 ? (
        <EmptyState
          title={t.noMeetings(page.data.year)}
          actions={
            <Link to="/meetings" className="button primary">
              {t.toMeetings}
            </Link>
          }
        >
          {t.noMeetingsHint}
        </EmptyState>
      ) : page.data && page.rows.length === 0 ? (
        <EmptyState title={t.noMatch(page.query)}>{t.noMatchHint}</EmptyState>
      ) : (
        page.data && (
          <RecordsTable
            rows={page.rows}
            total={page.total}
            sort={page.sort}
            onSort={page.sortBy}
            onOpen={page.setOpen}
          />
        )
      )}
      {page.open && page.data && (
        <RecordDrawer row={page.open} year={page.data.year} onClose={() => page.setOpen(null)} />
      )}
    </section>
  );
}
