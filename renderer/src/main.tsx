import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/routes';
import { StartupGate } from './app/StartupGate';
import { t } from './app/text';
import { ToastProvider } from './components/Toasts';
import { createApi, takeToken } from './lib/api';
import { BeforeCloseProvider } from './lib/beforeClose';
import { ApiProvider } from './lib/query';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const token = takeToken();

if (!window.bcsl && !token) {
  root.render(
    <div className="fatal">
      <h1>{t.noTokenTitle}</h1>
      <p>{t.noToken}</p>
    </div>,
  );
} else {
  const api = createApi(token);
  // Data is pushed fresh by change events, so nothing is refetched on a timer or on focus.
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 },
      mutations: { retry: false },
    },
  });
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ApiProvider api={api}>
          <BeforeCloseProvider>
            <ToastProvider>
              <StartupGate>
                <RouterProvider router={router} />
              </StartupGate>
            </ToastProvider>
          </BeforeCloseProvider>
        </ApiProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
