import { describe, expect, it } from 'vitest';
import type { QueryCtx } from '../../electron/core/context';
import { handlers } from '../../electron/core/handler';

/** Compile-time checks (tsc runs over the tests): a query's context has no way to write. */
describe('the read-only context of queries', () => {
  it('offers no writer to a query handler', () => {
    const slice = handlers({
      'meeting.list': (_input, ctx) => {
        // @ts-expect-error a query cannot run a statement that writes
        if (Math.random() > 2) ctx.db.prepare('DELETE FROM meeting').run();
        // @ts-expect-error …nor open a transaction
        if (Math.random() > 2) ctx.db.transaction(() => undefined);
        // @ts-expect-error …nor execute SQL text
        if (Math.random() > 2) ctx.db.exec('DELETE FROM meeting');
        return [];
      },
    });
    const readOnly = (ctx: QueryCtx) => ctx.db.prepare('SELECT 1').pluck().get();
    expect(typeof slice['meeting.list']).toBe('function');
    expect(typeof readOnly).toBe('function');
  });
});
