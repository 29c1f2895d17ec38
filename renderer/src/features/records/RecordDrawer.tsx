import { Link } from 'react-router';
import type { MemberRecord } from '../../../../shared/contract/memberRecords';
import { chineseDate, chineseNumeral } from '../../../../shared/domain/chineseText';
import { clock } from '../../../../shared/domain/speechTimer';
import { Drawer } from '../../components/Drawer';
import { ErrorText } from '../../components/Field';
import { useCall } from '../../lib/query';
import { attendance } from '../../lib/values';
import { t } from './text';

const d = t.detail;

/** One person's year: the meetings, what the minutes marked in their speeches, what was adopted. */
export function RecordDrawer({ row, year, onClose }: { row: MemberRecord; year: number; onClose: () => void }) {
  const detail = useCall('records.detail', { personId: row.personId, year });
  const data = detail.data;
  return (
    <Drawer title={d.title(row.name, year)} onClose={onClose}>
      <div className="record-detail">
        <p className="record-who">
          {row.affiliation && <span>{row.affiliation}</span>}
          {row.retired && <span className="tag muted">{t.retired}</span>}
        </p>
        <dl className="record-facts" aria-label={d.facts}>
          <div>
            <dt>{t.columns.attended}</dt>
            <dd>
              {row.meetingsAttended}/{row.meetingsInvited}
            </dd>
          </div>
          <div>
            <dt>{t.columns.speeches}</dt>
            <dd>{row.speeches}</dd>
          </div>
          <div>
            <dt>{t.columns.seconds}</dt>
            <dd>{clock(row.speakingSeconds)}</dd>
          </div>
          <div>
            <dt>{t.columns.suggestions}</dt>
            <dd>{row.suggestions}</dd>
          </div>
          <div>
            <dt>{t.columns.adopted}</dt>
            <dd>{row.suggestionsAdopted}</dd>
          </div>
        </dl>
        <ErrorText error={detail.error} />
        {data && (
          <>
            <section aria-label={d.meetings}>
              <h3>{d.meetings}</h3>
              {data.meetings.length === 0 ? (
                <p className="muted small">{d.noMeetings}</p>
              ) : (
                <ol className="record-lines">
                  {data.meetings.map((m) => (
                    <li key={m.meetingId} className={m.attended ? '' : 'missed'}>
                      <span className="record-date">{chineseDate(m.date)}</span>
                      <Link to={`/meetings/${m.meetingId}`}>{m.meetingTitle}</Link>
                      <span className="muted small">
                        {d.meeting(m.form, m.issueNo)} · {m.role}
                      </span>
                      <span className={`tag att-${m.attended ? attendance.present : m.attendance}`}>
                        {m.attendance === attendance.unmarked && m.attended ? d.attendedUnmarked : m.attendance}
                      </span>
                      <span className="small">{d.speeches(m.speeches, clock(m.speakingSeconds))}</span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section aria-label={d.marks}>
              <h3>{d.marks}</h3>
              {data.marks.length === 0 ? (
                <p className="muted small">{d.noMarks}</p>
              ) : (
                <ul className="record-quotes">
                  {data.marks.map((m) => (
                    <li key={m.markId}>
                      <span className="tag mark-kind">{m.kind}</span>
                      <q>{m.excerpt}</q>
                      <span className="muted small">
                        {d.meeting(m.form, m.issueNo)} · {m.meetingTitle}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-label={d.adopted}>
              <h3>{d.adopted}</h3>
              {data.adopted.length === 0 ? (
                <p className="muted small">{d.noAdopted}</p>
              ) : (
                <ul className="record-quotes">
                  {data.adopted.map((a) => (
                    <li key={a.resolutionId}>
                      <span className="tag adopted">{d.position(chineseNumeral(a.position))}</span>
                      <span>{a.text}</span>
                      <span className="muted small">
                        {d.meeting(a.form, a.issueNo)} · {a.meetingTitle}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </div>
    </Drawer>
  );
}
