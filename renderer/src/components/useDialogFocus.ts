import { useEffect, useRef } from 'react';

/**
 * A dialog takes the focus when it opens (its first element matching `first`) and gives it back
 * to whatever had it when it closes, so a keyboard user goes on where they were.
 */
export function useDialogFocus<T extends HTMLElement>(first: string) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>(first)?.focus();
    return () => opener?.focus?.();
    // Once per opening: the selector is a constant of each dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ref;
}
