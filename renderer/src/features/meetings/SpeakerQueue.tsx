import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { MeetingDetail, Speech } from '../../../../shared/contract/meetings';
import { speechKinds, type SpeechKind } from '../../../../shared/domain/settings';
import { speechRefusal } from '../../../../shared/domain/speechState';
import { elapsedMs, clock } from '../../../../shared/domain/speechTimer';
import { PersonPicker } from '../../components/PersonPicker';
import { useShortcutHelp } from '../../components/ShortcutHelp';
import { matches } from '../../components/shortcuts';
import { useShortcut } from '../../components/useHotkey';
import { useAction } from '../../lib/query';
import { useNow } from '../../lib/useNow';
import { AnswersDialog } from './AnswersDialog';
import { TimesDialog } from './TimesDialog';
import { consoleKeys } from './consoleKeys';
import type { QueueUndo } from './useQueueUndo';
import { listSep } from '../../components/text';
import { hhmm } from '../../lib/dates';
import { speechKind, speechState } from '../../lib/values';
import { t } from './text';

const q = t.queue;

/**
 * The queue: add in two keystrokes (/ then initials, Enter), reorder by drag or Alt+↑/↓, act on
 * each entry. Who waits comes first; who has spoken or withdrawn is folded away below.
 */
export function SpeakerQueue({
  meeting,
  entries,
  readOnly,
  undo,
}: {
  meeting: MeetingDetail;
  entries: Speech[];
  readOnly: boolean;
  undo: QueueUndo;
}) {
  const [kind, setKind] = useState<SpeechKind>(speechKind.booked);
  const [answering, setAnswering] = useState<Speech | null>(null);
  const [timing, setTiming] = useState<Speech | null>(null);
  const add = useAction('queue.add');
  const move = useAction('queue.move');
  const { mutate: start } = useAction('queue.start');
  const { mutate: toTop } = useAction('queue.moveToTop');
  const showHelp = useShortcutHelp();
  const picker = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [added, setAdded] = useState<number | null>(null);
  useShortcut(consoleKeys.pick, () => picker.current?.focus(), !readOnly);
  // The row just added comes into view, however long the queue (once it is on the page).
  useEffect(() => {
    const row = added !== null && list.current?.querySelector(`[data-speech-id="${added}"]`);
    if (!row) return;
    row.scrollIntoView({ block: 'nearest' });
    setAdded(null);
  }, [added, entries]);
  const participants = useMemo(() => new Set(meeting.participants.map((p) => p.personId)), [meeting.participants]);
  const waiting = useMemo(() => entries.filter((e) => e.state === speechState.waiting), [entries]);
  const live = entries.filter(
    (e) => e.state === speechState.speaking || e.state === speechState.paused || e.state === speechState.waiting,
  );
  const finished = entries.filter((e) => e.state === speechState.spoken || e.state === speechState.withdrawn);
  const names = new Map(entries.map((e) => [e.id, e.name]));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const moveBy = (entry: Speech, delta: number) => {
    const index = waiting.findIndex((w) => w.id === entry.id) + delta;
    if (index >= 0 && index < waiting.length) move.mutate({ id: entry.id, toIndex: index });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move.mutate({ id: Number(active.id), toIndex: waiting.findIndex((w) => w.id === Number(over.id)) });
  };
  // Alt+↑/↓ on a focused waiting row moves it one place.
  const onListKey = (e: React.KeyboardEvent) => {
    if (!matches(e, consoleKeys.moveRow)) return;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-speech-id]');
    const entry = row && waiting.find((w) => w.id === Number(row.dataset.speechId));
    if (!entry) return;
    e.preventDefault();
    e.stopPropagation();
    moveBy(entry, e.key === 'ArrowUp' ? -1 : 1);
  };
  // One object for every row's buttons: a row re-renders when its speech changes, not with the
  // rest of the console (any render while the minutes have focus costs React a walk through all
  // of their text).
  const actions = useMemo<RowActions>(
    () => ({
      start: (e) => start({ id: e.id }),
      toTop: (e) => toTop({ id: e.id }),
      skip: (e) => undo.skip(e),
      withdraw: (e) => undo.withdraw(e),
      restore: (e) => undo.restore(e),
      answers: (e) => setAnswering(e),
      times: (e) => setTiming(e),
    }),
    [start, toTop, undo],
  );
  const waitingIds = useMemo(() => waiting.map((w) => w.id), [waiting]);
  const row = (e: Speech) => (
    <QueueRow
      key={e.id}
      entry={e}
      readOnly={readOnly}
      actions={actions}
      answered={e.answers
        .map((a) => names.get(a))
        .filter(Boolean)
        .join(listSep)}
    />
  );

  return (
    <section className="card queue-card" aria-label={q.title}>
      <header className="card-head">
        <h2 className="card-title">{q.title}</h2>
        <span className="hint">
          {q.keys}
          <button type="button" className="button link" onClick={showHelp}>
            {q.allKeys}
          </button>
        </span>
      </header>
      {!readOnly && (
        <div className="queue-add">
          <PersonPicker
            label={q.add}
            placeholder={q.addPlaceholder}
            preferred={participants}
            inputRef={picker}
            onPick={(p) =>
              add.mutate(
                { meetingId: meeting.id, personId: p.id, kind },
                { onSuccess: (queue) => setAdded(queue.entries.at(-1)?.id ?? null) },
              )
            }
          />
          <select aria-label={q.kind} value={kind} onChange={(e) => setKind(e.target.value as SpeechKind)}>
            {speechKinds.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </div>
      )}
      {!readOnly && undo.withdrawn && (
        <div className="undo-bar" role="status">
          <span>{t.undo.withdrawn(undo.withdrawn.name)}</span>
          <button type="button" className="mini" onClick={() => undo.withdrawn && undo.restore(undo.withdrawn)}>
            {t.undo.undo}
          </button>
        </div>
      )}
      {entries.length === 0 ? (
        <p className="muted-text queue-empty">{q.empty}</p>
      ) : (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={waitingIds} strategy={verticalListSortingStrategy}>
            <ol className="queue-list" aria-label={q.order} onKeyDown={onListKey} ref={list}>
              {live.map(row)}
            </ol>
            {live.length === 0 && <p className="muted-text queue-empty">{q.noneWaiting}</p>}
          </SortableContext>
        </DndContext>
      )}
      {finished.length > 0 && (
        <details className="queue-finished">
          <summary>
            {q.finished(
              finished.filter((e) => e.state === speechState.spoken).length,
              finished.filter((e) => e.state === speechState.withdrawn).length,
            )}
          </summary>
          <ol className="queue-list" aria-label={q.done}>
            {finished.map(row)}
          </ol>
        </details>
      )}
      {answering && <AnswersDialog response={answering} entries={entries} onClose={() => setAnswering(null)} />}
      {timing && <TimesDialog speech={timing} onClose={() => setTiming(null)} />}
    </section>
  );
}

