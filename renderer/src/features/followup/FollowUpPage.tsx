import { useState } from 'react';
import { Link } from 'react-router';
import type { FollowUpItem } from '../../../../shared/contract/followUp';
import { chineseDate } from '../../../../shared/domain/chineseText';
import {
  followUpStates,
  replyClassNames,
  type FollowUpAction,
  type FollowUpState,
} from '../../../../shared/domain/followUp';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/Field';
import { useCall } from '../../lib/query';
import { useUnits } from '../../lib/useUnits';
import { ActDrawer } from './ActDrawer';
import { History } from './History';
import { t } from './text';
import './followup.css';
import { labelled } from '../../components/text';
import { followUpAction } from '../../lib/values';

/** The follow-up board: overdue first, counts by status and department, one step at a time. */
export function FollowUpPage() {
  const [year, setYear] = useState<number | undefined>(undefined);
  const [departmentId, setDepartmentId] = useState<number | undefined>(undefined);
  const [state, setState] = useState<FollowUpState | undefined>(undefined);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [acting, setActing] = useState<{ item: FollowUpItem; action: FollowUpAction } | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const departments = useUnits('department');
  const board = useCall('followup.list', { year, departmentId, state, overdueOnly: overdueOnly || undefined });
  const f = t.filters;
  const data = board.data;
  const overdue = data?.items.filter((i) => i.overdue).length ?? 0;
  const thisYear = new Date().getFullYear();

  return (
    <section className="page wide followup-page">
      <header className="page-head">
        <div>
          <h1>{t.title}</h1>
          <p className="page-sub">{data && t.sub(data.items.length, overdue)}</p>
        </div>
      </header>
      <div className="filters">
        <label>
          {f.year}
          <select value={year ?? ''} onChange={(e) => setYear(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">{f.all}</option>
            {[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {f.department}
          <select
            value={departmentId ?? ''}
            onChange={(e) => setDepartmentId(e.target.value ? Number(e.target.value) : undefined)}
          >
            <option value="">{f.all}</option>
            {departments.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {f.state}
          <select
            value={state ?? ''}
            onChange={(e) => setState((e.target.value || undefined) as FollowUpState | undefined)}
          >
            <option value="">{f.all}</option>
            {followUpStates.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          {f.overdueOnly}
        </label>
      </div>
      <ErrorText error={board.error} />
      {data && (
        <div className="followup-grid">
          <div className="followup-main">
            {data.items.length === 0 ? (
              <EmptyState title={t.empty}>{t.emptyHint}</EmptyState>
            ) : (
              <ol className="followup-list" aria-label={t.items}>
                {data.items.map((i) => (
                  <li
                    key={i.resolutionId}
                    className={`followup-item${i.overdue ? ' overdue' : ''}`}
                    data-state={i.state}
                  >
                    <div className="followup-head">
                      <span className={`tag state-tag s-${i.state}`}>{i.state}</span>
                      {i.overdue && <span className="tag overdue-tag">{t.overdue}</span>}
                      <Link to={`/meetings/${i.meetingId}`} className="muted small">
                        {t.meeting(i.form, i.issueNo)} · {i.meetingTitle}
                      </Link>
                    </div>
                    <p className="followup-text">{i.text}</p>
                    <p className="followup-meta">
                      <span>{t.lead(i.leadDepartment)}</span>
                      <span>{labelled(t.deadline, i.deadline ? chineseDate(i.deadline) : t.noDeadline)}</span>
                      {i.replyClass && <span>{t.reply(i.replyClass, replyClassNames[i.replyClass])}</span>}
                      {i.evaluation && <span>{t.evaluated(i.evaluation)}</span>}
                      {i.urged > 0 && <span className="urged">{t.urged(i.urged)}</span>}
                      {i.reportedOn && <span className="reported">{t.reported(chineseDate(i.reportedOn))}</span>}
                    </p>
                    <div className="followup-actions">
                      {i.possible.map((action) => (
                        <button
                          key={action}
                          type="button"
                          className={`button small${action === followUpAction.feedback ? '' : ' primary'}`}
                          onClick={() => setActing({ item: i, action })}
                        >
                          {t.actions[action]}
                        </button>
                      ))}
                      <button
                        type="button"
                        className="button small subtle"
                        aria-expanded={open === i.resolutionId}
                        onClick={() => setOpen(open === i.resolutionId ? null : i.resolutionId)}
                      >
                        {t.history}
                      </button>
                    </div>
                    {open === i.resolutionId && <History resolutionId={i.resolutionId} />}
                  </li>
                ))}
              </ol>
            )}
          </div>
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
        </div>
      )}
      {acting && (
        <ActDrawer
          item={acting.item}
          action={acting.action}
          today={data?.today ?? ''}
          onClose={() => setActing(null)}
        />
      )}
    </section>
  );
}
