import { contract, isCallName, type CallName, type CallResult } from '../../shared/contract';
import { describeZodError } from '../../shared/contract/issues';
import { deviceCalls, mayCall, roleLabels, type Role } from '../../shared/contract/roles';
import type { Ctx } from './context';
import { AppError, isDamage } from './errors';
import type { EventHub } from './events';
import type { Handlers } from './handler';
import { meetingOfCall } from './lan/scope';

export interface RouterOptions {
  /** Check every answer against its output schema (on in tests, off in production for speed). */
  validateOutput?: boolean;
}

/** Who is calling: the secretary's own windows unless a device of the room (会场互联) says otherwise. */
export interface Caller {
  role: Role;
  /** A device of the room: its record, and the one meeting it works on. */
  deviceId?: number;
  meetingId?: number;
}

export type Router = (name: string, input: unknown, caller?: Caller) => Promise<CallResult<unknown>>;

const SECRETARY: Caller = { role: 'secretary' };

/** A device's calls that write their own, fuller line in the room's record. */
const SELF_RECORDING = new Set<CallName>([...deviceCalls, 'speakRequest.decide']);

/**
 * The one entry point of the core. Validates the input against the contract, runs the handler
 * (a mutation in one IMMEDIATE transaction), then tells every window what changed. Answers are
 * values, never thrown: `{ok:true,value}` or `{ok:false,error:{code,message}}` in Chinese.
 */
export function createRouter(handlers: Handlers, ctx: Ctx, events: EventHub, options: RouterOptions = {}): Router {
  return async (name, rawInput, caller = SECRETARY) => {
    if (!isCallName(name)) return fail('unknown_call', `没有名为“${String(name).slice(0, 60)}”的操作`);
    const def = contract[name];
    // A device of the room makes only its role's calls: refused before the input is even read.
    if (!mayCall(caller.role, name))
      return {
        ok: false,
        error: {
          code: 'refused',
          message: `此设备的角色（${roleLabels[caller.role]}）不能进行“${def.summary.split('：')[0]}”，请在会议秘书的电脑上操作`,
        },
      };
    const parsed = def.input.safeParse(rawInput);
    if (!parsed.success) return fail('bad_input', describeZodError(parsed.error, def.input, rawInput));
    if (caller.meetingId !== undefined) {
      const about = meetingOfCall(ctx, name, parsed.data as Record<string, unknown>);
      if (about !== undefined && about !== caller.meetingId)
        return { ok: false, error: { code: 'refused', message: '此设备只能用于本次会议' } };
    }
    // The handlers see who calls (a device's own calls need it); the secretary's calls as before.
    const callCtx: Ctx = caller === SECRETARY ? ctx : Object.create(ctx, { caller: { value: caller } });
    try {
      // Whatever the call reads of the minutes (text, marks, exports, search) is up to date with the document.
      if (ctx.slot.isOpen) ctx.minutesDocs.flush();
      // What a device changes goes into the room's record, in the same transaction (its own calls say more themselves).
      const recorded =
        caller.deviceId !== undefined && def.kind === 'mutation' && !SELF_RECORDING.has(name)
          ? () => callCtx.lan.recordCall(callCtx, caller, def.summary)
          : undefined;
      const value = await execute(callCtx, name, parsed.data, def.kind === 'mutation', recorded);
      if (options.validateOutput) {
        const out = def.output.safeParse(value);
        if (!out.success) throw new Error(`${name} 的返回值不符合约定：${out.error.message}`);
      }
      if (def.kind !== 'query') events.emit({ topics: [...def.topics], call: name });
      return { ok: true, value };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toCallError() };
      console.error(`[${name}]`, e);
      if (isDamage(e)) {
        // Damage met inside an open file: every window shows the banner pointing to the backups.
        ctx.slot.warning = '读写数据文件时发现损坏。请在“备份与恢复”中检查数据文件，必要时从备份恢复。';
        events.emit({ topics: ['backups'], call: name });
      }
      return fail('internal', `操作未能完成：${internalReason(e)}。数据未做改动。`);
    }
  };

  async function execute(
    ctx: Ctx,
    name: CallName,
    input: unknown,
    write: boolean,
    recorded = () => {},
  ): Promise<unknown> {
    // The contract and the handler map are keyed alike; the casts bridge the per-key types.
    const handler = handlers[name] as unknown as
      | ((input: unknown, ctx: Ctx) => unknown)
      | { catchUp: (ctx: Ctx) => void; read: (input: unknown, ctx: Ctx) => unknown }
      | {
          prepare: (input: unknown, ctx: Ctx) => Promise<unknown>;
          run: (input: unknown, ctx: Ctx, p: unknown) => unknown;
        };
    if (typeof handler === 'function') {
      return write
        ? ctx.db
            .transaction(() => {
              const value = handler(input, ctx);
              recorded();
              return value;
            })
            .immediate()
        : await handler(input, ctx);
    }
    if ('catchUp' in handler) {
      ctx.db.transaction(() => handler.catchUp(ctx))();
      return await handler.read(input, ctx);
    }
    const prepared = await handler.prepare(input, ctx);
    return write
      ? ctx.db
          .transaction(() => {
            const value = handler.run(input, ctx, prepared);
            recorded();
            return value;
          })
          .immediate()
      : handler.run(input, ctx, prepared);
  }
}

function fail(code: 'bad_input' | 'unknown_call' | 'internal', message: string): CallResult<never> {
  return { ok: false, error: { code, message } };
}

function internalReason(e: unknown): string {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_FULL') return '磁盘已满';
  if (code === 'SQLITE_READONLY') return '数据文件只读';
  if (code === 'SQLITE_BUSY') return '数据文件正被其他程序占用';
  if (isDamage(e)) return '数据文件已损坏，请在“备份与恢复”中检查数据文件或从备份恢复';
  if (code.startsWith('SQLITE_CONSTRAINT')) return '数据不一致（违反约束）';
  return '程序内部错误';
}
