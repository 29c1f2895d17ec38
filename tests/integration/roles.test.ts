import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, contract } from '../../shared/contract';
import { deviceCalls, lanRoles, mayCall, roleCalls } from '../../shared/contract/roles';
import { dumpDatabase, ok, tempCore } from '../support/tempCore';

/**
 * Every call × every role of a device in the room: a call off the role's list is refused in
 * Chinese before its handler runs, and nothing changes; a call on it is not refused for the role.
 */
const core = tempCore();
beforeAll(async () => {
  ok(await core.invoke('app.loadDemo', {}));
  ok(await core.invoke('meeting.create', contract['meeting.create'].example));
});
afterAll(() => core.dispose());

describe('roles of the devices in the room', () => {
  it('refuse every call off the role’s list, changing nothing', async () => {
    const before = dumpDatabase(core);
    let refused = 0;
    for (const role of lanRoles)
      for (const name of callNames) {
        if (mayCall(role, name)) continue;
        const r = await core.call(name, contract[name].example, { role });
        expect(r.ok, `${role} ${name}`).toBe(false);
        expect(!r.ok && r.error.code, `${role} ${name}`).toBe('refused');
        expect(!r.ok && r.error.message, `${role} ${name}`).toMatch(/^此设备的角色（.+）不能进行“.+”/);
        refused++;
      }
    expect(dumpDatabase(core)).toBe(before);
    expect(refused).toBeGreaterThan(lanRoles.length * 50);
  });

  it('let every call on the role’s list through to its handler', async () => {
    for (const role of lanRoles)
      for (const name of roleCalls[role]) {
        const r = await core.call(name, contract[name].example, { role });
        if (!r.ok) expect(r.error.message, `${role} ${name}`).not.toMatch(/^此设备的角色/);
      }
  });

  it('never give a device the directory, settings, backups, topics, follow-up or other meetings', () => {
    const off =
      /^(person|unit|sector|committee|department|settings|backup|topic|plan|followup|records|archive|meeting\.(list|create|update|setStatus|markHeld)|app|import|document|resolution)\b/;
    for (const role of lanRoles)
      expect(
        roleCalls[role].filter((n) => off.test(n)),
        role,
      ).toEqual([]);
  });

  it('leave the secretary every call but a device’s own', () => {
    for (const name of callNames) expect(mayCall('secretary', name), name).toBe(!deviceCalls.includes(name));
  });
});
