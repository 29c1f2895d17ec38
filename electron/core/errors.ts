import type { CallError, ErrorCode } from '../../shared/contract';
import type { Verdict } from '../../shared/domain/verdict';

/** An error meant for the user: a code for programs and a Chinese message for people. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode | 'db_too_new' | 'db_unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toCallError(): CallError {
    return {
      code: this.code === 'db_too_new' || this.code === 'db_unreadable' ? 'refused' : this.code,
      message: this.message,
    };
  }
}

/** SQLite met a damaged page or a file that is no database. */
export const isDamage = (e: unknown) =>
  ['SQLITE_CORRUPT', 'SQLITE_NOTADB'].includes((e as { code?: string }).code ?? '');

export const notFound = (what: string, id: number | string) =>
  new AppError('not_found', `未找到编号为 ${id} 的${what}`);
export const refused = (message: string) => new AppError('refused', message);
export const conflict = (message: string) => new AppError('conflict', message);
export const badInput = (message: string) => new AppError('bad_input', message);

/**
 * A domain rule's verdict as the call's answer: the allowed value, or the refusal as a call error
 * (`refused` for a rule of the process, `bad_input` for a document that cannot be read).
 */
export function orRefuse<T>(verdict: Verdict<T>, code: 'refused' | 'bad_input' = 'refused', context = ''): T {
  if (verdict.ok) return verdict.value;
  throw new AppError(code, context + verdict.reason);
}
