import type { PackagePerson } from '../../../../shared/contract/packages';
import { t } from './text';

/** A name match's choice: a candidate's id (merge into it) or 'add'. */
export type PersonChoiceValue = string;
export const ADD = 'add';

/** The first candidate unless the secretary chose otherwise. */
export const choiceOf = (p: PackagePerson, choices: Readonly<Record<string, string>>): PersonChoiceValue =>
  choices[p.uid] ?? String(p.candidates[0]?.id ?? ADD);

/** The people the import adds: the new ones, and the name matches the secretary adds rather than merges. */
export const peopleAdded = (people: PackagePerson[], choices: Readonly<Record<string, string>>) =>
  people.filter((p) => p.match === 'new' || (p.match === 'name' && choiceOf(p, choices) === ADD)).length;

/**
 * The package's people as they meet this directory: the ones seen before and the new ones in a
 * line each, the name matches one row each with the secretary's choice (merge into whom, or add).
 */
export function PeopleChoices({
  people,
  choices,
  onChoose,
  disabled,
}: {
  people: PackagePerson[];
  choices: Readonly<Record<string, string>>;
  onChoose: (uid: string, value: PersonChoiceValue) => void;
  disabled: boolean;
}) {
  const i = t.import;
  const byName = people.filter((p) => p.match === 'name');
  const known = people.filter((p) => p.match === 'uid');
  const added = people.filter((p) => p.match === 'new');
  if (people.length === 0) return null;
  return (
    <section className="card package-card">
      <h2 className="card-title">{i.people}</h2>
      {known.length > 0 && <p className="package-line">{i.knownPeople(known.length)}</p>}
      {added.length > 0 && <p className="package-line">{i.newPeople(added.map((p) => p.name))}</p>}
      {byName.length > 0 && (
        <>
          <p className="package-line">{i.peopleLead}</p>
          <table className="table package-table" aria-label={i.people}>
            <thead>
              <tr>
                <th>{i.peopleCols.name}</th>
                <th>{i.peopleCols.unit}</th>
                <th>{i.peopleCols.action}</th>
              </tr>
            </thead>
            <tbody>
              {byName.map((p) => (
                <tr key={p.uid}>
                  <td className="strong">{p.name}</td>
                  <td>{p.unit || i.noUnit}</td>
                  <td>
                    <select
                      aria-label={i.choiceOf(p.name)}
                      value={choiceOf(p, choices)}
                      onChange={(e) => onChoose(p.uid, e.target.value)}
                      disabled={disabled}
                    >
                      {p.candidates.map((c) => (
                        <option key={c.id} value={String(c.id)}>
                          {i.mergeInto(c.name, c.id)}
                        </option>
                      ))}
                      <option value={ADD}>{i.addNew}</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
