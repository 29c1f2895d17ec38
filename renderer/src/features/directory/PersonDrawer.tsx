import { useState, type FormEvent } from 'react';
import type { Person, PersonInput } from '../../../../shared/contract/directory';
import { personKinds, type PersonKind } from '../../../../shared/domain/people';
import { Drawer } from '../../components/Drawer';
import { FormFooter } from '../../components/FormFooter';
import { ErrorText, Field, FieldGroup } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useHotkey } from '../../components/useHotkey';
import { useAction } from '../../lib/query';
import { labelled, paren } from '../../components/text';
import { t } from './text';
import { useUnits } from '../../lib/useUnits';
import { personKind } from '../../lib/values';

const f = t.field;

export function PersonDrawer({ person, onClose }: { person?: Person; onClose: () => void }) {
  const toast = useToast();
  const save = useAction('person.save', { errorInPlace: true });
  const retire = useAction('person.setRetired', { errorInPlace: true });
  const sectors = useUnits('sector');
  const committees = useUnits('committee');
  const departments = useUnits('department');
  const [form, setForm] = useState({
    name: person?.name ?? '',
    kind: (person?.kind ?? personKind.member) as PersonKind,
    sectorId: person?.sectorId ?? 0,
    committeeId: person?.committeeId ?? 0,
    departmentId: person?.departmentId ?? 0,
    unit: person?.unit ?? '',
    title: person?.title ?? '',
    phone: person?.phone ?? '',
    note: person?.note ?? '',
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((s) => ({ ...s, [key]: value }));

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    const input: PersonInput = {
      ...(person ? { id: person.id } : {}),
      ...form,
      sectorId: form.sectorId || null,
      committeeId: form.committeeId || null,
      departmentId: form.departmentId || null,
    };
    save.mutate(input, {
      onSuccess: (saved) => {
        toast(labelled(t.saved, saved.name));
        onClose();
      },
    });
  };
  useHotkey('mod+enter', () => submit(), true, { inDialog: true });

  const toggleRetired = () => {
    if (!person) return;
    retire.mutate(
      { id: person.id, retired: !person.retired },
      {
        onSuccess: (p) => {
          toast(p.retired ? t.retiredDone(p.name) : t.restoredDone(p.name));
          onClose();
        },
      },
    );
  };

  // Options keep a retired unit that is still the current value, so editing does not drop it.
  const options = (list: ReturnType<typeof useUnits>, current: number) =>
    list.units
      .filter((u) => !u.retired || u.id === current)
      .map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
          {u.retired ? paren(t.retired) : ''}
        </option>
      ));

  return (
    <Drawer
      title={person ? labelled(t.editPerson, person.name) : t.addPerson}
      onClose={onClose}
      footer={
        <FormFooter
          formId="person-form"
          saving={save.isPending}
          onCancel={onClose}
          retire={
            person && {
              retired: person.retired,
              pending: retire.isPending,
              onToggle: toggleRetired,
              hint: t.retireHint,
            }
          }
        />
      }
    >
      <form id="person-form" className="form" onSubmit={submit}>
        <Field label={f.name} required>
          <input value={form.name} onChange={(e) => set('name', e.target.value)} maxLength={30} autoComplete="off" />
        </Field>
        <FieldGroup label={f.kind} required>
          <div className="segmented" role="radiogroup" aria-label={f.kind}>
            {personKinds.map((k) => (
              <button
                type="button"
                key={k}
                role="radio"
                aria-checked={form.kind === k}
                className={form.kind === k ? 'on' : ''}
                onClick={() => set('kind', k)}
              >
                {k}
              </button>
            ))}
          </div>
        </FieldGroup>
        <div className="form-row">
          <Field label={f.sector} required={form.kind === personKind.member}>
            <select value={form.sectorId} onChange={(e) => set('sectorId', Number(e.target.value))}>
              <option value={0}>{t.none}</option>
              {options(sectors, form.sectorId)}
            </select>
          </Field>
          <Field label={f.committee}>
            <select value={form.committeeId} onChange={(e) => set('committeeId', Number(e.target.value))}>
              <option value={0}>{t.none}</option>
              {options(committees, form.committeeId)}
            </select>
          </Field>
        </div>
        <Field label={f.department} required={form.kind === personKind.departmentRep}>
          <select value={form.departmentId} onChange={(e) => set('departmentId', Number(e.target.value))}>
            <option value={0}>{t.none}</option>
            {options(departments, form.departmentId)}
          </select>
        </Field>
        <Field label={f.unit}>
          <input value={form.unit} onChange={(e) => set('unit', e.target.value)} maxLength={100} />
        </Field>
        <div className="form-row">
          <Field label={f.title}>
            <input value={form.title} onChange={(e) => set('title', e.target.value)} maxLength={60} />
          </Field>
          <Field label={f.phone}>
            <input value={form.phone} onChange={(e) => set('phone', e.target.value)} maxLength={30} inputMode="tel" />
          </Field>
        </div>
        <Field label={f.note}>
          <textarea value={form.note} onChange={(e) => set('note', e.target.value)} maxLength={500} rows={3} />
        </Field>
        <ErrorText error={save.error ?? retire.error} />
      </form>
    </Drawer>
  );
}
