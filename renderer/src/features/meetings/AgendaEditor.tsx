import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { bingchengAgenda } from '../../../../shared/domain/meetings';
import { ErrorText } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useAction } from '../../lib/query';
import { t } from './text';

const a = t.agenda;
type Row = { id?: number; title: string; plannedMinutes: number };

/** Edits the agenda as a list: titles, planned minutes, order. */
export function AgendaEditor({ meeting, readOnly }: { meeting: MeetingDetail; readOnly: boolean }) {
  const toast = useToast();
  const save = useAction('agenda.save', { errorInPlace: true });
  const [rows, setRows] = useState<Row[]>(() =>
    meeting.agenda.map(({ id, title, plannedMinutes }) => ({ id, title, plannedMinutes })),
  );
  const set = (i: number, patch: Partial<Row>) =>
    setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const swap = (i: number, j: number) =>
    setRows((r) => (j < 0 || j >= r.length ? r : r.map((row, k) => (k === i ? r[j] : k === j ? r[i] : row))));
  const total = rows.reduce((sum, r) => sum + (r.plannedMinutes || 0), 0);

  return (
    <section className="card" aria-label={a.editing}>
      <header className="card-head">
        <h2 className="card-title">{a.title}</h2>
        <span className="hint">{a.total(total)}</span>
      </header>
      {rows.length === 0 && <p className="muted-text">{a.empty}</p>}
      <ol className="agenda-edit">
        {rows.map((row, i) => (
          <li key={row.id ?? `new-${i}`}>
            <span className="queue-no">{i + 1}</span>
            <input
              aria-label={a.item(i + 1)}
              value={row.title}
              placeholder={a.itemPlaceholder}
              maxLength={60}
              disabled={readOnly}
              onChange={(e) => set(i, { title: e.target.value })}
            />
            <input
              aria-label={a.itemMinutes(i + 1)}
              type="number"
              min={1}
              max={600}
              value={row.plannedMinutes}
              disabled={readOnly}
              onChange={(e) => set(i, { plannedMinutes: Number(e.target.value) })}
            />
            <span className="muted-text">{a.unit}</span>
            {!readOnly && (
              <>
                <button type="button" className="mini" aria-label={a.up} onClick={() => swap(i, i - 1)}>
                  ↑
                </button>
                <button type="button" className="mini" aria-label={a.down} onClick={() => swap(i, i + 1)}>
                  ↓
                </button>
                <button
                  type="button"
                  className="mini subtle"
                  aria-label={a.remove}
                  onClick={() => setRows((r) => r.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <div className="decision-actions">
          <button
            type="button"
            className="button"
            onClick={() => setRows((r) => [...r, { title: '', plannedMinutes: 10 }])}
          >
            + {a.add}
          </button>
          {rows.length === 0 && (
            <button
              type="button"
              className="button"
              onClick={() => setRows(bingchengAgenda.map((x) => ({ title: x.title, plannedMinutes: x.minutes })))}
            >
              {a.template}
            </button>
          )}
          <span className="spacer" />
          <button
            type="button"
            className="button primary"
            disabled={save.isPending}
            onClick={() =>
              save.mutate(
                { meetingId: meeting.id, items: rows },
                {
                  onSuccess: (m) => (
                    setRows(m.agenda.map(({ id, title, plannedMinutes }) => ({ id, title, plannedMinutes }))),
                    toast(a.saved)
                  ),
                },
              )
            }
          >
            {a.save}
          </button>
        </div>
      )}
      <ErrorText error={save.error} />
    </section>
  );
}
