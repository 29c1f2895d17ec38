import type { Core } from '../../electron/core';
import type { DeviceCaller } from '../../electron/core/lan/host';
import type { LanStatus } from '../../shared/contract/lan';
import type { LanRole } from '../../shared/contract/roles';
import { ok } from './tempCore';

/** The listener's origin while 会场互联 is on (a loopback stand-in in tests). */
export const lanOrigin = (s: LanStatus) => `http://${s.addresses[0]}:${s.port}`;

/** A device paired as a phone's camera does: the role's code from the status, POST /lan/pair. */
export async function pairedDevice(
  core: Core,
  role: LanRole,
  name = '测试设备',
): Promise<{ token: string; caller: DeviceCaller }> {
  const s = ok(await core.invoke('lan.status', {}));
  const join = s.joins.find((j) => j.role === role);
  if (!join) throw new Error('会场互联未开启');
  const res = await fetch(`${lanOrigin(s)}/lan/pair`, {
    method: 'POST',
    body: JSON.stringify({ code: join.code, name }),
  });
  const body = (await res.json()) as { ok: boolean; value?: { token: string }; error?: { message: string } };
  if (!body.ok || !body.value) throw new Error(body.error?.message ?? '配对失败');
  const caller = core.lan.authenticate(body.value.token);
  if (!caller) throw new Error('配对后的令牌无效');
  return { token: body.value.token, caller };
}
