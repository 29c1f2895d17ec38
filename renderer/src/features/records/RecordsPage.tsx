import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { MemberRecord } from '../../../../shared/contract/memberRecords';
import { personKinds, type PersonKind } from '../../../../shared/domain/people';
import { clock } from '../../../../shared/domain/speechTimer';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/Field';
import { SearchBox } from '../../components/SearchBox';
import { useToast } from '../../components/Toasts';
import { useApi, useCall } from '../../lib/query';
import { RecordDrawer } from './RecordDrawer';
import { nextSort, sortRecords, type Sort, type SortKey } from './sortRecords';
import { t } from './text';
import './records.css';
import { personKind } from '../../lib/values';

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

function totalOf(rows: readonly MemberRecord[]) {
  const sum = (f: (r: MemberRecord) => number) => rows.reduce((n, r) => n + f(r), 0);
  return {
    invited: sum((r) => r.meetingsInvited),
    attended: sum((r) => r.meetingsAttended),
    leave: sum((r) => r.leave),
    absent: sum((r) => r.absent),
    speeches: sum((r) => r.speeches),
    seconds: sum((r) => r.speakingSeconds),
    suggestions: sum((r) => r.suggestions),
    adopted: sum((r) => r.suggestionsAdopted),
  };
}

/** 履职档案: a year of each member's meetings, speeches and suggestions, sortable, with each one's detail and an Excel export. */
export function RecordsPage() {
  const api = useApi();
  const toast = useToast();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [kind, setKind] = useState<PersonKind>(personKind.member);
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'name', desc: false });
  const [open, setOpen] = useState<MemberRecord | null>(null);
  const [exporting, setExporting] = useState(false);
  const query = useDeferredValue(q.trim());
  // Without a chosen year the core answers the newest year with meetings (else this one).
  const records = useCall('records.list', { year, kind, q: query || undefined }, { placeholderData: (prev) => prev });
  const data = records.data;
  const rows = useMemo(() => sortRecords(data?.rows ?? [], sort), [data, sort]);
  const total = totalOf(rows);
  const shownYear = data?.year ?? year ?? new Date().getFullYear();
  const years = [...new Set([...(data?.years ?? []), shownYear])].sort((a, b) => b - a);

  async function exportXlsx() {
    setExporting(true);
    try {
      const file = await api.call('records.export', { year: shownYear, kind });
      const saved = await api.saveFile(file.fileName, file.dataBase64);
      if (saved.error) throw new Error(saved.error);
      if (saved.saved) toast(t.exported(file.fileName, saved.where));
    } catch (e) {
      toast(t.exportFailed(e instanceof Error ? e.message : String(e)), 'error');
    } finally {
      setExporting(false);
    }
  }

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
                  <SortHeader k="name" sort={sort} onSort={(k) => setSort(nextSort(sort, k))} numeric={false} />
                  <th>{c.affiliation}</th>
                  <SortHeader k="attended" sort={sort} onSort={(k) => setSort(nextSort(sort, k))} />
                  <th className="num">{c.leave}</th>
                  <th className="num">{c.absent}</th>
                  <SortHeader k="speeches" sort={sort} onSort={(k) => setSort(nextSort(sort, k))} />
                  <SortHeader k="seconds" sort={sort} onSort={(k) => setSort(nextSort(sort, k))} />
                  <SortHeader k="suggestions" sort={sort} onSort={(k) => setSort(nextSort(sort, k))} />
                  <SortHeader k="adopted" sort={sort} onSort={(k) => setSort(nextSort(sort, k))} />
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
