/** How far a long task has come: a step a person reads (正在重建数据…) and the fraction done (0–1). */
export interface Progress {
  step: string;
  fraction: number;
}

/** What a task calls as it goes; a task run directly (tests) gets one that does nothing. */
export type Report = (step: string, fraction: number) => void;

export const noReport: Report = () => {};

/** A report of part of a task: `fraction` of the part mapped into [from, to] of the whole. */
export const partOf =
  (report: Report, from: number, to: number): Report =>
  (step, fraction) =>
    report(step, from + (to - from) * Math.min(1, Math.max(0, fraction)));

/** At most one report every `ms` (the last one of a step always goes): the page polls, the thread need not flood it. */
export function throttled(report: Report, ms = 100): Report {
  let last = 0;
  let lastStep = '';
  return (step, fraction) => {
    const now = Date.now();
    if (step === lastStep && now - last < ms && fraction < 1) return;
    last = now;
    lastStep = step;
    report(step, fraction);
  };
}
