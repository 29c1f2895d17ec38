import {
  MutationCache,
  QueryClient,
  QueryClientProvider,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useToast } from '../components/Toasts';
import type { CallName, Input, Output } from '../../../shared/contract';
import type { Api } from './api';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { errorInPlace?: boolean };
  }
}

const ApiContext = createContext<Api | null>(null);

/**
 * The query client, with one channel for what a mutation refuses: its message goes to the toast,
 * unless the mutation shows it in place (a form whose field the message is about).
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const toast = useToast();
  const [client] = useState(
    () =>
      new QueryClient({
        mutationCache: new MutationCache({
          onError: (error, _input, _context, mutation) => {
            if (!mutation.meta?.errorInPlace) toast(error.message, 'error');
          },
        }),
        // Data is pushed fresh by change events, so nothing is refetched on a timer or on focus.
        defaultOptions: {
          queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiProvider missing');
  return api;
}

/**
 * Provides the client and keeps every query fresh: a change event from the main side
 * invalidates the queries that read one of its topics, in this window and every other.
 */
export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  const client = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        // A restore replaced the whole data file: every window starts afresh from it.
        if (event.call === 'backup.restore') {
          window.location.reload();
          return;
        }
        void client.invalidateQueries({
          predicate: (q) => api.topicsOf(String(q.queryKey[0])).some((t) => event.topics.includes(t)),
        });
      }),
    [api, client],
  );
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useCall<K extends CallName>(name: K, input: Input<K>, options?: Partial<UseQueryOptions<Output<K>>>) {
  const api = useApi();
  return useQuery<Output<K>>({ queryKey: [name, input], queryFn: () => api.call(name, input), ...options });
}

/**
 * A call that changes data. What it refuses is toasted (see QueryProvider); a form that shows the
 * message next to its fields passes `{ errorInPlace: true }` and renders `error` itself.
 */
export function useAction<K extends CallName>(name: K, options?: { errorInPlace?: boolean }) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation<Output<K>, Error, Input<K>>({
    mutationFn: (input) => api.call(name, input),
    meta: options?.errorInPlace ? { errorInPlace: true } : undefined,
    onSuccess: () => {
      const changed = api.topicsOf(name);
      void client.invalidateQueries({
        predicate: (q) => api.topicsOf(String(q.queryKey[0])).some((t) => changed.includes(t)),
      });
    },
  });
}
