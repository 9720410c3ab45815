import { isIP } from 'node:net';

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1 and the name localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '::ffff:127.0.0.1';
}

/** Host names a loopback server answers to (MCP basic/transports, "Security Warning": DNS rebinding). */
export const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];
