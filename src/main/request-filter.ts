/**
 * Which requests the window's session lets through: our own pages and assets, the dev server in
 * development, and in-page data. Everything else is cancelled, a second fence behind the CSP.
 */
import { APP_SCHEME, parseUrl, type RendererLocation } from './renderer-location';

const ALWAYS_ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set([`${APP_SCHEME}:`, 'data:', 'blob:']);
/** DevTools load their own pages through these; they are enabled in unpackaged builds only. */
const DEVTOOLS_PROTOCOLS: ReadonlySet<string> = new Set(['devtools:', 'chrome-extension:']);

export function isAllowedSessionRequest(url: string, location: RendererLocation, options: { devToolsEnabled: boolean }): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (ALWAYS_ALLOWED_PROTOCOLS.has(parsed.protocol)) return true;
  if (DEVTOOLS_PROTOCOLS.has(parsed.protocol)) return options.devToolsEnabled;
  if (location.kind === 'bundled') return false;
  const devServer = new URL(location.origin);
  const sameHostAndPort = parsed.host === devServer.host;
  return sameHostAndPort && (parsed.protocol === 'http:' || parsed.protocol === 'ws:');
}
