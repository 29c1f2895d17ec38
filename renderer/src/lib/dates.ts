import { localIsoDate } from '../../../shared/domain/chineseText';

/** Today on this computer's clock, as an ISO date (what a date input shows). */
export const todayIso = (now = new Date()): string => localIsoDate(now);

/** 09:05 on this computer's clock. */
export function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
