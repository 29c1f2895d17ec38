import { Link } from 'react-router';
import type { Output } from '../../../../shared/contract';
import { t } from './text';

/** What the import did, in counts by kind of record, and a way to each meeting. */
export function ImportResult({ result, onAnother }: { result: Output<'package.import'>; onAnother: () => void }) {
  const r = t.import.result;
  const nothing = Object.keys(result.added).length === 0 && Object.keys(result.updated).length === 0;
  return (
    <section className="card package-card package-result" role="status" aria-label={r.title}>
      <h2 className="card-title">{r.title}</h2>
      {nothing ? (
        <p className="package-line">{r.unchanged}</p>
      ) : (
        <>
          {Object.keys(result.added).length > 0 && <p className="package-line">{r.added(result.added)}</p>}
          {Object.keys(result.updated).length > 0 && <p className="package-line">{r.updated(result.updated)}</p>}
        </>
      )}
      <ul className="package-links">
        {result.meetings.map((m) => (
          <li key={m.uid}>
            {m.localId ? <Link to={`/meetings/${m.localId}`}>{m.title}</Link> : m.title}
            <span className={`tag package-status ps-${m.status}`}>{r.status[m.status]}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={onAnother}>
        {r.another}
      </button>
    </section>
  );
}
