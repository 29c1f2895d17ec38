import { useState } from 'react';
import { lanRoles, type LanRole } from '../../../../shared/contract/roles';
import { REQUEST } from '../../../../shared/contract/lan';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { QrCode } from '../../components/QrCode';
import { hhmm } from '../../lib/dates';
import { useAction, useCall } from '../../lib/query';
import { t } from './text';
import './lan.css';

/**
 * The console's 会场互联 card: off by default; on, the address, a QR code per role (each pairs one
 * device and is replaced), the devices with their removal, the phones' requests to speak, and
 * the record of what the devices did.
 */
export function LanPanel({ meetingId }: { meetingId: number }) {
  const status = useCall('lan.status', {});
  const start = useAction('lan.start');
  const stop = useAction('lan.stop');
  const remove = useAction('lan.removeDevice');
  const [role, setRole] = useState<LanRole>('participant');
  const [asking, setAsking] = useState<'stop' | 'removeAll' | null>(null);
  const s = status.data;
  if (!s) return null;
  const here = s.on && s.meetingId === meetingId;
  const join = s.joins.find((j) => j.role === role);
  return (
    <section className="card lan-card" aria-label={t.title}>
      <header className="card-head">
        <h2 className="card-title">{t.title}</h2>
        {here && (
          <button type="button" className="button" onClick={() => setAsking('stop')}>
            {t.stop}
          </button>
        )}
      </header>
      {!s.on && (
        <>
          <p className="muted-text">{t.off}</p>
          <button
            type="button"
            className="button primary"
            disabled={start.isPending}
            onClick={() => start.mutate({ meetingId })}
          >
            {start.isPending ? t.starting : t.start}
          </button>
        </>
      )}
      {s.on && !here && <p className="muted-text">{t.otherMeeting(s.meetingTitle ?? '')}</p>}
      {here && (
        <>
          <p className="lan-address" data-testid="lan-address">
            {t.address(s.addresses, s.port ?? 0)}
          </p>
          <div className="lan-join">
            <div role="radiogroup" aria-label={t.scanFor} className="lan-roles">
              {lanRoles.map((r) => (
                <button
                  key={r}
                  type="button"
                  role="radio"
                  aria-checked={r === role}
                  className={`mini${r === role ? ' active' : ''}`}
                  onClick={() => setRole(r)}
                >
                  {t.roles[r]}
                </button>
              ))}
            </div>
            {join && (
              <figure className="lan-qr">
                <QrCode text={join.url} label={`${t.scanFor} ${t.roles[role]}`} />
                <figcaption>
                  <code className="lan-url">{join.url}</code>
                  <span className="hint">{t.codeNote(hhmm(Date.parse(join.expiresAt)))}</span>
                </figcaption>
              </figure>
            )}
          </div>
          <h3 className="lan-sub">{t.devices(s.devices.length)}</h3>
          {s.devices.length === 0 ? (
            <p className="muted-text">{t.noDevices}</p>
          ) : (
            <ul className="lan-devices">
              {s.devices.map((d) => (
                <li key={d.id} data-testid="lan-device">
                  <span>{t.deviceLine(t.roles[d.role], d.name, d.participantName)}</span>
                  <span className="hint">{t.lastSeen(hhmm(Date.parse(d.lastSeenAt)))}</span>
                  <button type="button" className="mini subtle" onClick={() => remove.mutate({ id: d.id })}>
                    {t.remove}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {s.devices.length > 1 && (
            <button type="button" className="mini" onClick={() => setAsking('removeAll')}>
              {t.removeAll}
            </button>
          )}
          <Requests meetingId={meetingId} />
          {s.record.length > 0 && (
            <details className="lan-record">
              <summary>{t.record}</summary>
              <ul>
                {s.record.slice(0, 30).map((e) => (
                  <li key={e.id}>{t.recordLine(hhmm(Date.parse(e.at)), e.device, e.action, e.detail)}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {asking && (
        <ConfirmDialog
          title={asking === 'stop' ? t.stopTitle : t.removeAllTitle}
          body={asking === 'stop' ? t.stopBody : t.removeAllBody}
          confirm={asking === 'stop' ? t.stop : t.removeAll}
          onConfirm={() => {
            if (asking === 'stop') stop.mutate({});
            else remove.mutate({});
            setAsking(null);
          }}
          onCancel={() => setAsking(null)}
        />
      )}
    </section>
  );
}

/** The phones' requests to speak, to put at the end of the queue or decline. */
function Requests({ meetingId }: { meetingId: number }) {
  const requests = useCall('speakRequest.list', { meetingId });
  const decide = useAction('speakRequest.decide');
  const pending = (requests.data ?? []).filter((r) => r.state === REQUEST.pending);
  if (!pending.length) return null;
  return (
    <>
      <h3 className="lan-sub">{t.requests}</h3>
      <ul className="lan-devices">
        {pending.map((r) => (
          <li key={r.id} data-testid="console-request">
            <span>
              <strong>{r.name}</strong> {r.kind}
              {r.subject && ` · ${r.subject}`}
            </span>
            <button type="button" className="mini" onClick={() => decide.mutate({ id: r.id, accept: true })}>
              {t.accept}
            </button>
            <button type="button" className="mini subtle" onClick={() => decide.mutate({ id: r.id, accept: false })}>
              {t.decline}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
