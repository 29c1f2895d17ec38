import { useEffect } from 'react';
import { ErrorText } from '../../components/Field';
import { ApiError } from '../../lib/api';
import { useCall } from '../../lib/query';
import { ProjectorPage } from '../projector/ProjectorPage';
import { ChairPage } from './ChairPage';
import { PhonePage } from './PhonePage';
import { RecorderPage } from './RecorderPage';
import { t } from './text';

/** What this device's role may do, once it knows who it is. */
export function RoomPage({ onRemoved }: { onRemoved(): void }) {
  const me = useCall('device.me', {}, { retry: 3, retryDelay: 1000 });
  const removed = me.error instanceof ApiError && me.error.code === 'unauthorised';
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
