/**
 * Where the app's files are, in development (the project folder) and packaged (inside app.asar).
 *
 * Packaging decision: files that another process must read are unpacked next to the archive
 * (electron-builder `asarUnpack`, see build/electron-builder.yml), because only Electron's own
 * fs understands app.asar paths:
 * - out/servers: bundled servers, spawned as children (Electron as node) by the manager and by
 *   clients such as Claude Desktop through the launcher;
 * - out/host: the CLI and launcher, which clients start with the app binary as node;
 * - resources: tray icons, handed to the OS tray by path on some desktops;
 * - node_modules/keytar: a native addon, which the OS loads from a real file.
 * The UI (out/renderer) and the preload stay in the archive: only this process reads them.
 */
import nodePath from 'node:path';

export interface AppLayout {
  /** The built UI, served through the mcp-tray:// scheme. */
  rendererDir: string;
  preloadPath: string;
  /**
   * Bundled servers (weather.js, github.js): the manager's Runtime.serversDir. The client registrar
   * finds the launcher next to it (../host/mcp-tray-launcher.js), which is unpacked too.
   */
  serversDir: string;
  /** Tray and window icons. */
  resourcesDir: string;
}

/** `…/app.asar/x` becomes `…/app.asar.unpacked/x`; a path outside an archive is returned unchanged. */
export function unpackedPath(filePath: string): string {
  return filePath.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}

/** `appPath` is Electron's app.getAppPath(): the project folder in development, …/resources/app.asar when packaged. */
export function appLayout(appPath: string, pathApi: nodePath.PlatformPath = nodePath): AppLayout {
  const inApp = (...parts: string[]) => pathApi.join(appPath, ...parts);
  return {
    rendererDir: inApp('out', 'renderer'),
    preloadPath: inApp('out', 'preload', 'index.cjs'),
    serversDir: unpackedPath(inApp('out', 'servers')),
    resourcesDir: unpackedPath(inApp('resources')),
  };
}

/**
 * Chromium's own files (cache, the page's local storage) and the single-instance lock live in this
 * sub-folder of the data folder, so one data folder means one app instance, and a test's temporary
 * MCP_TRAY_HOME leaves nothing behind elsewhere.
 */
export function browserProfileDir(dataDir: string, pathApi: nodePath.PlatformPath = nodePath): string {
  return pathApi.join(dataDir, 'browser-profile');
}
