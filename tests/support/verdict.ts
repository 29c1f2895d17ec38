import type { Verdict } from '../../shared/domain/verdict';

/** The allowed value, or the refusal's reason thrown: a test reads a verdict as one expectation. */
export function allowed<T>(v: Verdict<T>): T {
  if (!v.ok) throw new Error(v.reason);
  return v.value;
}
