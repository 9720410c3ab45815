import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLayout, browserProfileDir, unpackedPath } from './app-layout';

describe('unpackedPath', () => {
  it('points into app.asar.unpacked for files inside the archive', () => {
    expect(unpackedPath('/Applications/MCP Tray.app/Contents/Resources/app.asar/out/servers')).toBe(
      '/Applications/MCP Tray.app/Contents/Resources/app.asar.unpacked/out/servers',
    );
    expect(unpackedPath('C:\\Program Files\\MCP Tray\\resources\\app.asar\\resources')).toBe('C:\\Program Files\\MCP Tray\\resources\\app.asar.unpacked\\resources');
    expect(unpackedPath('/opt/MCP Tray/resources/app.asar')).toBe('/opt/MCP Tray/resources/app.asar.unpacked');
  });

  it('leaves other paths alone, including ones that merely contain the word', () => {
    expect(unpackedPath('/home/me/mcp-tray/out/servers')).toBe('/home/me/mcp-tray/out/servers');
    expect(unpackedPath('/home/me/app.asar.unpacked/x')).toBe('/home/me/app.asar.unpacked/x');
    expect(unpackedPath('/home/me/my-app.asar/x')).toBe('/home/me/my-app.asar/x');
  });
});

describe('appLayout', () => {
  it('in development, everything is under the project folder', () => {
    expect(appLayout('/work/main', path.posix)).toEqual({
      rendererDir: '/work/main/out/renderer',
      preloadPath: '/work/main/out/preload/index.cjs',
      serversDir: '/work/main/out/servers',
      resourcesDir: '/work/main/resources',
    });
  });

  it('packaged, what other processes read is unpacked and what only this process reads stays in the archive', () => {
    const layout = appLayout('/opt/MCP Tray/resources/app.asar', path.posix);
    expect(layout.serversDir).toBe('/opt/MCP Tray/resources/app.asar.unpacked/out/servers');
    expect(layout.resourcesDir).toBe('/opt/MCP Tray/resources/app.asar.unpacked/resources');
    expect(layout.rendererDir).toBe('/opt/MCP Tray/resources/app.asar/out/renderer');
    expect(layout.preloadPath).toBe('/opt/MCP Tray/resources/app.asar/out/preload/index.cjs');
  });
});

describe('browserProfileDir', () => {
  it('is a sub-folder of the shared data folder', () => {
    expect(browserProfileDir('/home/me/.config/MCP Tray', path.posix)).toBe('/home/me/.config/MCP Tray/browser-profile');
  });
});
