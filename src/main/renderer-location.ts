/**
 * Where the window's page comes from, and how to recognise it. The built UI is served from our
 * own scheme (mcp-tray://app/), not file://: the page gets an origin of its own, cannot read other
 * local files, and receives its Content-Security-Policy as a real response header. Under
 * `electron-vite dev` the page comes from Vite's dev server instead, but only in an unpackaged app:
 * an installed app never loads a URL taken from the environment.
 */

export const APP_SCHEME = 'mcp-tray';
export const APP_HOST = 'app';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export type RendererLocation =
  | { kind: 'bundled' }
  /** The dev server's origin, e.g. http://localhost:5173. */
  | { kind: 'dev-server'; origin: string };

export function chooseRendererLocation(options: { isPackaged: boolean; devServerUrl: string | undefined }): RendererLocation {
  if (options.isPackaged || !options.devServerUrl) return { kind: 'bundled' };
  const url = parseUrl(options.devServerUrl);
  // Only a dev server on this machine: anything else in that variable is a mistake or an attack.
  if (!url || url.protocol !== 'http:' || !isLoopbackHost(url.hostname)) return { kind: 'bundled' };
  return { kind: 'dev-server', origin: url.origin };
}

/** What the window loads first. */
export function rendererEntryUrl(location: RendererLocation): string {
  return location.kind === 'bundled' ? `${APP_ORIGIN}/index.html` : `${location.origin}/`;
}

/** True when `url` is a page of our renderer (any path of it: the UI may route by path). */
export function isRendererUrl(url: string, location: RendererLocation): boolean {
  const parsed = parseUrl(url);
  if (!parsed || parsed.username !== '' || parsed.password !== '') return false;
  if (location.kind === 'bundled') return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  // The scheme is special (http), so `origin` is meaningful and includes the port.
  return parsed.protocol === 'http:' && parsed.origin === location.origin;
}

export function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}
