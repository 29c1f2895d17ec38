import { describe, expect, it } from 'vitest';
import { normalisePersonKind, personKinds } from '../../shared/domain/people';
import { defaultSpeechLimits, defaultStepNames, speechKinds } from '../../shared/domain/settings';
import { hasControlChars, hasHan } from '../../shared/domain/text';

describe('step names follow the organisation level', () => {
  it('names the fifth step after the level of the Party committee', () => {
    expect(defaultStepNames('市')[4]).toBe('市委常委会议审题');
    expect(defaultStepNames('区')[4]).toBe('区委常委会议审题');
    expect(defaultStepNames('县')[4]).toBe('县委常委会议审题');
    expect(defaultStepNames('省')[4]).toBe('省委常委会议审题');
    expect(defaultStepNames('市')).toHaveLength(6);
    expect(defaultStepNames('市')[5]).toBe('政协常委会定题');
  });
});

describe('speech limits', () => {
  it('has a default for every kind, as the domain gives them', () => {
    expect(Object.keys(defaultSpeechLimits).sort()).toEqual([...speechKinds].sort());
    expect(defaultSpeechLimits['预约发言']).toBe(480);
    expect(defaultSpeechLimits['群众评议']).toBe(180);
  });
});

describe('person kinds in rosters', () => {
  it('accepts the directory kinds and common roster spellings', () => {
    for (const k of personKinds) expect(normalisePersonKind(k)).toBe(k);
    expect(normalisePersonKind(' 政协委员 ')).toBe('委员');
    expect(normalisePersonKind('专家')).toBe('专家学者');
    expect(normalisePersonKind('企业代表')).toBe('企业/管理单位代表');
    expect(normalisePersonKind('游客')).toBeUndefined();
  });
});

describe('text checks', () => {
  it('spots control characters; line breaks only in single-line text', () => {
    expect(hasControlChars('正常文字')).toBe(false);
    expect(hasControlChars('a\nb')).toBe(true);
    expect(hasControlChars('a\nb', true)).toBe(false);
    expect(hasControlChars('a\u0000b', true)).toBe(true);
    expect(hasControlChars('a\u007fb', true)).toBe(true);
  });
  it('tells Chinese from pinyin', () => {
    expect(hasHan('zw')).toBe(false);
    expect(hasHan('张w')).toBe(true);
  });
});
