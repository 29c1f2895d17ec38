import { chineseDate } from '../../../../shared/domain/chineseText';
import { useCall } from '../../lib/query';
import { t } from './text';

/** Every step of one resolution's follow-up, oldest first. */
export function History({ resolutionId }: { resolutionId: number }) {
  const history = useCall('followup.history', { resolutionId });
  if (!history.data) return null;
  if (!history.data.length) return <p className="muted small">{t.noHistory}</p>;
  return (
    <ol className="followup-history" aria-label={t.history}>
      {history.data.map((h, i) => (
        <li key={i}>
          <strong>{h.action}</strong> {chineseDate(h.date)} · {h.by}
          {h.replyClass && t.replyClass(h.replyClass)}
          {h.evaluation && ` · ${h.evaluation}`}
          {h.replyText && <p className="small">{h.replyText}</p>}
          {h.note && <p className="small muted">{h.note}</p>}
        </li>
      ))}
    </ol>
  );
}
