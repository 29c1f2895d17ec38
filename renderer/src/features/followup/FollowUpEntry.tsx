import { Link } from 'react-router';
import type { FollowUpItem } from '../../../../shared/contract/followUp';
import { chineseDate } from '../../../../shared/domain/chineseText';
import { replyClassNames, type FollowUpAction } from '../../../../shared/domain/followUp';
import { labelled } from '../../components/text';
import { followUpAction } from '../../lib/values';
import { History } from './History';
import { t } from './text';

/** One resolution on the board: its status, meeting and text, where its follow-up stands, the next steps. */
export function FollowUpEntry({
  item: i,
  historyOpen,
  onToggleHistory,
  onAct,
}: {
  item: FollowUpItem;
  historyOpen: boolean;
  onToggleHistory(): void;
  onAct(action: FollowUpAction): void;
}) {
  return (
    <li className={`followup-item${i.overdue ? ' overdue' : ''}`} data-state={i.state}>
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
            onClick={() => onAct(action)}
          >
            {t.actions[action]}
          </button>
        ))}
        <button type="button" className="button small subtle" aria-expanded={historyOpen} onClick={onToggleHistory}>
          {t.history}
        </button>
      </div>
      {historyOpen && <History resolutionId={i.resolutionId} />}
    </li>
  );
}
