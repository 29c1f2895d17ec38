import { topicFields, topicSources, type TopicSource } from '../../../../shared/domain/topics';
import { Field, FieldGroup } from '../../components/Field';
import { useUnits } from '../../lib/useUnits';
import { t } from './text';

const f = t.intake.fields;

export interface IntakeValues {
  title: string;
  description: string;
  source: TopicSource;
  submitter: string;
  receivedOn: string;
  field: string;
  sectorIds: number[];
  year: number;
}

/** 社会征题's fields, shared by registering a topic and by 补录 (the same intake either way). */
export function IntakeFields({
  form,
  set,
  showYear,
}: {
  form: IntakeValues;
  set: <K extends keyof IntakeValues>(key: K, value: IntakeValues[K]) => void;
  showYear?: boolean;
}) {
  const sectors = useUnits('sector');
  const toggleSector = (id: number) =>
    set('sectorIds', form.sectorIds.includes(id) ? form.sectorIds.filter((s) => s !== id) : [...form.sectorIds, id]);
  return (
    <>
      <Field label={f.title} required>
        <input value={form.title} onChange={(e) => set('title', e.target.value)} maxLength={80} autoComplete="off" />
      </Field>
      <Field label={f.description}>
        <textarea
          value={form.description}
          onChange={(e) => set('description', e.target.value)}
          maxLength={4000}
          rows={4}
        />
      </Field>
      <FieldGroup label={f.source} required>
        <div className="segmented" role="radiogroup" aria-label={f.source}>
          {topicSources.map((s) => (
            <button
              type="button"
              key={s}
              role="radio"
              aria-checked={form.source === s}
              className={form.source === s ? 'on' : ''}
              onClick={() => set('source', s)}
            >
              {s}
            </button>
          ))}
        </div>
      </FieldGroup>
      <div className="form-row">
        <Field label={f.submitter}>
          <input value={form.submitter} onChange={(e) => set('submitter', e.target.value)} maxLength={60} />
        </Field>
        <Field label={f.receivedOn} required>
          <input type="date" value={form.receivedOn} onChange={(e) => set('receivedOn', e.target.value)} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={f.field} hint={t.intake.fieldHint}>
          <input value={form.field} onChange={(e) => set('field', e.target.value)} maxLength={20} list="topic-fields" />
          <datalist id="topic-fields">
            {topicFields.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
        </Field>
        {showYear && (
          <Field label={f.year} hint={t.intake.yearHint}>
            <input
              type="number"
              value={form.year}
              min={2000}
              max={2100}
              onChange={(e) => set('year', Number(e.target.value))}
            />
          </Field>
        )}
      </div>
      <FieldGroup label={f.sectors}>
        <div className="chips sector-chips">
          {sectors.active.map((s) => (
            <button
              type="button"
              key={s.id}
              className={`chip${form.sectorIds.includes(s.id) ? ' on' : ''}`}
              aria-pressed={form.sectorIds.includes(s.id)}
              onClick={() => toggleSector(s.id)}
            >
              {s.name}
            </button>
          ))}
        </div>
      </FieldGroup>
    </>
  );
}
