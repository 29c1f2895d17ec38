import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `ms`. Only the clock ticks: every countdown and estimate is
 * derived from stored timestamps and this value, so all windows agree. `null`: stopped.
 */
export function useNow(ms: number | null = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (ms === null) return; // nothing runs: no tick, no render
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  // Stopped, it is read afresh at each render (made for some other reason).
  return ms === null ? Date.now() : now;
}
