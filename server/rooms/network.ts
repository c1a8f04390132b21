import type { NetworkInterfaceInfo } from 'node:os';
import type { RoomAddress } from '../../shared/rooms/protocol';

export const LOOPBACK = '127.0.0.1';

/**
 * The IPv4 addresses participants' phones could reach, from `os.networkInterfaces()` (injected):
 * external ones first in the OS's order, then loopback (for trying a room on the laptop alone).
 * IPv6 is left out: phones on a meeting-room Wi-Fi reach the laptop by its IPv4 address, and a
 * link-local IPv6 URL cannot be typed or scanned reliably.
 */
export function roomAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): RoomAddress[] {
  const external: RoomAddress[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv4' && !info.internal) external.push({ name, address: info.address });
    }
  }
  return [...external, { name: 'loopback', address: LOOPBACK }];
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
