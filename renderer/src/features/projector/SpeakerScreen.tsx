import type { CSSProperties } from 'react';
import type { MeetingDetail, Speech } from '../../../../shared/contract/meetings';
import { onFloor } from '../../../../shared/domain/queueOrder';
import { speechState } from '../../lib/values';
import { Countdown } from './Countdown';
import { MeetingHeader } from './MeetingHeader';
import { t } from './text';

/** Who speaks now, their countdown, and who comes next. */
export function SpeakerScreen({
  meeting,
  queue,
  warnSeconds,
}: {
  meeting: MeetingDetail;
  queue: Speech[];
  warnSeconds: number;
}) {
  const speaker = onFloor(queue);
  const waiting = queue.filter((e) => e.state === speechState.waiting);
  const item = meeting.agenda.find((a) => a.startedAt && !a.endedAt);
  return (
    <>
      <MeetingHeader meeting={meeting} />
      {item && (
        <p className="projector-current-item" data-testid="projector-current-item">
          <span>{t.currentItem}</span>
          {item.title}
        </p>
      )}
      {speaker ? (
        <section className="projector-stage">
          <div className="projector-speaker-card">
            <span className="projector-kind">{speaker.kind}</span>
            <p
              className="projector-speaker"
              style={{ '--chars': [...speaker.name].length } as CSSProperties}
              data-testid="projector-speaker"
            >
              {speaker.name}
            </p>
            {speaker.affiliation && <p className="projector-affiliation">{speaker.affiliation}</p>}
          </div>
          <Countdown key={speaker.id} speech={speaker} warnSeconds={warnSeconds} />
        </section>
      ) : (
        <section className="projector-stage empty">
          <p className="projector-prepare" data-testid="projector-prepare">
            {t.nextPrepare}
          </p>
          {waiting[0] && (
            <p className="projector-prepare-name">
              {waiting[0].name}
              <span>{waiting[0].kind}</span>
            </p>
          )}
        </section>
      )}
      {/* Without a speaker the first in line is already named above. */}
      <NextUp waiting={speaker ? waiting.slice(0, NEXT_SHOWN) : waiting.slice(1, 1 + NEXT_SHOWN)} />
    </>
  );
}

/** Four columns across the screen's foot: enough to see who prepares, each name still large. */
const NEXT_SHOWN = 4;

/** A column's share: its name's length, at least four (the kind below it, 即席发言, is four). */
const share = (name?: string) => Math.max(4, name ? [...name].length : 0);

function NextUp({ waiting }: { waiting: Speech[] }) {
  // A long name gets a wider column instead of tiny type; empty columns keep short lists left.
  const columns = Array.from({ length: NEXT_SHOWN }, (_, i) => `minmax(0, ${share(waiting[i]?.name)}fr)`).join(' ');
  return (
    <footer className="projector-next" data-testid="projector-next">
      <p className="projector-next-label">{t.nextUp}</p>
      {waiting.length ? (
        <ol style={{ gridTemplateColumns: columns }}>
          {waiting.map((s) => (
            <li key={s.id}>
              <span className="projector-next-name" style={{ '--chars': [...s.name].length } as CSSProperties}>
                {s.name}
              </span>
              <span className="projector-next-kind">{s.kind}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="projector-next-none">{t.noneWaiting}</p>
      )}
    </footer>
  );
}
