import type { RecordAdopted, RecordMark, RecordMeeting } from '../../../shared/contract/memberRecords';
import { attendedInPerson } from '../../../shared/domain/meetings';
import type { QueryCtx } from '../context';
import { all, sql } from '../db/sql';
import { base, MEETING_REF, whoSql, type Who } from './memberRecordsSql';

/** The detail lines of the members' records, per person: meetings invited to, marks, adopted suggestions. */

export type Lines<T> = (T & { personId: number })[];

/** Per person and meeting invited: role, attendance, speeches and seconds. */
export function meetingLines(ctx: QueryCtx, year: number, who: Who): Lines<RecordMeeting> {
  const rows = all<Omit<RecordMeeting, 'attended'> & { personId: number }>(
    ctx.db,
    sql`WITH ${base(ctx, year)}
       SELECT pa.person_id AS personId, ${MEETING_REF}, h.status, pa.role, pa.attendance, count(g.id) AS speeches, coalesce(sum(g.secs), 0) AS speakingSeconds
         FROM participant pa JOIN held h ON h.id = pa.meeting_id JOIN person p ON p.id = pa.person_id AND ${whoSql(who)}
         LEFT JOIN given g ON g.meeting_id = pa.meeting_id AND g.person_id = pa.person_id
        GROUP BY pa.id ORDER BY p.pinyin, p.id, h.starts_at, h.id`,
  );
  return rows.map((r) => ({ ...r, attended: attendedInPerson(r.attendance, r.speeches) }));
}

/** Marks in the minutes within each person's speeches, in meeting and document order. */
export function markLines(ctx: QueryCtx, year: number, who: Who): Lines<RecordMark> {
  return all<Lines<RecordMark>[number]>(
    ctx.db,
    sql`WITH ${base(ctx, year)}
       SELECT s.person_id AS personId, ${MEETING_REF}, mk.id AS markId, mk.kind, mk.excerpt
         FROM mark mk JOIN held h ON h.id = mk.meeting_id JOIN speech s ON s.id = mk.speech_id JOIN person p ON p.id = s.person_id AND ${whoSql(who)}
        ORDER BY p.pinyin, p.id, h.starts_at, h.id, mk.ord`,
  );
}

/** Resolutions drawn from each person's marks or speeches, once each. */
export function adoptedLines(ctx: QueryCtx, year: number, who: Who): Lines<RecordAdopted> {
  return all<Lines<RecordAdopted>[number]>(
    ctx.db,
    sql`WITH ${base(ctx, year)}
       SELECT src.person_id AS personId, ${MEETING_REF}, r.id AS resolutionId, r.position, r.text
         FROM sources src JOIN resolution r ON r.id = src.rid JOIN held h ON h.id = r.meeting_id JOIN person p ON p.id = src.person_id AND ${whoSql(who)}
        ORDER BY p.pinyin, p.id, h.starts_at, h.id, r.position`,
  );
}
