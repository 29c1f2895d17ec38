import { useEffect } from 'react';
import { ErrorText } from '../../components/Field';
import { ApiError } from '../../lib/api';
import { useCall } from '../../lib/query';
import { ProjectorPage } from '../projector/ProjectorPage';
import { ChairPage } from './ChairPage';
import { PhonePage } from './PhonePage';
import { RecorderPage } from './RecorderPage';
import { t } from './text';

const isRemoved = (e: unknown) => e instanceof ApiError && e.code === 'unauthorised';

/** What this device's role may do, once it knows who it is. */
export function RoomPage({ onRemoved }: { onRemoved(): void }) {
  // A flaky link is tried again; a token that no longer works is not.
  const me = useCall('device.me', {}, { retry: (n, e) => n < 3 && !isRemoved(e), retryDelay: 1000 });
  const removed = isRemoved(me.error);
  useEffect(() => {
    if (removed) onRemoved();
  }, [removed, onRemoved]);
  if (me.error && !me.data)
    return <main className="room room-message">{removed ? t.removed : <ErrorText error={me.error} />}</main>;
  if (!me.data)
    return (
      <main className="room room-message" aria-busy="true">
        {t.loading}
      </main>
    );
  switch (me.data.role) {
    case 'participant':
      return <PhonePage me={me.data} />;
    case 'chair':
      return <ChairPage me={me.data} />;
    case 'recorder':
      return <RecorderPage me={me.data} />;
    default:
      return <ProjectorPage />;
  }
}
