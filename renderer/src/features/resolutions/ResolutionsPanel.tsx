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
import { useCallback, useState } from 'react';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import type { Resolution, ResolutionList } from '../../../../shared/contract/resolutions';
import { chineseDate, chineseNumeral } from '../../../../shared/domain/chineseText';
import { MEETING } from '../../../../shared/domain/meetings';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { clockDateTime } from '../../lib/dates';
import { useAction, useCall } from '../../lib/query';
import { DocumentsPanel } from './DocumentsPanel';
import { SummaryCard } from './SummaryCard';
import { ResolutionDrawer } from './ResolutionDrawer';
import { colon, labelled, list } from '../../components/text';
import { t } from './text';
import './resolutions.css';

/** The meeting's resolutions: ordered, edited, taken from marked suggestions, confirmed; then the documents. */
export function ResolutionsPanel({ meeting, readOnly }: { meeting: MeetingDetail; readOnly: boolean }) {
  const list = useCall('resolution.list', { meetingId: meeting.id });
  const [editing, setEditing] = useState<Resolution | 'new' | null>(null);
  const closeDrawer = useCallback(() => setEditing(null), []);
  if (list.error) return <ErrorText error={list.error} />;
  if (!list.data) return <section className="card" aria-busy="true" />;
  const data = list.data;
  return (
    <div className="resolutions-grid">
      <div className="resolutions-main">
        <section className="card" aria-label={t.title}>
          <header className="card-head">
            <h2 className="card-title">{t.title}</h2>
            {!readOnly && (
              <button type="button" className="button" onClick={() => setEditing('new')}>
                {t.add}
              </button>
            )}
          </header>
          <Confirmation meeting={meeting} data={data} readOnly={readOnly} />
          {data.items.length === 0 ? (
            <EmptyState title={t.empty}>{t.emptyHint}</EmptyState>
          ) : (
            <Items data={data} readOnly={readOnly} onEdit={setEditing} />
          )}
        </section>
        <Untaken data={data} readOnly={readOnly} />
        <SummaryCard meetingId={meeting.id} readOnly={readOnly} />
      </div>
      <DocumentsPanel meetingId={meeting.id} held={meeting.startsAt.slice(0, 10)} data={data} />
      {editing && (
        <ResolutionDrawer meeting={meeting} resolution={editing === 'new' ? null : editing} onClose={closeDrawer} />
      )}
    </div>
  );
}

