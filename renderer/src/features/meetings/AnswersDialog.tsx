import { useState } from 'react';
import type { Speech } from '../../../../shared/contract/meetings';
import { Drawer } from '../../components/Drawer';
import { ErrorText } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useAction } from '../../lib/query';
import { t as common } from '../../components/text';
import { speechKind, speechState } from '../../lib/values';
import { t } from './text';

/** 打收条: which member, expert or public speeches a department response answers. */
export function AnswersDialog({
  response,
  entries,
  onClose,
}: {
  response: Speech;
  entries: Speech[];
  onClose: () => void;
}) {
  const toast = useToast();
  const save = useAction('queue.setAnswers', { errorInPlace: true });
  const [chosen, setChosen] = useState(new Set(response.answers));
  const candidates = entries.filter((e) => e.kind !== speechKind.response && e.state !== speechState.withdrawn);
  const toggle = (id: number) =>
    setChosen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  return (
    <Drawer
      title={t.queue.answersTitle(response.name)}
      onClose={onClose}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {common.cancel}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={save.isPending}
            onClick={() =>
              save.mutate(
                { responseId: response.id, speechIds: [...chosen] },
                { onSuccess: () => (toast(t.queue.answersSaved), onClose()) },
              )
            }
          >
            {common.save}
          </button>
        </>
      }
    >
      <ul className="answer-list">
        {candidates.map((e) => (
          <li key={e.id}>
            <label className="check">
              <input type="checkbox" checked={chosen.has(e.id)} onChange={() => toggle(e.id)} />
              <span className="strong">{e.name}</span>
              <span className="muted-text">
                {e.kind} · {e.affiliation}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <ErrorText error={save.error} />
    </Drawer>
  );
}
