import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { LanRole } from '../../../shared/contract/roles';

/** A pairing code lives this long; each pairs one device and is spent. */
export const CODE_TTL_MS = 10 * 60 * 1000;
/** Failed pairings allowed per address per minute, and in all per minute (guessing is bounded). */
export const FAILS_PER_ADDRESS = 10;
export const FAILS_IN_ALL = 60;

// No 0/O, 1/I/L: read aloud or typed from the screen if a camera fails.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export interface Code {
  role: LanRole;
  code: string;
  expiresAt: number;
}

/** 10 symbols of 31: about 50 bits, against at most 60 guesses a minute for 10 minutes. */
export function newCode(role: LanRole, now: number): Code {
  let code = '';
  for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return { role, code, expiresAt: now + CODE_TTL_MS };
}

/** A device's token: 256 random bits. Only its hash is stored. */
export const newToken = () => randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Failures in the last minute, by address and in all. */
export class FailureLimit {
  private readonly byAddress = new Map<string, number[]>();
  private all: number[] = [];

  blocked(address: string, now: number): boolean {
    const recent = this.recent(address, now);
    this.all = this.all.filter((t) => now - t < 60_000);
    return recent.length >= FAILS_PER_ADDRESS || this.all.length >= FAILS_IN_ALL;
  }

  failed(address: string, now: number): void {
    this.byAddress.set(address, [...this.recent(address, now), now]);
    this.all.push(now);
  }

  private recent(address: string, now: number): number[] {
    return (this.byAddress.get(address) ?? []).filter((t) => now - t < 60_000);
  }
}

/** Calls per device: this many within 10 seconds at most (a stuck or hostile page cannot flood the core). */
export const CALLS_PER_10S = 60;

export class CallLimit {
  private readonly byDevice = new Map<number, number[]>();

  allow(deviceId: number, now: number): boolean {
    const recent = (this.byDevice.get(deviceId) ?? []).filter((t) => now - t < 10_000);
    if (recent.length >= CALLS_PER_10S) return false;
    recent.push(now);
    this.byDevice.set(deviceId, recent);
    return true;
  }
}