function Confirmation({
  meeting,
  data,
  readOnly,
}: {
  meeting: MeetingDetail;
  data: ResolutionList;
  readOnly: boolean;
}) {
  const confirm = useAction('resolution.confirm');
  const toast = useToast();
  const chair = meeting.participants.find((p) => p.personId === meeting.chairId)?.name ?? '';
  const [by, setBy] = useState(chair);
  const preparing = meeting.status === MEETING.preparing;
  if (data.confirmed) {
    return (
      <p className="confirm-line ok" data-testid="confirmation">
        ✓ {t.confirmed(data.confirmed.by, clockDateTime(data.confirmed.at))}
      </p>
    );
  }
  const changed = data.changedSince;
  return (
    <div className="confirm-line" data-testid="confirmation">
      {changed ? (
        <div className="confirm-changes">
          <span>{t.changedSince(changed.by, clockDateTime(changed.at))}</span>
          <ul aria-label={t.changesLabel}>
            {changed.changes.map((c) => (
              <li key={c.position}>
                <strong>{t.item(c.position)}</strong> {t.change(c.before, c.after)}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <span>{preparing ? t.notHeld : t.unconfirmed}</span>
      )}
      {!readOnly && !preparing && data.items.length > 0 && (
        <span className="inline-field">
          <input
            aria-label={t.confirmBy}
            value={by}
            maxLength={30}
            placeholder={t.confirmBy}
            onChange={(e) => setBy(e.target.value)}
          />
          <button
            type="button"
            className="button primary"
            disabled={!by.trim() || confirm.isPending}
            onClick={() => confirm.mutate({ meetingId: meeting.id, by }, { onSuccess: () => toast(t.confirmedToast) })}
          >
            {changed ? t.reconfirm : t.confirm}
          </button>
        </span>
      )}
    </div>
  );
}

function Items({ data, readOnly, onEdit }: { data: ResolutionList; readOnly: boolean; onEdit(r: Resolution): void }) {
  const move = useAction('resolution.move');
  const remove = useAction('resolution.remove');
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move.mutate({ id: Number(active.id), toIndex: data.items.findIndex((r) => r.id === Number(over.id)) });
  };
  const onKey = (e: React.KeyboardEvent) => {
    // One move at a time: the next is computed from the list the previous one answers.
    if (readOnly || move.isPending || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-resolution-id]');
    const index = data.items.findIndex((r) => r.id === Number(row?.dataset.resolutionId));
    const to = index + (e.key === 'ArrowUp' ? -1 : 1);
    if (index < 0 || to < 0 || to >= data.items.length) return;
    e.preventDefault();
    move.mutate({ id: data.items[index].id, toIndex: to });
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={data.items.map((r) => r.id)} strategy={verticalListSortingStrategy}>
        <ol className="resolution-list" aria-label={t.order} onKeyDown={onKey}>
          {data.items.map((r) => (
            <Row key={r.id} r={r} readOnly={readOnly}>
              {!readOnly && (
                <>
                  <button type="button" className="mini" onClick={() => onEdit(r)}>
                    {t.edit}
                  </button>
                  <button
                    type="button"
                    className="mini subtle"
                    onClick={() =>
                      window.confirm(t.removeConfirm(chineseNumeral(r.position))) && remove.mutate({ id: r.id })
                    }
                  >
                    {t.remove}
                  </button>
                </>
              )}
            </Row>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function Row({ r, readOnly, children }: { r: Resolution; readOnly: boolean; children: React.ReactNode }) {
  const sortable = useSortable({ id: r.id, disabled: readOnly });
  return (
    <li
      ref={sortable.setNodeRef}
      style={{ transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition }}
      className={`resolution-row${sortable.isDragging ? ' dragging' : ''}`}
      data-resolution-id={r.id}
    >
      <span
        className="queue-handle"
        {...sortable.attributes}
        {...sortable.listeners}
        aria-label={t.drag(chineseNumeral(r.position))}
        tabIndex={readOnly ? -1 : 0}
      >
        {readOnly ? '' : '⋮⋮'}
      </span>
      <div className="resolution-body">
        <p className="resolution-text">
          <strong>{t.numbered(chineseNumeral(r.position))}</strong>
          {r.text}
        </p>
        <p className="resolution-meta">
          <span>
            {t.lead}
            {colon}
            {r.leadDepartment || <em className="missing">{t.none}</em>}
          </span>
          {r.coDepartments.length > 0 && <span>{labelled(t.co, list(r.coDepartments))}</span>}
          <span>
            {t.deadline}
            {colon}
            {r.deadline ? chineseDate(r.deadline) : <em className="missing">{t.none}</em>}
          </span>
          {r.speakers.length > 0 && <span className="muted">{labelled(t.sources, list(r.speakers))}</span>}
        </p>
      </div>
      <span className="queue-actions">{children}</span>
    </li>
  );
}

function Untaken({ data, readOnly }: { data: ResolutionList; readOnly: boolean }) {
  const take = useAction('resolution.fromMark');
  const toast = useToast();
  return (
    <section className="card" aria-label={t.untaken}>
      <h2 className="card-title">
        {t.untaken} <span className="muted">{data.untaken.length}</span>
      </h2>
      {data.untaken.length === 0 ? (
        <p className="muted small">{t.untakenEmpty}</p>
      ) : (
        <ul className="untaken-list">
          {data.untaken.map((m) => (
            <li key={m.id} data-kind={m.kind}>
              <span className="mark-kind" data-kind={m.kind}>
                {m.kind}
              </span>
              <span className="mark-speaker">{m.speaker ?? t.noSpeaker}</span>
              <span className="untaken-excerpt">{m.excerpt}</span>
              {!readOnly && (
                <button
                  type="button"
                  className="mini"
                  disabled={take.isPending}
                  onClick={() => take.mutate({ markId: m.id }, { onSuccess: () => toast(t.taken) })}
                >
                  {t.take}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
