import { useState, type FormEvent } from 'react';
import { topicSources, type TopicSource } from '../../../../shared/domain/topics';
import { Drawer } from '../../components/Drawer';
import { ErrorText, Field, FieldGroup } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useHotkey } from '../../components/useHotkey';
import { todayIso } from '../../lib/dates';
import { useAction } from '../../lib/query';
import { t as common } from '../../components/text';
import { defaults } from '../../lib/values';
import { t } from './text';

/** A batch of submissions pasted in, one title a line (numbering stripped by the core). */
export function PasteDialog({ onClose }: { onClose: () => void }) {
  const toast = useToast();
  const createMany = useAction('topic.createMany', { errorInPlace: true });
  const [lines, setLines] = useState('');
  const [source, setSource] = useState<TopicSource>(defaults.topicSource);
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [field, setField] = useState('');
  const count = lines.split(/\r?\n/).filter((l) => l.trim()).length;

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (createMany.isPending) return;
    createMany.mutate(
      { lines, source, receivedOn, field },
      { onSuccess: (made) => (toast(t.paste.done(made.length)), onClose()) },
    );
  };
  useHotkey('mod+enter', () => submit(), true, { inDialog: true });

  return (
    <Drawer
      title={t.paste.title}
      onClose={onClose}
      footer={
        <>
          <span className="hint">{count > 0 && t.paste.count(count)}</span>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {common.cancel}
          </button>
          <button
            type="submit"
            form="paste-form"
            className="button primary"
            disabled={createMany.isPending || count === 0}
          >
            {t.paste.submit(count)}
          </button>
        </>
      }
    >
      <form id="paste-form" className="form" onSubmit={submit}>
        <Field label={t.paste.lines} hint={t.paste.linesHint} required>
          <textarea
            value={lines}
            onChange={(e) => setLines(e.target.value)}
            rows={12}
            placeholder={t.paste.placeholder}
          />
        </Field>
        <FieldGroup label={t.intake.fields.source} required>
          <div className="segmented" role="radiogroup" aria-label={t.intake.fields.source}>
            {topicSources.map((s) => (
              <button
                type="button"
                key={s}
                role="radio"
                aria-checked={source === s}
                className={source === s ? 'on' : ''}
                onClick={() => setSource(s)}
              >
                {s}
              </button>
            ))}
          </div>
        </FieldGroup>
        <div className="form-row">
          <Field label={t.intake.fields.receivedOn} required>
            <input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
          </Field>
          <Field label={t.intake.fields.field}>
            <input value={field} onChange={(e) => setField(e.target.value)} maxLength={20} list="topic-fields" />
          </Field>
        </div>
        <ErrorText error={createMany.error} />
      </form>
    </Drawer>
  );
}
