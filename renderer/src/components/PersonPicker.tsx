import { useMemo, useState } from 'react';
import type { Person } from '../../../shared/contract/directory';
import { rankByName } from '../../../shared/domain/personMatch';
import { useCall } from '../lib/query';
import { t } from './text';

/**
 * Type a name, full pinyin or initials, Enter takes the first match: two keystrokes from the
 * keyboard to a person. `preferred` ids (e.g. this meeting's participants) rank first.
 */
export function PersonPicker({
  placeholder,
  label,
  onPick,
  preferred,
  exclude,
  autoFocus,
  inputRef,
}: {
  placeholder: string;
  label: string;
  onPick: (person: Person) => void;
  preferred?: ReadonlySet<number>;
  exclude?: ReadonlySet<number>;
  autoFocus?: boolean;
  /** For a page that focuses the field from a shortcut. */
  inputRef?: React.Ref<HTMLInputElement>;
}) {
  const people = useCall('person.list', {});
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const hits = useMemo(() => {
    if (!query.trim()) return [];
    const pool = (people.data ?? []).filter((p) => !exclude?.has(p.id));
    const ranked = rankByName(pool, query, (p) => p);
    // Stable partition: preferred people first, each group keeping its rank.
    return [...ranked.filter((p) => preferred?.has(p.id)), ...ranked.filter((p) => !preferred?.has(p.id))].slice(0, 8);
  }, [people.data, query, preferred, exclude]);

  const pick = (p: Person | undefined) => {
    if (!p) return;
    onPick(p);
    setQuery('');
    setActive(0);
  };

  return (
    <div className="picker">
      <input
        type="search"
        role="combobox"
        aria-label={label}
        ref={inputRef}
        aria-expanded={hits.length > 0}
        placeholder={placeholder}
        value={query}
        autoFocus={autoFocus}
        onChange={(e) => (setQuery(e.target.value), setActive(0))}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          const moves: Record<string, () => void> = {
            ArrowDown: () => setActive((a) => Math.min(a + 1, hits.length - 1)),
            ArrowUp: () => setActive((a) => Math.max(a - 1, 0)),
            Enter: () => pick(hits[active]),
          };
          if (moves[e.key]) {
            e.preventDefault();
            moves[e.key]();
          }
          // Esc clears what was typed; on an empty field it leaves it, so the page's keys work again.
          if (e.key === 'Escape') query ? setQuery('') : e.currentTarget.blur();
        }}
      />
      {hits.length > 0 && (
        <ul className="picker-list" role="listbox" aria-label={label}>
          {hits.map((p, i) => (
            <li
              key={p.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => (e.preventDefault(), pick(p))}
            >
              <span className="strong">{p.name}</span>
              <span className="muted-text">
                {p.kind}
                {p.unit ? ` · ${p.unit}` : ''}
              </span>
              {preferred?.has(p.id) && <span className="tag">{t.attending}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
