import { followUpStates, type FollowUpState } from '../../../../shared/domain/followUp';
import { t } from './text';
import type { FollowUpPageState } from './useFollowUpPage';

const f = t.filters;

/** The board's filters: year, lead department, status, overdue only. */
export function FollowUpFilters({ page }: { page: FollowUpPageState }) {
  const { filters } = page;
  return (
    <div className="filters">
      <label>
        {f.year}
        <select
          value={filters.year ?? ''}
          onChange={(e) => filters.setYear(e.target.value ? Number(e.target.value) : undefined)}
        >
          <option value="">{f.all}</option>
          {page.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label>
        {f.department}
        <select
          value={filters.departmentId ?? ''}
          onChange={(e) => filters.setDepartmentId(e.target.value ? Number(e.target.value) : undefined)}
        >
          <option value="">{f.all}</option>
          {page.departments.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {f.state}
        <select
          value={filters.state ?? ''}
          onChange={(e) => filters.setState((e.target.value || undefined) as FollowUpState | undefined)}
        >
          <option value="">{f.all}</option>
          {followUpStates.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filters.overdueOnly}
          onChange={(e) => filters.setOverdueOnly(e.target.checked)}
        />
        {f.overdueOnly}
      </label>
    </div>
  );
}
