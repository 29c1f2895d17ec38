import { Link } from 'react-router';
import { personKinds, type PersonKind } from '../../../../shared/domain/people';
import { clock } from '../../../../shared/domain/speechTimer';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/Field';
import { SearchBox } from '../../components/SearchBox';
import { RecordDrawer } from './RecordDrawer';
import type { Sort, SortKey } from './sortRecords';
import { t } from './text';
import { useRecordsPage } from './useRecordsPage';
import './records.css';

const c = t.columns;

/** A header that sorts: the arrow shows the order, aria-sort tells a screen reader. */
function SortHeader({
  k,
  sort,
  onSort,
  numeric = true,
}: {
  k: SortKey;
  sort: Sort;
  onSort: (k: SortKey) => void;
  numeric?: boolean;
}) {
  const on = sort.key === k;
  return (
    <th className={numeric ? 'num' : ''} aria-sort={on ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className={`sort-button${on ? ' on' : ''}`} onClick={() => onSort(k)}>
        {c[k]}
        <span aria-hidden="true">{on ? (sort.desc ? ' ↓' : ' ↑') : ''}</span>
      </button>
    </th>
  );
}

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
          <div className="table-wrap">
            <table className="table records-table" aria-label={t.table}>
              <thead>
                <tr>
                  <SortHeader k="name" sort={page.sort} onSort={page.sortBy} numeric={false} />
                  <th>{c.affiliation}</th>
                  <SortHeader k="attended" sort={page.sort} onSort={page.sortBy} />
                  <th className="num">{c.leave}</th>
                  <th className="num">{c.absent}</th>
                  <SortHeader k="speeches" sort={page.sort} onSort={page.sortBy} />
                  <SortHeader k="seconds" sort={page.sort} onSort={page.sortBy} />
                  <SortHeader k="suggestions" sort={page.sort} onSort={page.sortBy} />
                  <SortHeader k="adopted" sort={page.sort} onSort={page.sortBy} />
                </tr>
              </thead>
              <tbody>
                {page.rows.map((r) => (
                  <tr
                    key={r.personId}
                    tabIndex={0}
                    title={t.rowHint}
                    className={r.meetingsInvited === 0 ? 'idle' : ''}
                    onClick={() => page.setOpen(r)}
                    onKeyDown={(e) => e.key === 'Enter' && page.setOpen(r)}
                  >
                    <td className="strong">
                      {r.name}
                      {r.retired && <span className="tag muted">{t.retired}</span>}
                    </td>
                    <td className="muted">{r.affiliation}</td>
                    <td className="num" title={r.unmarked ? t.unmarked(r.unmarked) : undefined}>
                      {r.meetingsAttended}
                      <span className="of">/{r.meetingsInvited}</span>
                    </td>
                    <td className="num">{r.leave || ''}</td>
                    <td className={`num${r.absent ? ' absent' : ''}`}>{r.absent || ''}</td>
                    <td className="num">{r.speeches}</td>
                    <td className="num">{r.speeches ? clock(r.speakingSeconds) : ''}</td>
                    <td className="num">{r.suggestions}</td>
                    <td className="num">{r.suggestionsAdopted}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td>{t.total(page.rows.length)}</td>
                  <td />
                  <td className="num">
                    {page.total.attended}
                    <span className="of">/{page.total.invited}</span>
                  </td>
                  <td className="num">{page.total.leave}</td>
                  <td className="num">{page.total.absent}</td>
                  <td className="num">{page.total.speeches}</td>
                  <td className="num">{clock(page.total.seconds)}</td>
                  <td className="num">{page.total.suggestions}</td>
                  <td className="num">{page.total.adopted}</td>
                </tr>
              </tfoot>
            </table>
            <p className="records-note">{t.countingNote}</p>
          </div>
        )
      )}
      {page.open && page.data && (
        <RecordDrawer row={page.open} year={page.data.year} onClose={() => page.setOpen(null)} />
      )}
    </section>
  );
}
