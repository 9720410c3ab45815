/**
 * What the two ways of serving the built UI (out/renderer) agree on: the headless host's HTTP
 * server (src/surfaces/http/static-files.ts) and the Electron app scheme (src/main/renderer-assets.ts).
 * They answer differently (404 versus 400, index.html fallback rules), so this module only decodes
 * and vets the path and names content types; each caller decides what a refusal means.
 * Kept free of electron so the headless host can load it.
 */
import path from 'node:path';

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

/** By extension, case-insensitively; unknown files are plain bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

type DecodedAssetPath =
  | { ok: true; decoded: string }
  | { ok: false; problem: 'malformed percent-encoding' | 'invalid character in path' };

/** The URL path percent-decoded, unless it cannot be decoded or holds a character no asset path may hold. */
export function decodeAssetPath(pathname: string): DecodedAssetPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, problem: 'malformed percent-encoding' };
  }
  // A backslash is a separator on Windows and a NUL truncates paths in native code: neither belongs in a UI asset path.
  if (decoded.includes('\\') || decoded.includes('\0')) return { ok: false, problem: 'invalid character in path' };
  return { ok: true, decoded };
}
