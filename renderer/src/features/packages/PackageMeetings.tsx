import type { PackageMeeting } from '../../../../shared/contract/packages';
import { t } from './text';

/** The package's meetings and what each is here: new, the same, or here with changes (and which). */
export function PackageMeetings({ meetings }: { meetings: PackageMeeting[] }) {
  const i = t.import;
  return (
    <section className="card package-card">
      <h2 className="card-title">{i.meetings}</h2>
      <table className="table package-table" aria-label={i.meetings}>
        <thead>
          <tr>
            <th>{i.meetingCols.title}</th>
            <th>{i.meetingCols.time}</th>
            <th>{i.meetingCols.status}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr key={m.uid}>
              <td className="strong">{m.title}</td>
              <td className="num-left">{t.time(m.startsAt)}</td>
              <td>
                <span className={`tag package-status ps-${m.status}`}>{i.status[m.status]}</span>
                {m.status === 'differs' && <div className="hint package-differs">{i.differs(m.differs)}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
