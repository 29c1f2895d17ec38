import { useState } from 'react';
import type { Meeting } from '../../../../shared/contract/meetings';
import { Drawer } from '../../components/Drawer';
import { EmptyState } from '../../components/EmptyState';
import { StatusTag } from '../meetings/StatusTag';
import { useExportPackage } from './useExportPackage';
import { t } from './text';
import './packages.css';

/** 导出会议包: the meetings with a checkbox each, this year's in one click, then one package of the chosen. */
export function ExportDrawer({ meetings, onClose }: { meetings: Meeting[]; onClose: () => void }) {
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const { exportMeetings, pending } = useExportPackage();
  const year = new Date().getFullYear();
  const thisYear = meetings.filter((m) => m.startsAt.startsWith(String(year))).map((m) => m.id);
  const toggle = (id: number) =>
    setChosen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const go = async () => {
    // In the list's order (newest first), whatever order they were ticked in.
    if (await exportMeetings(meetings.filter((m) => chosen.has(m.id)).map((m) => m.id))) onClose();
  };
  const e = t.export;
  return (
    <Drawer
      title={e.title}
      onClose={pending ? () => {} : onClose}
      footer={
        <>
          <span className="package-chosen" aria-live="polite">
            {e.chosen(chosen.size)}
          </span>
          <button type="button" className="button" onClick={onClose} disabled={pending}>
            {t.cancel}
          </button>
          <button
            type="button"
            className="button primary"
            onClick={() => void go()}
            disabled={pending || chosen.size === 0}
          >
            {pending ? e.going : e.go(chosen.size)}
          </button>
        </>
      }
    >
      {meetings.length === 0 ? (
        <EmptyState title={e.empty}>{e.emptyHint}</EmptyState>
      ) : (
        <>
          <p className="package-lead">{e.lead}</p>
          <div className="package-quick">
            <button
              type="button"
              className="button"
              onClick={() => setChosen(new Set(thisYear))}
              disabled={thisYear.length === 0}
            >
              {e.thisYear(year, thisYear.length)}
            </button>
            <button type="button" className="button" onClick={() => setChosen(new Set())} disabled={!chosen.size}>
              {e.none}
            </button>
          </div>
          <ul className="package-choices" aria-label={e.list}>
            {meetings.map((m) => (
              <li key={m.id}>
                <label className="check">
                  <input type="checkbox" checked={chosen.has(m.id)} onChange={() => toggle(m.id)} />
                  <span className="package-choice-title">{m.title}</span>
                  <span className="muted-text">{t.time(m.startsAt)}</span>
                  <StatusTag status={m.status} />
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </Drawer>
  );
}
