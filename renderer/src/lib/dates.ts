import { hhmm, localIsoDate } from '../../../shared/domain/chineseText';

export { hhmm };

/** Today on this computer's clock, as an ISO date (what a date input shows). */
export const todayIso = (now = new Date()): string => localIsoDate(now);

/** 09:05:07 on this computer's clock, from an instant (ms or ISO). */
export function clockTime(at: number | string): string {
  return new Date(at).toLocaleTimeString('zh-CN', { hour12: false });
}

/** 2026/11/22 09:05:07 on this computer's clock, from an instant (ms or ISO). */
export function clockDateTime(at: number | string): string {
  return new Date(at).toLocaleString('zh-CN', { hour12: false });
}
