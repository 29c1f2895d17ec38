import { ApiError } from '../../lib/api';
import { useCall } from '../../lib/query';
import { t } from './text';

/**
 * The room's Wi-Fi may drop: the device asks who it is every few seconds and says so while the
 * secretary's laptop cannot be reached (the page keeps what it showed and catches up after).
 */
export function LinkBanner() {
  const me = useCall('device.me', {}, { refetchInterval: 5000, retry: false });
  // A failed ask, or none at all while the device knows itself offline (the queries wait then).
  const lost =
    (me.isError && !(me.error instanceof ApiError && me.error.code === 'unauthorised')) || me.fetchStatus === 'paused';
  if (!lost) return null;
  return (
    <p className="room-offline" role="alert">
      {t.offline}
    </p>
  );
}
