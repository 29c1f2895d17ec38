import { localIsoDate } from '../../../shared/domain/chineseText';

/** Today on this computer's clock, as an ISO date (what a date input shows). */
export const todayIso = (now = new Date()): string => localIsoDate(now);

/** 09:05 on this computer's clock. */
export function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** 09:05:07 on this computer's clock, from an instant (ms or ISO). */
export function clockTime(at: number | string): string {
  return new Date(at).toLocaleTimeString('zh-CN', { hour12: false });
}

/** 2026/11/22 09:05:07 on this computer's clock, from an instant (ms or ISO). */
export function clockDateTime(at: number | string): string {
  return new Date(at).toLocaleString('zh-CN', { hour12: false });
}
