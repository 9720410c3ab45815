/**
 * Maps a request for mcp-tray://app/<path> to a file of the built UI (out/renderer), refusing
 * anything that would leave that folder. Paths without an extension are UI routes and get
 * index.html, so a reload on any route shows the app.
 */
import nodePath from 'node:path';
import { contentTypeFor, decodeAssetPath } from '../surfaces/http/static-asset-path';
import { APP_HOST, APP_SCHEME, parseUrl } from './renderer-location';

type AssetLookup =
  | { kind: 'file'; filePath: string; contentType: string }
  | { kind: 'refused'; status: 400 | 404 | 405; reason: string };

/**
 * `pathApi` is the platform's path module; tests pass path.win32 to check Windows separators.
 */
export function resolveRendererAsset(
  rendererDir: string,
  request: { url: string; method: string },
  pathApi: nodePath.PlatformPath = nodePath,
): AssetLookup {
  if (request.method !== 'GET' && request.method !== 'HEAD') return { kind: 'refused', status: 405, reason: `${request.method} is not allowed` };
  const url = parseUrl(request.url);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { kind: 'refused', status: 404, reason: 'not an app URL' };

  const decodedPath = decodeAssetPath(url.pathname);
  if (!decodedPath.ok) return { kind: 'refused', status: 400, reason: decodedPath.problem };

  let relative = nodePath.posix.normalize(decodedPath.decoded).replace(/^\/+/, '');
  if (relative === '' || relative === '.' || nodePath.posix.extname(relative) === '') relative = 'index.html';

  const root = pathApi.resolve(rendererDir);
  const filePath = pathApi.resolve(root, ...relative.split('/'));
  if (!filePath.startsWith(root + pathApi.sep)) return { kind: 'refused', status: 404, reason: 'outside the UI folder' };
  return { kind: 'file', filePath, contentType: contentTypeFor(filePath) };
}

/** Headers for every response of the app scheme. */
export function appResponseHeaders(contentType: string, contentSecurityPolicy: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // The files change only when the app is updated; never serve a stale UI after an update.
    'Cache-Control': 'no-cache',
  };
}
