import type { CallName, Contract, Output, ParsedInput } from '../../shared/contract';
import type { Ctx, QueryCtx } from './context';

type Kind<K extends CallName> = Contract[K]['kind'];

/** A query only reads (`QueryCtx` has no writer); it may finish asynchronously (a docx packed after a read). */
type QueryFn<K extends CallName> = (input: ParsedInput<K>, ctx: QueryCtx) => Output<K> | Promise<Output<K>>;

/**
 * A query whose answer rests on derived data that may lag (the search index of minutes still
 * being typed): `catchUp` brings it up to date in its own transaction, then `read` only reads.
 */
interface CatchingUpQuery<K extends CallName> {
  catchUp: (ctx: Ctx) => void;
  read: QueryFn<K>;
}

/**
 * A mutation runs inside the call's transaction, so it must be synchronous; a maintenance call
 * (backup, restore) runs directly and may take long.
 */
type WriteFn<K extends CallName> = (
  input: ParsedInput<K>,
  ctx: Ctx,
) => Kind<K> extends 'mutation' ? Output<K> : Output<K> | Promise<Output<K>>;

/**
 * A handler with slow preparation (reading a spreadsheet): `prepare` runs first, outside any
 * transaction and without writing; `run` then writes in one transaction, so nothing is half-written.
 */
interface PreparedHandler<K extends CallName, P> {
  prepare: (input: ParsedInput<K>, ctx: QueryCtx) => Promise<P>;
  run: (input: ParsedInput<K>, ctx: Ctx, prepared: P) => Output<K>;
}

export type Handler<K extends CallName> =
  Kind<K> extends 'query'
    ? QueryFn<K> | CatchingUpQuery<K>
    : // eslint-disable-next-line @typescript-eslint/no-explicit-any
      WriteFn<K> | PreparedHandler<K, any>;
export type Handlers = { [K in CallName]: Handler<K> };

/** Declares a slice of handlers with their types checked against the contract. */
export function handlers<T extends Partial<Handlers>>(h: T): T {
  return h;
}
