import type { DeviceView } from '../../../../shared/contract/lan';
import { MinutesEditor } from '../minutes/MinutesEditor';
import { LinkBanner } from './LinkBanner';
import { t } from './text';

/** A second recorder: the same minutes as the secretary's, typed into at once, marks included. */
export function RecorderPage({ me }: { me: DeviceView }) {
  return (
    <main className="room room-recorder">
      <LinkBanner />
      <header className="room-head">
        <h1>{me.meetingTitle}</h1>
        <span className="room-sub">{t.recorderTitle}</span>
      </header>
      <MinutesEditor meetingId={me.meetingId} readOnly={false} floor={null} />
    </main>
  );
}
