import type { ParsedInput } from '../../../shared/contract';
import type { Meeting } from '../../../shared/contract/meetings';
import { hhmm } from '../../../shared/domain/chineseText';
import { isoNow, type Ctx } from '../context';
import { meetingIntervals, replaceIntervals, type SpeechRow } from '../data/speech';
import { refused } from '../errors';

type Intervals = ParsedInput<'queue.setTimes'>['intervals'];
interface Run {
  start: string;
  end: string;
}

/** Local HH:mm (or a full local date and time) on the meeting's day, in order and not overlapping each other. */
function parseIntervals(day: string, intervals: Intervals): Run[] {
  let previous = 0;
  return intervals.map(({ start, end }, n) => {
    const at = (t: string) => {
      if (t.length > 5 && t.slice(0, 10) !== day) throw refused(`发言时间必须在会议当天（${day}）`);
      return Date.parse(`${day}T${t.slice(-5)}`);
    };
    const [a, b] = [at(start), at(end)];
    if (Number.isNaN(a) || Number.isNaN(b)) throw refused('时间格式应为“时:分”，如 14:52');
    if (b <= a) throw refused(`第 ${n + 1} 段的结束时间必须晚于开始时间`);
    if (a < previous) throw refused(`第 ${n + 1} 段与前一段重叠或顺序颠倒`);
    previous = b;
    return { start: new Date(a).toISOString(), end: new Date(b).toISOString() };
  });
}

/**
 * One room, one speaker at a time: a run may not overlap another speech's recorded time (a run
 * still on the floor lasts until now). Touching ends (14:55 → 14:55) are a hand-over, not an overlap.
 */
function refuseOverlap(ctx: Ctx, s: SpeechRow, runs: readonly Run[]): void {
  const now = Date.parse(isoNow(ctx));
  for (const other of meetingIntervals(ctx, s.meeting_id)) {
    if (other.speechId === s.id) continue;
    const [from, to] = [Date.parse(other.from), other.to ? Date.parse(other.to) : now];
    if (runs.some((r) => Date.parse(r.start) < to && from < Date.parse(r.end)))
      throw refused(`与${other.name}的发言（${hhmm(from)}–${hhmm(to)}）时间重叠`);
  }
}

/**
 * queue.setTimes: a speech's real runs, entered afterwards or corrected. Checked first, so a
 * refusal changes nothing; then stored, and the minutes' header follows (the core's own edit).
 */
export function recordTimes(ctx: Ctx, s: SpeechRow, m: Meeting, intervals: Intervals): void {
  const runs = parseIntervals(m.startsAt.slice(0, 10), intervals);
  refuseOverlap(ctx, s, runs);
  replaceIntervals(ctx, s.id, runs);
  ctx.minutesDocs.timesRecorded(s.meeting_id, s.id);
}
