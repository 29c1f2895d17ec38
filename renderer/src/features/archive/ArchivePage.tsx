import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import {
  HIGHLIGHT_CLOSE,
  HIGHLIGHT_OPEN,
  searchKindNames,
  searchKinds,
  type SearchHit,
  type SearchKind,
} from '../../../../shared/contract/archive';
import { meetingForms } from '../../../../shared/domain/topics';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/Field';
import { useCall } from '../../lib/query';
import { useUnits } from '../../lib/useUnits';
import { t } from './text';
import './archive.css';

/** Where a hit opens: a topic's page, or its meeting's page. */
const linkOf = (h: SearchHit) => (h.kind === 'topic' ? `/topics/${h.refId}` : `/meetings/${h.meetingId}`);

/** The excerpt with its matches marked (the core wraps them in control characters, never HTML). */
function Excerpt({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${HIGHLIGHT_OPEN}[^${HIGHLIGHT_CLOSE}]*${HIGHLIGHT_CLOSE})`));
  return (
    <p className="hit-excerpt">
      {parts.map((p, i) =>
        p.startsWith(HIGHLIGHT_OPEN) ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p}</span>,
      )}
    </p>
  );
}

export function ArchivePage() {
  const [q, setQ] = useState('');
  const [year, setYear] = useState<number | undefined>();
  const [form, setForm] = useState('');
  const [department, setDepartment] = useState('');
  const [kinds, setKinds] = useState<SearchKind[]>([]);
  const departments = useUnits('department');
  const query = useDeferredValue(q.trim());
  const result = useCall(
    'archive.search',
    {
      q: query,
      year,
      form: form || undefined,
      department: department || undefined,
      kinds: kinds.length ? kinds : undefined,
    },
    { enabled: query.length > 0, placeholderData: (prev) => prev },
  );
  const thisYear = new Date().getFullYear();
  return (
    <section className="page wide archive-page">
      <header className="page-head">
        <div>
          <h1>{t.title}</h1>
          <p className="page-sub">{t.sub}</p>
        </div>
      </header>
      <input
        className="archive-box"
        type="search"
        aria-label={t.box}
        placeholder={t.placeholder}
        value={q}
        maxLength={100}
        autoFocus
        onChange={(e) => setQ(e.target.value)}
      />
      <div className="filters">
        <label>
          {t.year}
          <select value={year ?? ''} onChange={(e) => setYear(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">{t.all}</option>
            {Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
        <label>
          {t.form}
          <select value={form} onChange={(e) => setForm(e.target.value)}>
            <option value="">{t.all}</option>
            {meetingForms.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
        <label>
          {t.department}
          <select value={department} onChange={(e) => setDepartment(e.target.value)}>
            <option value="">{t.all}</option>
            {departments.units.map((u) => (
              <option key={u.id}>{u.name}</option>
            ))}
          </select>
        </label>
        <span className="chips" role="group" aria-label={t.kinds}>
          {searchKinds.map((k) => (
            <button
              type="button"
              key={k}
              className={`chip${kinds.includes(k) ? ' on' : ''}`}
              aria-pressed={kinds.includes(k)}
              onClick={() => setKinds(kinds.includes(k) ? kinds.filter((x) => x !== k) : [...kinds, k])}
            >
              {searchKindNames[k]}
            </button>
          ))}
        </span>
      </div>
      <ErrorText error={result.error} />
      {query && result.data && (
        <>
          <p className="muted small">
            {t.count(result.data.hits.length, result.data.ms, result.data.total > result.data.hits.length)}
          </p>
          {result.data.hits.length === 0 ? (
            <EmptyState title={t.none(query)}>{t.noneHint}</EmptyState>
          ) : (
            <ol className="hit-list" aria-label={t.results}>
              {result.data.hits.map((h) => (
                <li key={`${h.kind}-${h.refId}`}>
                  <Link to={linkOf(h)} className="hit">
                    <span className="hit-head">
                      <span className="tag">{searchKindNames[h.kind]}</span>
                      <strong>{h.title}</strong>
                      <span className="muted small">
                        {[h.year, h.form, h.status, h.department].filter(Boolean).join(' · ')}
                      </span>
                    </span>
                    <Excerpt text={h.excerpt} />
                  </Link>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
