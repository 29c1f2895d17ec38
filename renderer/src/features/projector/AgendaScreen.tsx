import type { CSSProperties } from 'react';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { agendaSchedule } from '../../../../shared/domain/agendaSchedule';
import { MeetingHeader } from './MeetingHeader';
import { t } from './text';
import { hhmm } from '../../lib/dates';
import { useNow } from '../../lib/useNow';

/** The agenda with its progress and the times it is now expected to keep. */
export function AgendaScreen({ meeting }: { meeting: MeetingDetail }) {
  const now = useNow(1000);
  // startsAt is the notice's local wall-clock time; new Date() reads it as local.
  const schedule = agendaSchedule(new Date(meeting.startsAt).toISOString(), meeting.agenda, now);
  return (
    <>
      <MeetingHeader meeting={meeting} />
      <section className="projector-agenda" style={{ '--rows': Math.max(6, meeting.agenda.length) } as CSSProperties}>
        {meeting.agenda.length ? (
          <ol>
            {meeting.agenda.map((item, i) => {
              const s = schedule.items[i];
              return (
                <li key={item.id} className={`projector-agenda-item ${s.state}`} data-testid="projector-agenda-item" data-state={s.state}>
                  <span className="projector-agenda-mark" aria-label={s.state === 'done' ? t.done : s.state === 'running' ? t.running : undefined}>
                    {s.state === 'done' ? '✓' : i + 1}
                  </span>
                  <span className="projector-agenda-title">{item.title}</span>
                  <span className={`projector-agenda-minutes${s.overMinutes ? ' over' : ''}`}>{s.overMinutes ? t.overBy(s.overMinutes) : t.minutes(item.plannedMinutes)}</span>
                  <span className="projector-agenda-time">
                    {hhmm(s.start)}–{hhmm(s.end)}
                  </span>
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="projector-agenda-none">{t.noAgenda}</p>
        )}
      </section>
      {meeting.agenda.length > 0 && (
        <footer className="projector-agenda-end">
          {t.estimatedEnd}
          <strong data-testid="projector-end">{hhmm(schedule.end)}</strong>
        </footer>
      )}
    </>
  );
}
