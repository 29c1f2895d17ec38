import { topicSources } from '../../../../shared/domain/topics';
import { SearchBox } from '../../components/SearchBox';
import { t } from './text';
import type { BoardPageState } from './useBoardPage';

/** The board's search and filters: year, field, source, committee. Enter opens the one topic found. */
export function BoardFilters({ page }: { page: BoardPageState }) {
  const { filters } = page;
  return (
    <div className="toolbar">
      <SearchBox
        label={t.labels.search}
        placeholder={t.searchPlaceholder}
        value={filters.query}
        onChange={filters.setQuery}
        onEnter={() => page.shown.length === 1 && page.open(page.shown[0])}
      />
      <select
        aria-label={t.labels.year}
        value={String(page.shownYear)}
        onChange={(e) => filters.setYear(e.target.value === 'all' ? 'all' : Number(e.target.value))}
      >
        <option value="all">{t.allYears}</option>
        {page.years.map((y) => (
          <option key={y} value={y}>
            {t.yearLabel(y)}
          </option>
        ))}
      </select>
      <select aria-label={t.labels.field} value={filters.field} onChange={(e) => filters.setField(e.target.value)}>
        <option value="">{t.allFields}</option>
        {page.fields.map((f) => (
          <option key={f}>{f}</option>
        ))}
      </select>
      <select aria-label={t.labels.source} value={filters.source} onChange={(e) => filters.setSource(e.target.value)}>
        <option value="">{t.allSources}</option>
        {topicSources.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <select
        aria-label={t.labels.committee}
        value={filters.committeeId}
        onChange={(e) => filters.setCommitteeId(Number(e.target.value))}
      >
        <option value={0}>{t.allCommittees}</option>
        {page.committees.active.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
