import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/contract/settings';
import { defaultStepNames, orgLevels, speechKinds, type OrgLevel } from '../../../../shared/domain/settings';
import { ErrorText, Field } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useHotkey } from '../../components/useHotkey';
import { useAction, useCall } from '../../lib/query';
import { t } from './text';

export function SettingsPage() {
  const settings = useCall('settings.get', {});
  const status = useCall('app.status', {});
  const save = useAction('settings.save', { errorInPlace: true });
  const toast = useToast();
  const [form, setForm] = useState<Settings | null>(null);
  useEffect(() => {
    if (settings.data && !form) setForm(settings.data);
  }, [settings.data, form]);
  useHotkey('mod+s', () => submit());
  if (!form) return <section className="page" aria-busy="true" />;

  const dirty = JSON.stringify(form) !== JSON.stringify(settings.data);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setForm({ ...form, [key]: value });
  const setLevel = (level: OrgLevel) => {
    // Only step names still at the old level's defaults follow the new level.
    const oldDefaults = defaultStepNames(form.level);
    const newDefaults = defaultStepNames(level);
    const stepNames = form.stepNames.map((s, i) =>
      s === oldDefaults[i] ? newDefaults[i] : s,
    ) as Settings['stepNames'];
    setForm({ ...form, level, stepNames });
  };
  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (!form || save.isPending) return;
    save.mutate(form, { onSuccess: (s) => (setForm(s), toast(t.saved)) });
  }

  return (
    <section className="page narrow">
      <header className="page-head">
        <div>
          <h1>{t.title}</h1>
          <p className="page-sub">{t.sub}</p>
        </div>
        <div className="page-actions">
          {dirty && <span className="hint warn">{t.dirty}</span>}
          <button type="button" className="button" disabled={!dirty} onClick={() => setForm(settings.data ?? null)}>
            {t.reset}
          </button>
          <button
            type="submit"
            form="settings-form"
            className="button primary"
            disabled={save.isPending}
            title="Ctrl+S"
          >
            {save.isPending ? t.saving : t.save}
          </button>
        </div>
      </header>
      <form id="settings-form" className="form card-stack" onSubmit={submit}>
        <fieldset className="card">
          <legend>{t.org}</legend>
          <Field label={t.orgName} hint={t.orgNameHint} required>
            <input value={form.orgName} onChange={(e) => set('orgName', e.target.value)} maxLength={60} />
          </Field>
          <Field label={t.office} hint={t.officeHint} required>
            <input value={form.office} onChange={(e) => set('office', e.target.value)} maxLength={60} />
          </Field>
          <Field label={t.level} hint={t.levelHint}>
            <select value={form.level} onChange={(e) => setLevel(e.target.value as OrgLevel)}>
              {orgLevels.map((l) => (
                <option key={l} value={l}>
                  {t.levelName(l)}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
        <fieldset className="card">
          <legend>{t.steps}</legend>
          <ol className="steps-edit">
            {form.stepNames.map((name, i) => (
              <li key={i}>
                <span className="step-no">{i + 1}</span>
                <input
                  aria-label={t.stepName(i + 1)}
                  value={name}
                  maxLength={20}
                  onChange={(e) =>
                    set(
                      'stepNames',
                      form.stepNames.map((s, j) => (j === i ? e.target.value : s)) as Settings['stepNames'],
                    )
                  }
                />
              </li>
            ))}
          </ol>
        </fieldset>
        <fieldset className="card">
          <legend>{t.speech}</legend>
          <p className="field-label">{t.limits}</p>
          <div className="grid-3">
            {speechKinds.map((k) => (
              <Field key={k} label={k}>
                <input
                  type="number"
                  min={0.5}
                  max={180}
                  step={0.5}
                  value={form.speechLimits[k] / 60}
                  onChange={(e) =>
                    set('speechLimits', { ...form.speechLimits, [k]: Math.round(Number(e.target.value) * 60) })
                  }
                />
              </Field>
            ))}
          </div>
          <Field label={t.warn}>
            <input
              type="number"
              min={10}
              max={600}
              value={form.warnSeconds}
              onChange={(e) => set('warnSeconds', Number(e.target.value))}
            />
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={form.autoSpeakerHeader}
              onChange={(e) => set('autoSpeakerHeader', e.target.checked)}
            />
            {t.autoHeader}
          </label>
        </fieldset>
        <ErrorText error={save.error} />
        {status.data && (
          <fieldset className="card">
            <legend>{t.data}</legend>
            <Field label={t.dataFile}>
              <code className="path">{status.data.dataFile}</code>
            </Field>
            <p className="muted-text">{t.dataHint}</p>
            <p className="muted-text">{t.version(status.data.appVersion, status.data.schemaVersion)}</p>
          </fieldset>
        )}
      </form>
    </section>
  );
}
