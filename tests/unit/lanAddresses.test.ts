import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isPrivateIPv4, lanAddresses } from '../../electron/core/lan/addresses';

const v4 = (address: string, internal = false) =>
  ({ address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '', cidr: null }) as NetworkInterfaceInfo;
const v6 = (address: string) =>
  ({ address, family: 'IPv6', internal: false, netmask: '', mac: '', cidr: null, scopeid: 0 }) as NetworkInterfaceInfo;

describe('the addresses 会场互联 may listen on', () => {
  it('are the private ranges of RFC 1918 only', () => {
    for (const a of ['10.0.0.1', '10.255.255.254', '172.16.0.1', '172.31.255.1', '192.168.0.1', '192.168.137.1'])
      expect(isPrivateIPv4(a), a).toBe(true);
    for (const a of [
      '8.8.8.8',
      '172.15.0.1',
      '172.32.0.1',
      '192.169.0.1',
      '11.0.0.1',
      '169.254.3.4',
      '127.0.0.1',
      '100.64.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '192.168.1',
      '192.168.1.300',
      'x.y.z.w',
    ])
      expect(isPrivateIPv4(a), a).toBe(false);
  });

  it('takes the machine’s private IPv4 addresses and leaves out loopback, link-local, public and IPv6', () => {
    expect(
      lanAddresses({
        lo: [v4('127.0.0.1', true)],
        wlan0: [v4('192.168.137.1'), v6('fe80::1')],
        eth0: [v4('10.2.3.4'), v4('203.0.113.9')],
        docker0: [v4('172.17.0.1')],
        usb0: [v4('169.254.10.2')],
        again: [v4('10.2.3.4')],
      }),
    ).toEqual(['10.2.3.4', '172.17.0.1', '192.168.137.1']);
    expect(lanAddresses({})).toEqual([]);
  });
});
