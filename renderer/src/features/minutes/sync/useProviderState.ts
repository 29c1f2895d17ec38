import { $getRoot, type LexicalEditor } from 'lexical';
import { useCallback, useSyncExternalStore } from 'react';
import type { MinutesProvider, SyncState } from './provider';

/** One field of the provider's state: the component re-renders when that field changes, not at every keystroke. */
export function useProviderState<T>(provider: MinutesProvider | null, pick: (s: SyncState) => T): T | null {
  const subscribe = useCallback(
    (changed: () => void) => {
      provider?.on('state', changed);
      return () => provider?.off('state', changed);
    },
    [provider],
  );
  return useSyncExternalStore(subscribe, () => (provider ? pick(provider.state) : null));
}

/** The document's length, told a moment after the last change (counting 60,000 characters at every key would cost a frame). */
export function onLengthSettled(editor: LexicalEditor, told: (size: number) => void, afterMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = editor.registerUpdateListener(() => {
    clearTimeout(timer);
    timer = setTimeout(() => told(editor.getEditorState().read(() => $getRoot().getTextContentSize())), afterMs);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}
