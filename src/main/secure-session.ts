/**
 * Locks down the window's session and every web contents: our own scheme for the UI with its CSP
 * as a response header, no permissions, no navigation away, no new windows, no webviews; https
 * links go to the default browser instead.
 */
import { app, protocol, shell, type Session, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy } from './content-security-policy';
import { externalUrlToOpen } from './external-url';
import { appResponseHeaders, resolveRendererAsset } from './renderer-assets';
import { APP_SCHEME, isRendererUrl, type RendererLocation } from './renderer-location';
import { isAllowedSessionRequest } from './request-filter';
import { isPermissionGranted } from './web-permissions';

/** Must run before the app is ready: a standard, secure scheme gets an origin, storage and fetch like https. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built UI from `rendererDir` at mcp-tray://app/. */
export function serveRenderer(session: Session, rendererDir: string, location: RendererLocation): void {
  const policy = contentSecurityPolicy(location);
  const plain = (status: number, text: string) =>
    new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8', policy) });
  session.protocol.handle(APP_SCHEME, async (request) => {
    const lookup = resolveRendererAsset(rendererDir, { url: request.url, method: request.method });
    if (lookup.kind === 'refused') return plain(lookup.status, lookup.reason);
    try {
      const body = await readFile(lookup.filePath);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: appResponseHeaders(lookup.contentType, policy),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'EISDIR' ? plain(404, 'not found') : plain(500, 'could not read the file');
    }
  });
}

export function hardenSession(session: Session, location: RendererLocation, options: { devToolsEnabled: boolean }): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, location));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin, location));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedSessionRequest(details.url, location, options) });
  });
  if (location.kind === 'dev-server') {
    // The built UI gets its policy from our scheme handler; the dev server's pages get it here.
    const policy = contentSecurityPolicy(location);
    session.webRequest.onHeadersReceived({ urls: [`${location.origin}/*`] }, (details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
    });
  }
}

function openExternalIfSafe(url: string): void {
  const safe = externalUrlToOpen(url);
  if (safe) shell.openExternal(safe).catch(() => {
    // No default browser, or it refused: nothing more the app can do.
  });
}

function hardenWebContents(contents: WebContents, location: RendererLocation): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isRendererUrl(event.url, location)) return;
    event.preventDefault();
    openExternalIfSafe(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isRendererUrl(event.url, location)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isRendererUrl(event.url, location)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies hardenWebContents to every web contents the app ever creates, the main window's included. */
export function hardenAllWebContents(location: RendererLocation): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, location));
}
