import { useState } from 'react';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { useHotkey } from '../../components/useHotkey';
import { useCall } from '../../lib/query';
import { ExportDrawer } from '../packages/ExportDrawer';
import { t as packageText } from '../packages/text';
import { MeetingDrawer } from './MeetingDrawer';
import { StatusTag } from './StatusTag';
import { t } from './text';

export function MeetingsPage() {
  const navigate = useNavigate();
  const meetings = useCall('meeting.list', {});
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  useHotkey('mod+n', () => setCreating(true));
  const list = meetings.data ?? [];

  return (
    <section className="page">
      <header className="page-head">
        <div>
          <h1>{t.meetings}</h1>
          <p className="page-sub">{t.meetingsSub(list.length)}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button" onClick={() => setExporting(true)} disabled={!meetings.isSuccess}>
            {packageText.export.open}
          </button>
          <button type="button" className="button primary" onClick={() => setCreating(true)} title="Ctrl+N">
            + {t.newMeeting}
          </button>
        </div>
      </header>
      {meetings.isSuccess && list.length === 0 ? (
        <EmptyState
          title={t.empty}
          actions={
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              {t.newMeeting}
            </button>
          }
        >
          {t.emptyHint}
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label={t.list}>
            <thead>
              <tr>
                <th>{t.col.title}</th>
                <th>{t.col.form}</th>
                <th>{t.col.issue}</th>
                <th>{t.col.time}</th>
                <th>{t.col.place}</th>
                <th>{t.col.status}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <tr
                  key={m.id}
                  tabIndex={0}
                  onClick={() => navigate(`/meetings/${m.id}`)}
                  onKeyDown={(e) => e.key === 'Enter' && navigate(`/meetings/${m.id}`)}
                >
                  <td className="strong">
                    {m.title}
                    {m.adHoc && <span className="tag warn-tag">{t.adHoc}</span>}
                  </td>
                  <td>{m.form}</td>
                  <td>{t.issue(m.issueNo)}</td>
                  <td className="num-left">{m.startsAt.replace('T', ' ')}</td>
                  <td>{m.place}</td>
                  <td>
                    <StatusTag status={m.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {exporting && <ExportDrawer meetings={list} onClose={() => setExporting(false)} />}
      {creating && <MeetingDrawer onClose={() => setCreating(false)} onCreated={(id) => navigate(`/meetings/${id}`)} />}
    </section>
  );
}
