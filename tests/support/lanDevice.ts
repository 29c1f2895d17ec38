import type { Core } from '../../electron/core';
import type { DeviceCaller } from '../../electron/core/lan/host';
import type { LanStatus } from '../../shared/contract/lan';
import type { LanRole } from '../../shared/contract/roles';
import { ok } from './tempCore';

/** The listener's origin while 会场互联 is on (a loopback stand-in in tests). */
export const lanOrigin = (s: LanStatus) => `http://${s.addresses[0]}:${s.port}`;

/** The role's code of this moment, from the status (as the console's QR code shows it). */
export function codeFor(s: LanStatus, role: LanRole): string {
  const join = s.joins.find((j) => j.role === role);
  if (!join) throw new Error('会场互联未开启');
  return join.code;
}

/** Pairs as a phone's camera does (POST /lan/pair with the code): the device's token. */
export async function pairWithCode(origin: string, code: string, name?: string): Promise<string> {
  const res = await fetch(`${origin}/lan/pair`, { method: 'POST', body: JSON.stringify({ code, name }) });
  const body = (await res.json()) as { ok: boolean; value?: { token: string }; error?: { message: string } };
  if (!body.ok || !body.value) throw new Error(body.error?.message ?? '配对失败');
  return body.value.token;
}

/** A device of this role paired with the core in this process, and the caller its token makes. */
export async function pairedDevice(
  core: Core,
  role: LanRole,
  name = '测试设备',
): Promise<{ token: string; caller: DeviceCaller }> {
  const s = ok(await core.invoke('lan.status', {}));
  const token = await pairWithCode(lanOrigin(s), codeFor(s, role), name);
  const caller = core.lan.authenticate(token);
  if (!caller) throw new Error('配对后的令牌无效');
  return { token, caller };
}
