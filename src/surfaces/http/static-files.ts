/**
 * The built UI (out/renderer) over HTTP: the right content type for each file, long caching for
 * files whose names carry a content hash (Vite's assets/index-<hash>.js), none for index.html (so a
 * rebuilt UI is picked up), index.html for any other extension-less path (client-side routes), and
 * nothing outside the folder, hidden, or reached by a trick in the path.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeFor, decodeAssetPath } from './static-asset-path';
import { sendText } from './responses';

/** Vite names hashed files `<name>-<8+ url-safe base64 chars>.<ext>`. */
const HASHED_NAME = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const IMMUTABLE = 'private, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const INDEX_FILE = 'index.html';

function cacheControlOf(relativePath: string): string {
  return relativePath.startsWith('assets/') && HASHED_NAME.test(relativePath) ? IMMUTABLE : REVALIDATE;
}

/** The file a URL path names, relative to the root, or undefined when the path is not one we serve. */
function relativeFileOf(pathname: string): string | undefined {
  const decodedPath = decodeAssetPath(pathname);
  if (!decodedPath.ok) return undefined;
  const segments = decodedPath.decoded.split('/').filter((segment) => segment !== '');
  // No parent references and no hidden files; normalisation would otherwise turn /a/../../x into ../x.
  if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return undefined;
  if (segments.length === 0) return INDEX_FILE;
  return segments.join('/');
}

export class StaticFiles {
  private constructor(private readonly root: string) {}

  /** Fails when the folder has no index.html: the UI was never built. */
  static async open(root: string): Promise<StaticFiles> {
    const resolved = await realpath(root);
    await stat(path.join(resolved, INDEX_FILE));
    return new StaticFiles(resolved);
  }

  async serve(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    const relative = relativeFileOf(pathname);
    if (relative === undefined) return sendText(response, 404, 'Not found.');
    let found = await this.lookUp(relative);
    // Client-side routes (/servers/weather) are pages of the app; a missing /assets/x.js stays a 404.
    if (!found && path.extname(relative) === '') found = await this.lookUp(INDEX_FILE);
    if (!found) return sendText(response, 404, 'Not found.');

    response.writeHead(200, {
      'Content-Type': contentTypeFor(found.relative),
      'Content-Length': String(found.size),
      'Cache-Control': cacheControlOf(found.relative),
      'Last-Modified': found.modified.toUTCString(),
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const stream = createReadStream(found.absolute);
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  }

  private async lookUp(relative: string): Promise<{ relative: string; absolute: string; size: number; modified: Date } | undefined> {
    const candidate = path.join(this.root, relative);
    try {
      // realpath: a symlink inside the build must not lead outside it.
      const absolute = await realpath(candidate);
      if (absolute !== this.root && !absolute.startsWith(this.root + path.sep)) return undefined;
      const stats = await stat(absolute);
      if (!stats.isFile()) return undefined;
      return { relative, absolute, size: stats.size, modified: stats.mtime };
    } catch {
      return undefined;
    }
  }
}
