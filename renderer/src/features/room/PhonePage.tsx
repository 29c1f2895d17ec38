import { useState } from 'react';
import { OPINION_MAX, REQUEST, type DeviceView } from '../../../../shared/contract/lan';
import { speechKinds, type SpeechKind } from '../../../../shared/domain/settings';
import { hhmm } from '../../lib/dates';
import { useAction, useCall } from '../../lib/query';
import { speechKind, speechState } from '../../lib/values';
import { LinkBanner } from './LinkBanner';
import { t } from './text';

/**
 * A member's or resident's phone: sign in under one's own name, see who speaks and one's place,
 * ask to speak, hand in a written opinion. Large targets, one column, nothing else.
 */
export function PhonePage({ me }: { me: DeviceView }) {
  return (
    <main className="room room-phone">
      <LinkBanner />
      <header className="room-head">
        <h1>{me.meetingTitle}</h1>
      </header>
      {me.participantId === null ? (
        <SignIn meetingId={me.meetingId} />
      ) : (
        <>
          <p className="room-ok" role="status">
            {t.signedIn(me.participantName ?? '', me.checkedInAt ? hhmm(Date.parse(me.checkedInAt)) : '')}
          </p>
          <Floor meetingId={me.meetingId} participantId={me.participantId} />
          <AskToSpeak me={me} />
          <Opinion me={me} />
        </>
      )}
    </main>
  );
}

function SignIn({ meetingId }: { meetingId: number }) {
  const meeting = useCall('meeting.get', { id: meetingId });
  const checkIn = useAction('device.checkIn');
  const [filter, setFilter] = useState('');
  const people = (meeting.data?.participants ?? []).filter((p) => !filter || p.name.includes(filter.trim()));
  return (
    <section className="room-card" aria-label={t.whoAreYou}>
      <h2>{t.whoAreYou}</h2>
      <input
        className="room-input"
        aria-label={t.filter}
        placeholder={t.filter}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul className="room-list room-names">
        {people.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="room-button"
              disabled={checkIn.isPending}
              onClick={() => checkIn.mutate({ participantId: p.id })}
            >
              {t.signIn(p.name)}
              <span className="room-sub">{p.affiliation}</span>
            </button>
          </li>
        ))}
      </ul>
      {meeting.data && people.length === 0 && <p className="room-note">{t.noMatch}</p>}
    </section>
  );
}

/** Who has the floor, and how many speak before this person. */
function Floor({ meetingId, participantId }: { meetingId: number; participantId: number }) {
  const queue = useCall('queue.get', { meetingId });
  const meeting = useCall('meeting.get', { id: meetingId });
  const personId = meeting.data?.participants.find((p) => p.id === participantId)?.personId;
  const entries = queue.data?.entries ?? [];
  const speaking = entries.find((e) => e.state === speechState.speaking || e.state === speechState.paused);
  const waiting = entries.filter((e) => e.state === speechState.waiting);
  const mine = waiting.findIndex((e) => e.personId === personId);
  return (
    <section className="room-card" aria-label={t.onFloor}>
      <p className="room-floor">
        {speaking ? (
          <>
            <span className="room-sub">{t.onFloor}</span>
            <strong>{speaking.name}</strong>
            <span className="room-sub">{speaking.affiliation}</span>
          </>
        ) : (
          t.nobodyOnFloor
        )}
      </p>
      <p className="room-place" data-testid="my-place">
        {speaking?.personId === personId ? t.yourTurn : mine >= 0 ? t.myPlace(mine) : t.notInQueue}
      </p>
    </section>
  );
}

function AskToSpeak({ me }: { me: DeviceView }) {
  const ask = useAction('device.requestSpeech');
  const [kind, setKind] = useState<SpeechKind>(speechKind.impromptu);
  const [subject, setSubject] = useState('');
  const pending = me.requests.find((r) => r.state === REQUEST.pending);
  return (
    <section className="room-card" aria-label={t.askTitle}>
      <h2>{t.askTitle}</h2>
      <ul className="room-requests">
        {me.requests.map((r) => (
          <li key={r.id} data-state={r.state}>
            {t.requestLine(r.kind, r.subject, r.state)}
          </li>
        ))}
      </ul>
      {!pending && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            ask.mutate({ kind, subject }, { onSuccess: () => setSubject('') });
          }}
        >
          <label className="room-field">
            <span>{t.askKind}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as SpeechKind)}>
              {speechKinds.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <label className="room-field">
            <span>{t.askSubject}</span>
            <input value={subject} maxLength={60} onChange={(e) => setSubject(e.target.value)} />
          </label>
          <button type="submit" className="room-button primary" disabled={ask.isPending}>
            {t.ask}
          </button>
        </form>
      )}
    </section>
  );
}

function Opinion({ me }: { me: DeviceView }) {
  const handIn = useAction('device.handInOpinion');
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const left = OPINION_MAX - text.length;
  return (
    <section className="room-card" aria-label={t.opinionTitle}>
      <h2>{t.opinionTitle}</h2>
      <p className="room-note">{t.opinionHint(OPINION_MAX)}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          handIn.mutate({ text }, { onSuccess: () => (setText(''), setDone(true)) });
        }}
      >
        <textarea
          className="room-input"
          aria-label={t.opinionTitle}
          rows={6}
          maxLength={OPINION_MAX}
          value={text}
          onChange={(e) => (setText(e.target.value), setDone(false))}
        />
        <p className={`room-note${left < 0 ? ' over' : ''}`}>{t.opinionLeft(left)}</p>
        <button type="submit" className="room-button primary" disabled={handIn.isPending || !text.trim() || left < 0}>
          {t.handIn}
        </button>
      </form>
      {done && (
        <p className="room-ok" role="status">
          {t.handedIn}
        </p>
      )}
      {me.opinions > 0 && <p className="room-note">{t.opinions(me.opinions)}</p>}
    </section>
  );
}
