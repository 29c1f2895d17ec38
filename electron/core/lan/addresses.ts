import type { NetworkInterfaceInfo } from 'node:os';

/** Whether an IPv4 address is in a private range (RFC 1918): 10/8, 172.16/12, 192.168/16. */
export function isPrivateIPv4(address: string): boolean {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return false;
  const [a, b] = parts;
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * The addresses 会场互联 may listen on: this machine's private-range IPv4 addresses (the room's
 * LAN, the laptop's own hotspot), never a public one, never link-local, never loopback (which the
 * secretary's own windows keep to themselves). Sorted, without duplicates.
 */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  const found = new Set<string>();
  for (const infos of Object.values(interfaces))
    for (const info of infos ?? [])
      if (info.family === 'IPv4' && !info.internal && isPrivateIPv4(info.address)) found.add(info.address);
  return [...found].sort();
}
