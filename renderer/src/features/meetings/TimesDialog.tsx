import { useEffect, useRef, useState } from 'react';
import type { Speech } from '../../../../shared/contract/meetings';
import { Drawer } from '../../components/Drawer';
import { ErrorText, Field } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useHotkey } from '../../components/useHotkey';
import { t as common } from '../../components/text';
import { hhmm, normalizeTime } from '../../lib/dates';
import { useAction } from '../../lib/query';
import { t } from './text';

const FORM_ID = 'times-form';
const x = t.times;

interface Segment {
  key: number;
  start: string;
  end: string;
}

let nextKey = 0;
const segment = (start = '', end = ''): Segment => ({ key: nextKey++, start, end });

/**
 * 更正时间: a speech's real runs, entered afterwards or corrected (queue.setTimes). One run per
 * stretch of speaking; a pause and a resume make two. Enter saves, Esc cancels; a refusal
 * (an overlap, an end before its start) is shown here and nothing is changed.
 */
export function TimesDialog({ speech, onClose }: { speech: Speech; onClose: () => void }) {
  const toast = useToast();
  const save = useAction('queue.setTimes', { errorInPlace: true });
  const [segments, setSegments] = useState<Segment[]>(() =>
    speech.intervals.length
      ? speech.intervals.map((i) => segment(hhmm(Date.parse(i.from)), i.to ? hhmm(Date.parse(i.to)) : ''))
      : [segment()],
  );
  const form = useRef<HTMLFormElement>(null);
  // After adding or removing a run, the caret goes to the input a keyboard user needs next.
  const [focusInput, setFocusInput] = useState<number | null>(null);
  useEffect(() => {
    if (focusInput === null) return;
    form.current?.querySelectorAll<HTMLInputElement>('input')[focusInput]?.focus();
    setFocusInput(null);
  }, [focusInput, segments]);

  // A refusal answers the times as they were: once they change, it goes.
  const change = (next: (ss: Segment[]) => Segment[]) => {
    save.reset();
    setSegments(next);
  };
  const edit = (key: number, field: 'start' | 'end', value: string) =>
    change((ss) => ss.map((s) => (s.key === key ? { ...s, [field]: value } : s)));
  const add = () => {
    change((ss) => [...ss, segment()]);
    setFocusInput(segments.length * 2);
  };
  const remove = (key: number) => {
    const at = segments.findIndex((s) => s.key === key);
    change((ss) => ss.filter((s) => s.key !== key));
    setFocusInput(Math.max(0, at - 1) * 2);
  };
  const submit = () => {
    if (save.isPending) return;
    save.mutate(
      {
        speechId: speech.id,
        intervals: segments.map((s) => ({ start: normalizeTime(s.start), end: normalizeTime(s.end) })),
      },
      { onSuccess: () => (toast(x.saved(speech.name)), onClose()) },
    );
  };
  useHotkey('mod+enter', submit, true, { inDialog: true });

  return (
    <Drawer
      title={x.title(speech.name)}
      onClose={onClose}
      footer={
        <>
          <span className="spacer" />
          <span className="hint">{x.hint}</span>
          <button type="button" className="button" onClick={onClose}>
            {common.cancel}
          </button>
          <button type="submit" form={FORM_ID} className="button primary" disabled={save.isPending}>
            {save.isPending ? common.saving : common.save}
          </button>
        </>
      }
    >
      <form
        id={FORM_ID}
        ref={form}
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p className="muted">{x.intro}</p>
        <div className="times-list">
          {segments.map((s, n) => (
            <div key={s.key} className="times-row" role="group" aria-label={x.segment(n + 1)}>
              <span className="times-no">{x.segment(n + 1)}</span>
              {(['start', 'end'] as const).map((side) => (
                <Field key={side} label={x[side]}>
                  <input
                    value={s[side]}
                    inputMode="numeric"
                    maxLength={5}
                    placeholder={x.placeholder}
                    autoComplete="off"
                    onChange={(e) => edit(s.key, side, e.target.value)}
                  />
                </Field>
              ))}
              {segments.length > 1 && (
                <button
                  type="button"
                  className="mini subtle"
                  aria-label={x.remove(n + 1)}
                  onClick={() => remove(s.key)}
                >
                  {x.removeShort}
                </button>
              )}
            </div>
          ))}
        </div>
        <div>
          <button type="button" className="button" onClick={add} disabled={segments.length >= 20}>
            {x.add}
          </button>
        </div>
        <ErrorText error={save.error} />
      </form>
    </Drawer>
  );
}
