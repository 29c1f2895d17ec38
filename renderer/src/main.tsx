import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/routes';
import { StartupGate } from './app/StartupGate';
import { t } from './app/text';
import { ToastProvider } from './components/Toasts';
import { createApi, takeToken } from './lib/api';
import { BeforeCloseProvider } from './lib/beforeClose';
import { ApiProvider, QueryProvider } from './lib/query';
import { isRoomDevice, RoomApp } from './features/room/RoomApp';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const token = takeToken();

if (!window.bcsl && !token && isRoomDevice()) {
  // A device of the room (会场互联): its own small app, none of the secretary's.
  root.render(
    <StrictMode>
      <RoomApp />
    </StrictMode>,
  );
} else if (!window.bcsl && !token) {
  root.render(
    <div className="fatal">
      <h1>{t.noTokenTitle}</h1>
      <p>{t.noToken}</p>
    </div>,
  );
} else {
  const api = createApi(token);
  root.render(
    <StrictMode>
      <ToastProvider>
        <QueryProvider>
          <ApiProvider api={api}>
            <BeforeCloseProvider>
              <StartupGate>
                <RouterProvider router={router} />
              </StartupGate>
            </BeforeCloseProvider>
          </ApiProvider>
        </QueryProvider>
      </ToastProvider>
    </StrictMode>,
  );
}
