import type { Speech } from '../../../../shared/contract/meetings';
import { speechStats, type StatRow } from '../../../../shared/domain/speechStats';
import { clock } from '../../../../shared/domain/speechTimer';
import { useNow } from '../../lib/useNow';
import { speechState } from '../../lib/values';
import { t } from './text';

const s = t.queue;

/** Count, total time and overtime, per kind and per speaker. */
export function SpeechStats({ entries }: { entries: Speech[] }) {
  // The totals move only while someone speaks.
  const now = useNow(entries.some((e) => e.state === speechState.speaking) ? 1000 : null);
  const stats = speechStats(entries, now);
  if (!stats.byKind.length) return null;
  const table = (label: string, rows: StatRow[]) => (
    <table className="table compact" aria-label={label}>
      <thead>
        <tr>
          <th>{label}</th>
          <th className="num">{s.statsCols.count}</th>
          <th className="num">{s.statsCols.total}</th>
          <th className="num">{s.statsCols.over}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.key}</td>
            <td className="num">{r.count}</td>
            <td className="num">{clock(r.total)}</td>
            <td className={`num${r.over ? ' warn-text' : ''}`}>{r.over ? clock(r.over) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="card stats-card" aria-label={s.stats}>
      <h2 className="card-title">{s.stats}</h2>
      {table(s.byKind, stats.byKind)}
      {table(s.bySpeaker, stats.bySpeaker)}
    </section>
  );
}
