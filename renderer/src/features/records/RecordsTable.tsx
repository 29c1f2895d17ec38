import type { MemberRecord } from '../../../../shared/contract/memberRecords';
import { clock } from '../../../../shared/domain/speechTimer';
import type { Sort, SortKey } from './sortRecords';
import { t } from './text';
import type { RecordsTotal } from './useRecordsPage';

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

/** The year's rows, sortable by the numbers that matter, with their total below; a row opens its member's detail. */
export function RecordsTable({
  rows,
  total,
  sort,
  onSort,
  onOpen,
}: {
  rows: readonly MemberRecord[];
  total: RecordsTotal;
  sort: Sort;
  onSort(k: SortKey): void;
  onOpen(row: MemberRecord): void;
}) {
  return (
    <div className="table-wrap">
      <table className="table records-table" aria-label={t.table}>
        <thead>
          <tr>
            <SortHeader k="name" sort={sort} onSort={onSort} numeric={false} />
            <th>{c.affiliation}</th>
            <SortHeader k="attended" sort={sort} onSort={onSort} />
            <th className="num">{c.leave}</th>
            <th className="num">{c.absent}</th>
            <SortHeader k="speeches" sort={sort} onSort={onSort} />
            <SortHeader k="seconds" sort={sort} onSort={onSort} />
            <SortHeader k="suggestions" sort={sort} onSort={onSort} />
            <SortHeader k="adopted" sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.personId}
              tabIndex={0}
              title={t.rowHint}
              className={r.meetingsInvited === 0 ? 'idle' : ''}
              onClick={() => onOpen(r)}
              onKeyDown={(e) => e.key === 'Enter' && onOpen(r)}
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
  );
}
