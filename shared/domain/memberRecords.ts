/** Members' records (履职档案, domain §10): what counts, and how it reads. */

import type { MeetingStatus } from './meetings';

/** Meetings that took place: one still 筹备中 has not happened, so nobody attended or missed it. */
export const heldStatuses: readonly MeetingStatus[] = ['进行中', '已结束', '已归档'];

/** "2026年度委员履职档案": the title of the export and of its first sheet. */
export const recordsTitle = (year: number, kind: string) => `${year}年度${kind}履职档案`;

/** Seconds as minutes with one decimal (what a spreadsheet sums): 754 → 12.6. */
export const spokenMinutes = (seconds: number) => Math.round(seconds / 6) / 10;
