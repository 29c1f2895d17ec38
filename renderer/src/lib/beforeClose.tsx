import { createContext, useCallback, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useApi } from './query';

/** An open editor with unsaved text to look after. */
export interface Guarded {
  /** Store what is unsaved now (before a change that depends on it, e.g. ending the meeting). */
  flush(): Promise<unknown>;
  /** Store it and mark the editor closed cleanly (the window is closing). */
  close(): Promise<unknown>;
}

const GuardContext = createContext<Set<Guarded> | null>(null);

/**
 * Collects the open editors and answers Electron's request when the window closes: every editor
 * stores its text, then the window may close.
 */
export function BeforeCloseProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const guarded = useRef(new Set<Guarded>()).current;
  useEffect(
    () =>
      api.onFlushRequest(async () => {
        await Promise.allSettled([...guarded].map((g) => g.close()));
      }),
    [api, guarded],
  );
  return <GuardContext.Provider value={guarded}>{children}</GuardContext.Provider>;
}

/** Registers an editor for as long as the component is mounted. */
export function useGuardedEditor(editor: Guarded): void {
  const guarded = useContext(GuardContext);
  const ref = useRef(editor);
  ref.current = editor;
  useEffect(() => {
    if (!guarded) return;
    const entry: Guarded = { flush: () => ref.current.flush(), close: () => ref.current.close() };
    guarded.add(entry);
    return () => void guarded.delete(entry);
  }, [guarded]);
}

/** Stores every open editor's unsaved text: call before a change that must include it. */
export function useFlushEditors(): () => Promise<void> {
  const guarded = useContext(GuardContext);
  return useCallback(async () => {
    if (guarded) await Promise.allSettled([...guarded].map((g) => g.flush()));
  }, [guarded]);
}
