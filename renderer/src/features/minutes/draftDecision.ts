import type { Draft } from './localDraft';

export type DraftDecision = 'none' | 'archived' | 'open' | 'offer';

/**
 * What to do with a draft kept in the browser when the minutes open. `open`: it is the newest
 * text (kept after the last save: a failed save, a reload while saving), so the editor opens with
 * it. `offer`: older than what is stored, or kept before a backup was restored into the file (its
 * versions and times say nothing about the restored text), so it is offered, never imposed.
 */
export function draftDecision(
  stored: { doc: string | null; version: number; savedAt: string | null; readOnly: boolean },
  kept: Draft | null,
  generation: string,
): DraftDecision {
  if (!kept || kept.doc === stored.doc) return 'none';
  if (stored.readOnly) return 'archived';
  if ((kept.generation ?? '') !== generation) return 'offer';
  const newer = !stored.savedAt || kept.at > Date.parse(stored.savedAt);
  return kept.baseVersion === stored.version || newer ? 'open' : 'offer';
}
