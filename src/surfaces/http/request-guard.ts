/**
 * Who may talk to the headless host at all, before any token is looked at.
 *
 * - It listens on 127.0.0.1 only: the UI starts processes and reads logs, so the network must not reach it.
 * - Host must name this very listener (127.0.0.1:<port> or localhost:<port>). A page on evil.example
 *   whose DNS is re-bound to 127.0.0.1 sends `Host: evil.example:<port>` and is refused (DNS rebinding).
 * - Origin, when the browser sends one, must be this listener too. Cookies are not port-scoped, so a
 *   page on another local port (`http://127.0.0.1:3000`) would carry our cookie; its Origin gives it away.
 * - API requests must not come from another site at all (Sec-Fetch-Site), another layer against the same.
 */
import type { IncomingMessage } from 'node:http';

export const LOOPBACK_ADDRESS = '127.0.0.1';
const LOOPBACK_NAMES = [LOOPBACK_ADDRESS, 'localhost'] as const;

/** The host names a person may pass (`--host`); both mean 127.0.0.1. */
export function isLoopbackHostName(host: string): boolean {
  return (LOOPBACK_NAMES as readonly string[]).includes(host.toLowerCase());
}

export function refuseNonLoopbackHost(host: string): string {
  return (
    `mcp-tray serve listens on ${LOOPBACK_ADDRESS} only, not on "${host}": the UI can start programs and read their logs, ` +
    'so it must never be reachable from the network. To use it from another machine, forward the port over SSH (ssh -L).'
  );
}

/** The origins of this listener, as a browser writes them. */
function allowedOrigins(port: number): string[] {
  return LOOPBACK_NAMES.map((name) => `http://${name}:${port}`);
}

type GuardVerdict = { allowed: true } | { allowed: false; reason: string };

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function checkHostAndOrigin(request: IncomingMessage, port: number): GuardVerdict {
  const host = single(request.headers.host)?.toLowerCase();
  const hosts = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
  if (host === undefined || !hosts.includes(host)) {
    return { allowed: false, reason: `This server answers only to ${hosts.join(' or ')}; the request named another host.` };
  }
  const origin = single(request.headers.origin);
  if (origin !== undefined && !allowedOrigins(port).includes(origin.toLowerCase())) {
    return { allowed: false, reason: 'Requests from other web pages are refused.' };
  }
  return { allowed: true };
}

/** For /api only: documents may be opened from anywhere (a link in a terminal or chat), calls may not. */
export function checkApiFetchSite(request: IncomingMessage): GuardVerdict {
  const site = single(request.headers['sec-fetch-site']);
  if (site === undefined || site === 'same-origin' || site === 'none') return { allowed: true };
  return { allowed: false, reason: 'Requests from other web pages are refused.' };
}
