import type { Input, Output } from '../../../../shared/contract';
import { Drawer } from '../../components/Drawer';
import { ErrorText } from '../../components/Field';
import { useAction } from '../../lib/query';
import { t } from './text';

/** The confirmation before an import: how many meetings, that it is one transaction and twice is once. */
export function ImportDrawer({
  input,
  meetings,
  onClose,
  onDone,
}: {
  input: Input<'package.import'>;
  meetings: number;
  onClose: () => void;
  onDone: (result: Output<'package.import'>) => void;
}) {
  const run = useAction('package.import', { errorInPlace: true });
  const c = t.import.confirm;
  const go = async () => {
    try {
      onDone(await run.mutateAsync(input));
    } catch {
      // Shown in place, below.
    }
  };
  return (
    <Drawer
      title={c.title}
      onClose={run.isPending ? () => {} : onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={run.isPending}>
            {t.cancel}
          </button>
          <button type="button" className="button primary" onClick={() => void go()} disabled={run.isPending}>
            {run.isPending ? c.going : c.go}
          </button>
        </>
      }
    >
      <p>{c.lead(meetings)}</p>
      <ul className="package-notes">
        <li>{c.oneTransaction}</li>
        <li>{c.twice}</li>
        <li>{c.keep}</li>
      </ul>
      <ErrorText error={run.error} />
    </Drawer>
  );
}
