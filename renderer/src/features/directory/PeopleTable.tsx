import type { Person } from '../../../../shared/contract/directory';
import { personKinds } from '../../../../shared/domain/people';
import { t } from './text';

/** The people shown, one row each: a click or Enter opens the person. */
export function PeopleTable({
  people,
  affiliation,
  onOpen,
}: {
  people: readonly Person[];
  affiliation(p: Person): string;
  onOpen(p: Person): void;
}) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={t.list}>
        <thead>
          <tr>
            <th>{t.col.name}</th>
            <th>{t.col.kind}</th>
            <th>{t.col.affiliation}</th>
            <th>{t.col.unit}</th>
            <th>{t.col.title}</th>
            <th className="num">{t.col.phone}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr
              key={p.id}
              className={p.retired ? 'retired' : undefined}
              onClick={() => onOpen(p)}
              tabIndex={0}
              onKeyDown={(e) => e.key === 'Enter' && onOpen(p)}
            >
              <td className="strong">
                {p.name}
                {p.retired && <span className="tag muted">{t.retired}</span>}
              </td>
              <td>
                <span className={`tag kind-${personKinds.indexOf(p.kind)}`}>{p.kind}</span>
              </td>
              <td>{affiliation(p)}</td>
              <td>{p.unit}</td>
              <td>{p.title}</td>
              <td className="num">{p.phone}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