interface RowActions {
  start(e: Speech): void;
  toTop(e: Speech): void;
  skip(e: Speech): void;
  withdraw(e: Speech): void;
  restore(e: Speech): void;
  answers(e: Speech): void;
  times(e: Speech): void;
}

const QueueRow = memo(function QueueRow({
  entry,
  readOnly,
  answered,
  actions,
}: {
  entry: Speech;
  readOnly: boolean;
  answered: string;
  actions: RowActions;
}) {
  const sortable = useSortable({ id: entry.id, disabled: readOnly || entry.state !== speechState.waiting });
  return (
    <li
      ref={sortable.setNodeRef}
      style={{ transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition }}
      className={`queue-row st-${entry.state}${sortable.isDragging ? ' dragging' : ''}`}
      data-speech-id={entry.id}
      aria-label={`${entry.name} ${entry.kind} ${entry.state}`}
    >
      <span
        className="queue-handle"
        {...sortable.attributes}
        {...sortable.listeners}
        aria-label={t.queue.drag(entry.name)}
        tabIndex={entry.state === speechState.waiting ? 0 : -1}
      >
        {entry.state === speechState.waiting ? '⋮⋮' : ''}
      </span>
      <span className="queue-no">{entry.position}</span>
      <div className="queue-who">
        <span className="strong">{entry.name}</span>
        <span className="muted-text">{entry.affiliation}</span>
        {entry.state === speechState.spoken && entry.intervals.length > 0 && <SpokenSpan entry={entry} />}
        {answered && <span className="queue-answers">{t.queue.answered(answered)}</span>}
      </div>
      <span className={`tag kind-tag k-${entry.kind}`}>{entry.kind}</span>
      <span className="queue-state">
        {entry.state === speechState.waiting ? (
          clock(entry.limitSeconds)
        ) : (
          <>
            {entry.state}
            {entry.intervals.length > 0 && <SpokenTime entry={entry} />}
          </>
        )}
      </span>
      <span className="queue-actions">{!readOnly && <RowButtons entry={entry} actions={actions} />}</span>
    </li>
  );
});

/** How long a speech has lasted: it ticks only while it runs. */
function SpokenTime({ entry }: { entry: Speech }) {
  const running = entry.state === speechState.speaking;
  const now = useNow(running ? 250 : null);
  return ` ${clock(elapsedMs(entry.intervals, running ? now : Date.now()) / 1000)}`;
}

/** When a finished speech ran: its first start to its last end, as the secretary corrects them. */
function SpokenSpan({ entry }: { entry: Speech }) {
  const from = Math.min(...entry.intervals.map((i) => Date.parse(i.from)));
  const to = Math.max(...entry.intervals.map((i) => Date.parse(i.to ?? i.from)));
  return <span className="muted-text queue-span">{q.span(hhmm(from), hhmm(to))}</span>;
}

function RowButtons({ entry: e, actions }: { entry: Speech; actions: RowActions }) {
  return (
    <>
      {e.state === speechState.waiting && (
        <>
          <button type="button" className="mini" onClick={() => actions.start(e)}>
            {q.start}
          </button>
          <button type="button" className="mini" onClick={() => actions.toTop(e)}>
            {q.toTop}
          </button>
          <button type="button" className="mini" onClick={() => actions.skip(e)} title={q.skipHint}>
            {q.skip}
          </button>
          <button type="button" className="mini subtle" onClick={() => actions.withdraw(e)}>
            {q.withdraw}
          </button>
        </>
      )}
      {e.state === speechState.withdrawn && (
        <button type="button" className="mini" onClick={() => actions.restore(e)} title={q.restoreHint}>
          {q.restore}
        </button>
      )}
      {!speechRefusal(e.state, 'setTimes') && (
        <button type="button" className="mini subtle" onClick={() => actions.times(e)} title={q.timesHint}>
          {q.times}
        </button>
      )}
      {e.kind === speechKind.response && e.state !== speechState.withdrawn && (
        <button type="button" className="mini" onClick={() => actions.answers(e)}>
          {q.answers}
        </button>
      )}
    </>
  );
}
