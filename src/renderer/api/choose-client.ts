/**
 * Picks the UI's transport once, at start: Electron's preload bridge when the page runs inside
 * MCP Tray's window, otherwise HTTP to the headless host that served the page. Nothing else in the
 * UI knows which one it got.
 */
import type { PreloadBridge } from '../../shared/bridge';
import type { ApiClient } from './api-client';
import { createHttpClient } from './http-client';
import { createIpcClient } from './ipc-client';

function isPreloadBridge(value: unknown): value is PreloadBridge {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.methods === 'object' && candidate.methods !== null && typeof candidate.events === 'object' && candidate.events !== null;
}

/**
 * The page was opened with the host's link (`/?token=…`). The host has already answered with the
 * session cookie, so the token is dropped from the address bar: out of the history, bookmarks and
 * anything copied from there.
 */
function forgetLinkToken(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

let chosen: ApiClient | undefined;

/** The one ApiClient of this page (one event connection, however many callers ask). */
export function chooseApiClient(): ApiClient {
  if (chosen) return chosen;
  const bridge: unknown = (window as unknown as { mcpTray?: unknown }).mcpTray;
  if (bridge !== undefined) {
    if (!isPreloadBridge(bridge)) throw new Error('MCP Tray\'s window bridge is incomplete (no methods or events): the preload script and the UI do not match. Rebuild MCP Tray.');
    chosen = createIpcClient(bridge);
  } else {
    forgetLinkToken();
    chosen = createHttpClient(window.location.origin);
  }
  return chosen;
}
