/**
 * Maps a request for mcp-tray://app/<path> to a file of the built UI (out/renderer), refusing
 * anything that would leave that folder. Paths without an extension are UI routes and get
 * index.html, so a reload on any route shows the app.
 */
import nodePath from 'node:path';
import { APP_HOST, APP_SCHEME, parseUrl } from './renderer-location';

export type AssetLookup =
  | { kind: 'file'; filePath: string; contentType: string }
  | { kind: 'refused'; status: 400 | 404 | 405; reason: string };

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[nodePath.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

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

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', status: 400, reason: 'malformed percent-encoding' };
  }
  // A backslash is a separator on Windows and a NUL truncates paths in native code: neither belongs in a UI asset path.
  if (decoded.includes('\\') || decoded.includes('\0')) return { kind: 'refused', status: 400, reason: 'invalid character in path' };

  let relative = nodePath.posix.normalize(decoded).replace(/^\/+/, '');
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
