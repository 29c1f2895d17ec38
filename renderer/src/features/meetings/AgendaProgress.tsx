import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { agendaSchedule } from '../../../../shared/domain/agendaSchedule';
import { hhmm } from '../../lib/dates';
import { useAction } from '../../lib/query';
import { useNow } from '../../lib/useNow';
import { t } from './text';

const a = t.agenda;

/** The agenda with what is done, what runs, and when each item and the meeting should end. */
export function AgendaProgress({ meeting, readOnly }: { meeting: MeetingDetail; readOnly: boolean }) {
  const start = useAction('agenda.start');
  const end = useAction('agenda.end');
  // startsAt is local wall-clock time; Date parses a date-time without a zone as local.
  const scheduleAt = (now: number) => agendaSchedule(new Date(meeting.startsAt).toISOString(), meeting.agenda, now);
  // The estimates move with the clock once the agenda is under way and until it is through.
  const states = scheduleAt(Date.now()).items.map((i) => i.state);
  const underWay = states.some((s) => s !== 'ahead') && states.some((s) => s !== 'done');
  const schedule = scheduleAt(useNow(underWay ? 1000 : null));
  return (
    <section className="card agenda-card" aria-label={a.title}>
      <header className="card-head">
        <h2 className="card-title">{a.title}</h2>
        {meeting.agenda.length > 0 && <span className="hint">{a.estimatedEnd(hhmm(schedule.end))}</span>}
      </header>
      {meeting.agenda.length === 0 ? (
        <p className="muted-text">{a.empty}</p>
      ) : (
        <ol className="agenda-list">
          {meeting.agenda.map((item, i) => {
            const s = schedule.items[i];
            return (
              <li key={item.id} className={`agenda-row ag-${s.state}`}>
                <span className="agenda-time">{hhmm(s.start)}</span>
                <div className="agenda-body">
                  <span className="agenda-title">{item.title}</span>
                  <span className="muted-text">
                    {a.minutes(item.plannedMinutes)}
                    {s.overMinutes > 0 && <span className="warn-text"> · {a.over(s.overMinutes)}</span>}
                  </span>
                </div>
                {!readOnly && s.state === 'ahead' && (
                  <button type="button" className="mini" onClick={() => start.mutate({ id: item.id })}>
                    {a.start}
                  </button>
                )}
                {!readOnly && s.state === 'running' && (
                  <button type="button" className="mini" onClick={() => end.mutate({ id: item.id })}>
                    {a.end}
                  </button>
                )}
                {s.state === 'done' && <span className="ok-text">✓</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
