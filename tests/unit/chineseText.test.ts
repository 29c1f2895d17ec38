import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumeral, nestQuotes } from '../../shared/domain/chineseText';
import { safeFileName } from '../../shared/domain/fileNames';

describe('Chinese dates and numerals', () => {
  it('writes dates with Arabic numerals, the full year and no leading zeros', () => {
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(chineseDate('2026-11-22T08:00:00.000Z')).toBe('2026年11月22日');
  });
  it('writes item numbers as 一、二 … 十一 … 一百零五', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 30, 99, 100, 105, 110, 1000, 1010].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '三十',
      '九十九',
      '一百',
      '一百零五',
      '一百一十',
      '一千',
      '一千零一十',
    ]);
  });
});

describe('file names staff can save anywhere', () => {
  it('replaces the characters Windows forbids', () => {
    expect(safeFileName('第3期-关于“停车难”: 怎么办?/<草案>|*', '.docx')).toBe(
      '第3期-关于“停车难”- 怎么办---草案---.docx',
    );
  });
  it('keeps the whole name under 120 characters, extension included', () => {
    const name = safeFileName('第12期-' + '很长的议题'.repeat(40) + '-会议纪要', 'docx');
    expect([...name].length).toBeLessThan(120);
    expect(name.endsWith('.docx')).toBe(true);
  });
  it('never gives an empty or dot-ending name', () => {
    expect(safeFileName('   ', '.docx')).toBe('未命名.docx');
    expect(safeFileName('纪要.', '.docx')).toBe('纪要.docx');
  });
});

describe('quotation marks', () => {
  it('nest as Chinese typesetting nests them', () => {
    expect(nestQuotes('围绕“点亮“无灯街路” 照亮居民夜归路”进行协商')).toBe(
      '围绕“点亮‘无灯街路’ 照亮居民夜归路”进行协商',
    );
    expect(nestQuotes('“一“二“三”二”一”')).toBe('“一‘二“三”二’一”');
    expect(nestQuotes('已经正确：“甲‘乙’丙”')).toBe('已经正确：“甲‘乙’丙”');
    expect(nestQuotes('未配对的”右引号')).toBe('未配对的”右引号');
  });
});
