import { useState } from 'react';
import { Link } from 'react-router';
import type { PlanItem } from '../../../../shared/contract/plan';
import { chineseDate } from '../../../../shared/domain/chineseText';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useHotkey } from '../../components/useHotkey';
import { useApi, useCall } from '../../lib/query';
import { topicStatus } from '../../lib/values';
import { t } from './text';

const p = t.planPage;

/** 年度协商计划: the decided topics month by month, and the Word table staff file. */
export function PlanPage() {
  const api = useApi();
  const toast = useToast();
  const topics = useCall('topic.list', {});
  const years = [...new Set([new Date().getFullYear(), ...(topics.data ?? []).map((x) => x.year)])].sort(
    (a, b) => b - a,
  );
  const [year, setYear] = useState<number | null>(null);
  const shownYear = year ?? topics.data?.find((x) => x.status === topicStatus.decided)?.year ?? years[0];
  const plan = useCall('plan.get', { year: shownYear });
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const exportDocx = async () => {
    if (exporting) return;
    setExporting(true);
    setError(null);
    try {
      const file = await api.call('plan.exportDocx', { year: shownYear });
      const saved = await api.saveFile(file.fileName, file.dataBase64);
      if (saved.error) setError(new Error(saved.error));
      else if (saved.saved) toast(p.exported(file.fileName, saved.where));
    } catch (e) {
      setError(e);
    } finally {
      setExporting(false);
    }
  };
  useHotkey('mod+e', () => void exportDocx(), !!plan.data?.items.length);

  const byMonth = new Map<number, PlanItem[]>();
  for (const item of plan.data?.items ?? []) byMonth.set(item.month, [...(byMonth.get(item.month) ?? []), item]);

  return (
    <section className="page">
      <header className="page-head">
        <div>
          <h1>
            {shownYear} {t.plan}
          </h1>
          <p className="page-sub">{plan.data && p.sub(plan.data.items.length, plan.data.inProgress)}</p>
        </div>
        <div className="page-actions">
          <select aria-label={t.labels.year} value={shownYear} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {t.yearLabel(y)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button primary"
            disabled={exporting || !plan.data?.items.length}
            onClick={() => void exportDocx()}
            title="Ctrl+E"
          >
            {exporting ? (
              <>
                <span className="spinner" /> {p.exporting}
              </>
            ) : (
              p.export
            )}
          </button>
        </div>
      </header>
      <ErrorText error={error} />

      {plan.isSuccess && plan.data.items.length === 0 ? (
        <EmptyState
          title={p.empty(shownYear)}
          actions={
            <Link className="button" to="/topics">
              {p.toBoard}
            </Link>
          }
        >
          {p.emptyHint}
        </EmptyState>
      ) : (
        <div className="plan-months">
          {[...byMonth.entries()].map(([month, items]) => (
            <section key={month} className="plan-month" aria-label={p.month(month)}>
              <h2 className="plan-month-name">{p.month(month)}</h2>
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th>{p.columns.title}</th>
                      <th>{p.columns.form}</th>
                      <th>{p.columns.lead}</th>
                      <th>{p.columns.decidedOn}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((item) => (
                      <tr key={item.topicId}>
                        <td className="strong">
                          <Link to={`/topics/${item.topicId}`}>{item.title}</Link>
                        </td>
                        <td>
                          <span className="tag">{item.meetingForm}</span>
                        </td>
                        <td>{item.leadCommittee}</td>
                        <td>{item.decidedOn && chineseDate(item.decidedOn)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
