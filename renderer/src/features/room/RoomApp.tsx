import { useMemo, useState } from 'react';
import { ToastProvider } from '../../components/Toasts';
import { createApi, deviceToken, keepDeviceToken } from '../../lib/api';
import { ApiProvider, QueryProvider } from '../../lib/query';
import { JoinPage } from './JoinPage';
import { RoomPage } from './RoomPage';
import { t } from './text';
import './room.css';

/** The code of a pairing link (…/#/join/<code>), if this page was opened from a QR code. */
export const joinCode = (): string | null => /^#\/join\/([A-Z2-9]{6,20})$/.exec(location.hash)?.[1] ?? null;

/**
 * Whether this page belongs to a device of the room rather than to the secretary: opened from a
 * QR code, holding a device token, or on the devices' route (a removed device, reloaded, says so).
 */
export const isRoomDevice = (): boolean =>
  joinCode() !== null || deviceToken() !== null || location.hash.startsWith('#/room');

/**
 * A device of the room (会场互联): it pairs with the code of the QR it was opened from, keeps the
 * token it receives, and shows what its role may do. Nothing of the secretary's app is loaded.
 */
export function RoomApp() {
  const [token, setToken] = useState(() => (joinCode() ? null : deviceToken()));
  const api = useMemo(() => (token ? createApi({ kind: 'device', value: token }) : null), [token]);
  const code = joinCode();
  if (!token && code)
    return (
      <JoinPage
        code={code}
        onJoined={(value) => {
          keepDeviceToken(value);
          history.replaceState(null, '', `${location.pathname}#/room`);
          setToken(value);
        }}
      />
    );
  if (!api)
    return (
      <main className="room room-message">
        <p>{t.removed}</p>
      </main>
    );
  return (
    <ToastProvider>
      <QueryProvider>
        <ApiProvider api={api}>
          <RoomPage
            onRemoved={() => {
              keepDeviceToken(null);
              setToken(null);
            }}
          />
        </ApiProvider>
      </QueryProvider>
    </ToastProvider>
  );
}
