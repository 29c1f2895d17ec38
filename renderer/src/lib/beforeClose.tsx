import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useApi } from './query';

type Flusher = () => Promise<unknown>;

const BeforeCloseContext = createContext<Set<Flusher> | null>(null);

/**
 * Collects what must be stored before the window closes (the minutes editor's unsaved text) and
 * answers Electron's request on close: every registered flush runs, then the window may close.
 */
export function BeforeCloseProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const flushers = useRef(new Set<Flusher>()).current;
  useEffect(() => {
    api.onFlushRequest(async () => {
      await Promise.allSettled([...flushers].map((f) => f()));
    });
  }, [api, flushers]);
  return <BeforeCloseContext.Provider value={flushers}>{children}</BeforeCloseContext.Provider>;
}

/** Registers `flush` to run before the window closes, for as long as the component is mounted. */
export function useBeforeClose(flush: Flusher): void {
  const flushers = useContext(BeforeCloseContext);
  const ref = useRef(flush);
  ref.current = flush;
  useEffect(() => {
    if (!flushers) return;
    const f = () => ref.current();
    flushers.add(f);
    return () => void flushers.delete(f);
  }, [flushers]);
}
