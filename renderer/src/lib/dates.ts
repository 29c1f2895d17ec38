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

/**
 * What a hurried hand types, as the core reads it: 1452 and 14：52 (the Chinese IME's colon) are
 * 14:52, 9:05 is 09:05. Anything else goes as typed, and the core says what is wrong with it.
 */
export function normalizeTime(s: string): string {
  const v = s.trim().replace(/[\uFF1A.\uFF0E]/g, ':');
  const m = /^(\d{1,2}):?(\d{2})$/.exec(v);
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : v;
}
