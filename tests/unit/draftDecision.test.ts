import { describe, expect, it } from 'vitest';
import { draftDecision } from '../../renderer/src/features/minutes/draftDecision';

/** What the minutes open with when the browser kept a draft: the newest text, or an offer. */
const stored = { doc: '{"v":"stored"}', version: 7, savedAt: '2026-11-22T09:00:00.000Z', readOnly: false };
const at = (iso: string) => Date.parse(iso);
const kept = (o: Partial<{ doc: string; baseVersion: number; at: number; generation: string }> = {}) => ({
  doc: '{"v":"typed"}',
  baseVersion: 7,
  at: at('2026-11-22T09:00:05.000Z'),
  ...o,
});

describe('a kept draft when the minutes open', () => {
  it('opens with a draft kept after the last save (a failed save, a reload while saving)', () => {
    expect(draftDecision(stored, kept(), '')).toBe('open');
    // Based on an older version but kept after the stored text was saved: still the newest words.
    expect(draftDecision(stored, kept({ baseVersion: 5 }), '')).toBe('open');
  });

  it('offers a draft older than the stored text instead of imposing it', () => {
    expect(draftDecision(stored, kept({ baseVersion: 5, at: at('2026-11-22T08:00:00.000Z') }), '')).toBe('offer');
  });

  it('offers, never imposes, a draft kept before a backup was restored into the file', () => {
    // Newer by the clock and on the same version number: neither means anything for the restored text.
    expect(draftDecision(stored, kept(), 'after-restore')).toBe('offer');
    expect(draftDecision(stored, kept({ generation: 'before' }), 'after')).toBe('offer');
    expect(draftDecision(stored, kept({ generation: 'same' }), 'same')).toBe('open');
  });

  it('drops a draft equal to the stored text and only reports one for an archived meeting', () => {
    expect(draftDecision(stored, kept({ doc: stored.doc }), '')).toBe('none');
    expect(draftDecision(stored, null, '')).toBe('none');
    expect(draftDecision({ ...stored, readOnly: true }, kept(), '')).toBe('archived');
  });
});
