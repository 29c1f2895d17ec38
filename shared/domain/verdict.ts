/**
 * What every domain rule answers (topic decisions, follow-up steps, a minutes document): the
 * value it allows, or the Chinese reason it refuses. One shape, so each service turns a refusal
 * into a call error the same way (`orRefuse` in the core).
 */
export type Verdict<T> = { ok: true; value: T } | { ok: false; reason: string };

export const allow = <T>(value: T): Verdict<T> => ({ ok: true, value });
export const refuse = (reason: string): Verdict<never> => ({ ok: false, reason });

/** Folds steps from a start; the first refused step names where the history went wrong. */
export function foldVerdicts<S, E>(
  start: S,
  steps: readonly E[],
  apply: (state: S, step: E) => Verdict<S>,
  where: (index: number) => string,
): Verdict<S> {
  let state = start;
  for (const [i, step] of steps.entries()) {
    const r = apply(state, step);
    if (!r.ok) return refuse(`${where(i)}：${r.reason}`);
    state = r.value;
  }
  return allow(state);
}
