import { timingSafeEqual } from 'node:crypto';
/**
 * The Content-Security-Policy of every page: only the app's own scripts and styles, no remote
 * content, no eval. connect-src 'self' lets the browser build reach its own /api and minutes
 * socket; the desktop app adds its loopback minutes endpoint (`connect`).
 */
export const contentSecurityPolicy = (connect: readonly string[] = []) =>
  CONTENT_SECURITY_POLICY.replace("connect-src 'self'", ["connect-src 'self'", ...connect].join(' '));

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Whether a secret given by a caller is ours, compared in constant time. */
export function sameSecret(given: string | null | undefined, ours: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(ours);
  return a.length === b.length && timingSafeEqual(a, b);
}
