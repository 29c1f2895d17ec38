import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `ms`. Only the clock ticks: every countdown and estimate is
 * derived from stored timestamps and this value, so all windows agree.
 */
export function useNow(ms = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
