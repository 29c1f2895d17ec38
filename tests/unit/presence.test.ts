import { describe, expect, it } from 'vitest';
import { attendances, attendedInPerson, listedAsPresent } from '../../shared/domain/meetings';

describe('the two rules of presence', () => {
  it('the 纪要 lists everyone not marked away', () => {
    expect(attendances.filter(listedAsPresent)).toEqual(['未签到', '出席']);
  });

  it('the 履职档案 counts a check-in, or an unmarked member heard speaking', () => {
    const attended = (speeches: number) => attendances.filter((a) => attendedInPerson(a, speeches));
    expect(attended(0)).toEqual(['出席']);
    expect(attended(2)).toEqual(['未签到', '出席']);
  });
});
