import { useState, type FormEvent } from 'react';
import { Drawer } from '../../components/Drawer';
import { Field } from '../../components/Field';
import { t } from './text';

/** Without a file dialog (the browser), the path of the file to write or read is typed. */
export function PathDrawer({
  mode,
  suggested,
  onChoose,
  onClose,
}: {
  mode: 'save' | 'open';
  suggested: string;
  onChoose: (path: string) => void;
  onClose: () => void;
}) {
  const [path, setPath] = useState(suggested);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) onChoose(path.trim());
  };
  return (
    <Drawer
      title={t.pathTitle[mode]}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" form="backup-path" className="button primary" disabled={!path.trim()}>
            {t.pathGo[mode]}
          </button>
        </>
      }
    >
      <form id="backup-path" onSubmit={submit}>
        <Field label={t.pathLabel} hint={t.pathHint[mode]}>
          <input value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} />
        </Field>
      </form>
    </Drawer>
  );
}
