import type { CallName, Contract, Output, ParsedInput } from '../../shared/contract';
import type { Ctx } from './context';

/**
 * A plain handler runs inside the call's transaction (mutations, so it must be synchronous) or
 * directly (queries and maintenance, which may finish asynchronously, e.g. packing a docx after a
 * synchronous read, or an online backup).
 */
type PlainHandler<K extends CallName> = (
  input: ParsedInput<K>,
  ctx: Ctx,
) => Contract[K]['kind'] extends 'mutation' ? Output<K> : Output<K> | Promise<Output<K>>;

/**
 * A handler with slow preparation (reading a spreadsheet): `prepare` runs first, outside any
 * transaction and without writing; `run` then writes in one transaction, so nothing is half-written.
 */
interface PreparedHandler<K extends CallName, P> {
  prepare: (input: ParsedInput<K>, ctx: Ctx) => Promise<P>;
  run: (input: ParsedInput<K>, ctx: Ctx, prepared: P) => Output<K>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler<K extends CallName> = PlainHandler<K> | PreparedHandler<K, any>;
export type Handlers = { [K in CallName]: Handler<K> };

/** Declares a slice of handlers with their types checked against the contract. */
export function handlers<T extends Partial<Handlers>>(h: T): T {
  return h;
}
