import { useMemo } from 'react';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { attendances, participantRoles, type ParticipantRole } from '../../../../shared/domain/meetings';
import { PersonPicker } from '../../components/PersonPicker';
import { useAction } from '../../lib/query';
import { attendance } from '../../lib/values';
import { t } from './text';

const p = t.people;
const time = (iso: string) => new Date(iso).toTimeString().slice(0, 5);

/** Who takes part, in which role, and the check-in (出席/请假/缺席) with its time and counts by role. */
export function ParticipantsPanel({ meeting, readOnly }: { meeting: MeetingDetail; readOnly: boolean }) {
  const add = useAction('participant.add');
  const update = useAction('participant.update');
  const remove = useAction('participant.remove');
  const present = useMemo(() => new Set(meeting.participants.map((x) => x.personId)), [meeting.participants]);
  const counts = participantRoles
    .map((role) => {
      const of = meeting.participants.filter((x) => x.role === role);
      return {
        role,
        total: of.length,
        present: of.filter((x) => x.attendance === attendance.present).length,
        leave: of.filter((x) => x.attendance === attendance.leave).length,
      };
    })
    .filter((c) => c.total > 0);

  return (
    <section className="card" aria-label={p.title}>
      <header className="card-head">
        <h2 className="card-title">{p.title}</h2>
        <span className="hint">
          {p.present(
            meeting.participants.filter((x) => x.attendance === attendance.present).length,
            meeting.participants.length,
          )}
        </span>
      </header>
      <div className="role-counts" aria-label={p.counts}>
        {counts.map((c) => (
          <span key={c.role} className="role-count">
            <span className="muted-text">{c.role}</span> <strong>{c.present}</strong>/{c.total}
            {c.leave > 0 && <span className="muted-text">{p.onLeave(c.leave)}</span>}
          </span>
        ))}
      </div>
      {!readOnly && (
        <PersonPicker
          label={p.add}
          placeholder={p.addPlaceholder}
          exclude={present}
          onPick={(person) => add.mutate({ meetingId: meeting.id, personIds: [person.id] })}
        />
      )}
      {meeting.participants.length === 0 ? (
        <p className="muted-text">{p.empty}</p>
      ) : (
        <table className="table compact" aria-label={p.list}>
          <thead>
            <tr>
              <th>{p.name}</th>
              <th>{p.role}</th>
              <th>{p.attendance}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {meeting.participants.map((x) => (
              <tr key={x.id} aria-label={x.name}>
                <td>
                  <span className="strong">{x.name}</span> <span className="muted-text">{x.affiliation}</span>
                </td>
                <td>
                  <select
                    aria-label={p.roleOf(x.name)}
                    value={x.role}
                    disabled={readOnly}
                    onChange={(e) => update.mutate({ id: x.id, role: e.target.value as ParticipantRole })}
                  >
                    {participantRoles.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <div className="segmented small" role="radiogroup" aria-label={p.attendanceOf(x.name)}>
                    {attendances.slice(1).map((a) => (
                      <button
                        type="button"
                        key={a}
                        role="radio"
                        disabled={readOnly}
                        aria-checked={x.attendance === a}
                        className={x.attendance === a ? 'on' : ''}
                        onClick={() =>
                          update.mutate({ id: x.id, attendance: x.attendance === a ? attendance.unmarked : a })
                        }
                      >
                        {a}
                      </button>
                    ))}
                  </div>
                  {x.checkedInAt && (
                    <span className="hint">
                      {p.checkedIn(time(x.checkedInAt), x.attendance === attendance.present)}
                    </span>
                  )}
                </td>
                <td>
                  {!readOnly && (
                    <button type="button" className="mini subtle" onClick={() => remove.mutate({ id: x.id })}>
                      {p.remove}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
