/**
 * The window's Content-Security-Policy, sent as a response header (by the mcp-tray:// handler for
 * the built UI, by a header hook for the dev server). Nothing loads from the network: the UI talks
 * to the manager only through the preload bridge.
 */
import type { RendererLocation } from './renderer-location';

type Directives = Record<string, readonly string[]>;

const BUNDLED_DIRECTIVES: Directives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  // React sets style attributes; inline styles cannot run code.
  'style-src': ["'self'", "'unsafe-inline'"],
  // Tool results may carry images and audio as data: URLs; exports are built as blob: URLs.
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'child-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

export function contentSecurityPolicy(location: RendererLocation): string {
  const directives: Directives =
    location.kind === 'bundled'
      ? BUNDLED_DIRECTIVES
      : {
          ...BUNDLED_DIRECTIVES,
          // Vite's React refresh preamble is an inline script, and hot reload talks over a WebSocket.
          'script-src': ["'self'", "'unsafe-inline'"],
          'connect-src': ["'self'", location.origin.replace(/^http:/, 'ws:')],
        };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
