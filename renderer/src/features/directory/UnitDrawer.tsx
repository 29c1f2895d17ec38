import { useState, type FormEvent } from 'react';
import type { Unit } from '../../../../shared/contract/directory';
import type { UnitKind } from '../../../../shared/domain/people';
import { Drawer } from '../../components/Drawer';
import { FormFooter } from '../../components/FormFooter';
import { ErrorText, Field, FieldGroup } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useHotkey } from '../../components/useHotkey';
import { useAction, useCall } from '../../lib/query';
import { labelled } from '../../components/text';
import { personKind } from '../../lib/values';
import { noConvenors, t, unitFields, unitText } from './text';

export function UnitDrawer({ kind, unit, onClose }: { kind: UnitKind; unit?: Unit; onClose: () => void }) {
  const text = unitText[kind];
  const toast = useToast();
  const save = useAction('unit.save', { errorInPlace: true });
  const retire = useAction('unit.setRetired', { errorInPlace: true });
  const [name, setName] = useState(unit?.name ?? '');
  const [shortName, setShortName] = useState(unit?.shortName ?? '');
  const [note, setNote] = useState(unit?.note ?? '');
  const [convenorIds, setConvenorIds] = useState<number[]>(unit?.convenorIds ?? []);
  // Convenors are the sector's own members: only an existing sector can have them.
  const members = useCall('person.list', {}, { enabled: kind === 'sector' && !!unit });
  const candidates = (members.data ?? []).filter((p) => p.kind === personKind.member && p.sectorId === unit?.id);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    save.mutate(
      {
        kind,
        ...(unit ? { id: unit.id } : {}),
        name,
        shortName,
        note,
        ...(kind === 'sector' && unit ? { convenorIds } : {}),
      },
      {
        onSuccess: (u) => {
          toast(labelled(t.saved, u.name));
          onClose();
        },
      },
    );
  };
  useHotkey('mod+enter', () => submit(), true, { inDialog: true });

  const toggleRetired = () => {
    if (!unit) return;
    retire.mutate(
      { kind, id: unit.id, retired: !unit.retired },
      { onSuccess: (u) => (toast(u.retired ? t.retiredDone(u.name) : t.restoredDone(u.name)), onClose()) },
    );
  };

  return (
    <Drawer
      title={unit ? labelled(text.edit, unit.name) : text.add}
      onClose={onClose}
      footer={
        <FormFooter
          formId="unit-form"
          saving={save.isPending}
          onCancel={onClose}
          retire={unit && { retired: unit.retired, pending: retire.isPending, onToggle: toggleRetired }}
        />
      }
    >
      <form id="unit-form" className="form" onSubmit={submit}>
        <Field label={unitFields.name} required>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} />
        </Field>
        <Field label={unitFields.shortName}>
          <input value={shortName} onChange={(e) => setShortName(e.target.value)} maxLength={20} />
        </Field>
        {kind === 'sector' && unit && (
          <FieldGroup label={unitFields.convenors}>
            {!candidates.length && <span className="field-hint">{noConvenors}</span>}
            <div className="chips">
              {candidates.map((p) => {
                const on = convenorIds.includes(p.id);
                return (
                  <button
                    type="button"
                    key={p.id}
                    className={`chip ${on ? 'on' : ''}`}
                    aria-pressed={on}
                    onClick={() => setConvenorIds((ids) => (on ? ids.filter((x) => x !== p.id) : [...ids, p.id]))}
                  >
                    {p.name}
                  </button>
                );
              })}
            </div>
          </FieldGroup>
        )}
        <Field label={unitFields.note}>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={3} />
        </Field>
        <ErrorText error={save.error ?? retire.error} />
      </form>
    </Drawer>
  );
}
