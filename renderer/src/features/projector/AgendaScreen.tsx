import type { CSSProperties } from 'react';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { agendaSchedule, type ScheduledItem } from '../../../../shared/domain/agendaSchedule';
import { MeetingHeader } from './MeetingHeader';
import { t } from './text';
import { Words } from './Words';
import { hhmm } from '../../lib/dates';
import { useNow } from '../../lib/useNow';

/** Up to this many items all show; rows never shrink below the size six of them have. */
const ALL_ROWS = 6;
/** A longer agenda shows this many rows, one line each for what is left out above and below. */
const WINDOW = 5;

/**
 * Which rows a long agenda shows: the current item with the one before it, then what comes next;
 * near the end the window stops at the last item. The current item is the running one, else the
 * first after the last finished one.
 */
function agendaWindow(states: readonly ScheduledItem['state'][]): { from: number; to: number } {
  const n = states.length;
  if (n <= ALL_ROWS) return { from: 0, to: n };
  const running = states.indexOf('running');
  const current = running >= 0 ? running : states.lastIndexOf('done') + 1;
  const from = Math.max(0, Math.min(current - 1, n - WINDOW));
  return { from, to: from + WINDOW };
}

/** Title lengths that still fit one line of the row's title column (at the row's full size). */
const ONE_LINE_CHARS = 18;

/** The agenda with its progress and the times it is now expected to keep. */
export function AgendaScreen({ meeting }: { meeting: MeetingDetail }) {
  const now = useNow(1000);
  // startsAt is the notice's local wall-clock time; new Date() reads it as local.
  const schedule = agendaSchedule(new Date(meeting.startsAt).toISOString(), meeting.agenda, now);
  const { from, to } = agendaWindow(schedule.items.map((s) => s.state));
  const windowed = meeting.agenda.length > ALL_ROWS;
  const doneBefore = schedule.items.slice(0, from).filter((s) => s.state === 'done').length;
  const after = meeting.agenda.length - to;
  return (
    <>
      <MeetingHeader meeting={meeting} />
      <section className="projector-agenda">
        {/* The line keeps its place when empty, so the rows do not jump as the window moves. */}
        {windowed && (
          <p className="projector-agenda-more" data-testid="projector-agenda-earlier">
            {from > 0 && t.earlier(from, doneBefore)}
          </p>
        )}
        {meeting.agenda.length ? (
          <ol start={from + 1}>
            {meeting.agenda.slice(from, to).map((item, j) => {
              const i = from + j;
              const s = schedule.items[i];
              const chars = [...item.title].length;
              return (
                <li
                  key={item.id}
                  className={`projector-agenda-item ${s.state}`}
                  data-testid="projector-agenda-item"
                  data-state={s.state}
                >
                  <span
                    className="projector-agenda-mark"
                    aria-label={s.state === 'done' ? t.done : s.state === 'running' ? t.running : undefined}
                  >
                    {s.state === 'done' ? '✓' : i + 1}
                  </span>
                  <span
                    className={`projector-agenda-title${chars > ONE_LINE_CHARS ? ' long' : ''}`}
                    style={{ '--chars': chars } as CSSProperties}
                  >
                    <Words text={item.title} />
                  </span>
                  <span className={`projector-agenda-minutes${s.overMinutes ? ' over' : ''}`}>
                    {s.overMinutes ? t.overBy(s.overMinutes) : t.minutes(item.plannedMinutes)}
                  </span>
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
        {windowed && (
          <p className="projector-agenda-more" data-testid="projector-agenda-later">
            {after > 0 && t.later(after)}
          </p>
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
