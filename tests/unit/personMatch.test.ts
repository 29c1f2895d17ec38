import { describe, expect, it } from 'vitest';
import { matchScore, rankByName } from '../../shared/domain/personMatch';
import { pinyinKeys } from '../../shared/domain/pinyinKeys';

describe('pinyinKeys', () => {
  it('gives full pinyin and initials without tones', () => {
    expect(pinyinKeys('张伟')).toBe('zhangwei zw');
    expect(pinyinKeys('吕薇')).toBe('lvwei lw');
  });
  it('reads polyphonic surnames as surnames and keeps the ordinary reading too', () => {
    expect(pinyinKeys('单立新').split(' ')).toEqual(expect.arrayContaining(['shanlixin', 'slx', 'danlixin']));
    expect(pinyinKeys('曾晓燕').split(' ')).toEqual(expect.arrayContaining(['zengxiaoyan', 'zxy']));
    expect(pinyinKeys('解海峰').split(' ')).toContain('xiehaifeng');
  });
  it('keeps Latin letters and digits in mixed names', () => {
    expect(pinyinKeys('李A')).toContain('lia');
  });
});

describe('matchScore', () => {
  const keys = pinyinKeys('张伟');
  it('matches characters, full pinyin, initials and prefixes', () => {
    expect(matchScore('张伟', '张伟', keys)).toBeGreaterThan(matchScore('张', '张伟', keys));
    expect(matchScore('伟', '张伟', keys)).toBeGreaterThan(0);
    expect(matchScore('zw', '张伟', keys)).toBeGreaterThan(0);
    expect(matchScore('ZhangWei', '张伟', keys)).toBeGreaterThan(matchScore('zhangw', '张伟', keys));
    expect(matchScore('zhang wei', '张伟', keys)).toBeGreaterThan(0);
  });
  it('does not match what is not there', () => {
    expect(matchScore('李', '张伟', keys)).toBe(0);
    expect(matchScore('wz', '张伟', keys)).toBe(0);
    expect(matchScore('x', '张伟', keys)).toBe(0);
  });
  it('an empty query matches everything', () => {
    expect(matchScore('  ', '张伟', keys)).toBeGreaterThan(0);
  });
});

describe('rankByName', () => {
  const people = ['赵文', '张伟', '张伟明', '周雯'].map((name) => ({ name, pinyin: pinyinKeys(name) }));
  it('puts exact matches first and keeps the roster order for ties', () => {
    expect(rankByName(people, 'zw', (p) => p).map((p) => p.name)).toEqual(['赵文', '张伟', '周雯', '张伟明']);
    expect(rankByName(people, 'zhangwei', (p) => p).map((p) => p.name)).toEqual(['张伟', '张伟明']);
  });
  it('ranks a 600-name roster, every match kept', () => {
    const big = Array.from({ length: 600 }, (_, i) => people[i % 4]);
    expect(rankByName(big, 'zw', (p) => p)).toHaveLength(600);
    expect(rankByName(big, 'zhouw', (p) => p)).toHaveLength(150);
  });
});
