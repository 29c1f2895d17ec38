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
  const {
    kind,
    setKind,
    q,
    setQ,
    query,
    sort,
    sortBy,
    open,
    setOpen,
    exporting,
    exportXlsx,
    records,
    data,
    rows,
    total,
    shownYear,
    years,
    setYear,
  } = useRecordsPage();

  return (
    <section className="page wide records-page">
      <header className="page-head">
        <div>
          <h1>{t.title}</h1>
          <p className="page-sub">{data && t.sub(data.year, data.kind, data.meetings, data.rows.length)}</p>
        </div>
        <div className="page-actions">
          <button
            type="button"
            className="button primary"
            disabled={exporting || !data || data.meetings === 0}
            aria-busy={exporting}
            onClick={() => void exportXlsx()}
          >
            {exporting ? (
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
          value={q}
          onChange={setQ}
          onEnter={() => rows.length === 1 && setOpen(rows[0])}
        />
        <select aria-label={t.year} value={shownYear} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {t.yearLabel(y)}
            </option>
          ))}
        </select>
        <select aria-label={t.kind} value={kind} onChange={(e) => setKind(e.target.value as PersonKind)}>
          {personKinds.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </div>
      <ErrorText error={records.error} />
      {data && data.meetings === 0 ? (
        <EmptyState
          title={t.noMeetings(data.year)}
          actions={
            <Link to="/meetings" className="button primary">
              {t.toMeetings}
            </Link>
          }
        >
          {t.noMeetingsHint}
        </EmptyState>
      ) : data && rows.length === 0 ? (
        <EmptyState title={t.noMatch(query)}>{t.noMatchHint}</EmptyState>
      ) : (
        data && (
          <div className="table-wrap">
            <table className="table records-table" aria-label={t.table}>
              <thead>
                <tr>
                  <SortHeader k="name" sort={sort} onSort={sortBy} numeric={false} />
                  <th>{c.affiliation}</th>
                  <SortHeader k="attended" sort={sort} onSort={sortBy} />
                  <th className="num">{c.leave}</th>
                  <th className="num">{c.absent}</th>
                  <SortHeader k="speeches" sort={sort} onSort={sortBy} />
                  <SortHeader k="seconds" sort={sort} onSort={sortBy} />
                  <SortHeader k="suggestions" sort={sort} onSort={sortBy} />
                  <SortHeader k="adopted" sort={sort} onSort={sortBy} />
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={r.personId}
                    tabIndex={0}
                    title={t.rowHint}
                    className={r.meetingsInvited === 0 ? 'idle' : ''}
                    onClick={() => setOpen(r)}
                    onKeyDown={(e) => e.key === 'Enter' && setOpen(r)}
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
                  <td>{t.total(rows.length)}</td>
                  <td />
                  <td className="num">
                    {total.attended}
                    <span className="of">/{total.invited}</span>
                  </td>
                  <td className="num">{total.leave}</td>
                  <td className="num">{total.absent}</td>
                  <td className="num">{total.speeches}</td>
                  <td className="num">{clock(total.seconds)}</td>
                  <td className="num">{total.suggestions}</td>
                  <td className="num">{total.adopted}</td>
                </tr>
              </tfoot>
            </table>
            <p className="records-note">{t.countingNote}</p>
          </div>
        )
      )}
      {open && data && <RecordDrawer row={open} year={data.year} onClose={() => setOpen(null)} />}
    </section>
  );
}
