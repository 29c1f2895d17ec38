import { describe, expect, it } from 'vitest';
import { draftSummary, splitSummary } from '../../shared/domain/meetingSummary';

describe('the 纪要 narrative', () => {
  it('drafts 会议认为 from the consensus without saying 认为 twice, and 会议要求 from the departments', () => {
    const draft = draftSummary({
      consensus: ['与会各方一致认为，应尽快补齐照明短板。', '报修渠道要公开；'],
      chairSummary: '',
      departments: ['市城市管理和行政执法局', '市城市管理和行政执法局', ''],
      office: '政协哈尔滨市委员会办公厅',
    });
    expect(draft.split('\n')).toEqual([
      '会议认为，应尽快补齐照明短板；报修渠道要公开。',
      '会议要求，市城市管理和行政执法局按照议定事项抓好落实，在办理时限内书面答复；政协哈尔滨市委员会办公厅做好跟踪督办。',
    ]);
  });

  it('puts 会议强调/要求 and what follows after the agreed items, the rest before', () => {
    expect(splitSummary('会议认为，甲。\n\n会议指出，乙。\n会议强调，丙。\n丁。')).toEqual({
      before: ['会议认为，甲。', '会议指出，乙。'],
      after: ['会议强调，丙。', '丁。'],
    });
  });
});
