import type { FollowUpBoard } from '../../../../shared/contract/followUp';
import { followUpStates } from '../../../../shared/domain/followUp';
import { t } from './text';

/** The board's counts beside it: by status, and by lead department with what is open and overdue. */
export function FollowUpSummary({ data }: { data: FollowUpBoard }) {
  return (
    <aside className="followup-side">
      <section className="card" aria-label={t.byState}>
        <h2 className="card-title">{t.byState}</h2>
        <dl className="state-counts">
          {followUpStates.map((s) => (
            <div key={s}>
              <dt>{s}</dt>
              <dd data-testid={`count-${s}`}>{data.byState[s] ?? 0}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" aria-label={t.byDepartment}>
        <h2 className="card-title">{t.byDepartment}</h2>
        <table className="mini-table">
          <thead>
            <tr>
              <th>{t.dept.name}</th>
              <th>{t.dept.total}</th>
              <th>{t.dept.open}</th>
              <th>{t.dept.overdue}</th>
            </tr>
          </thead>
          <tbody>
            {data.byDepartment.map((d) => (
              <tr key={d.department}>
                <td>{d.department}</td>
                <td>{d.total}</td>
                <td>{d.open}</td>
                <td className={d.overdue ? 'overdue-count' : ''}>{d.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </aside>
  );
}
