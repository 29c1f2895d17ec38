import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { CallName, Input, Output } from '../../../shared/contract';
import type { Api } from './api';

const ApiContext = createContext<Api | null>(null);

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

export function useAction<K extends CallName>(name: K) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation<Output<K>, Error, Input<K>>({
    mutationFn: (input) => api.call(name, input),
    onSuccess: () => {
      const changed = api.topicsOf(name);
      void client.invalidateQueries({
        predicate: (q) => api.topicsOf(String(q.queryKey[0])).some((t) => changed.includes(t)),
      });
    },
  });
}
