import { describe, expect, it } from 'vitest';
import { chooseRendererLocation, isRendererUrl, rendererEntryUrl } from './renderer-location';

describe('chooseRendererLocation', () => {
  it('uses the built UI in a packaged app, whatever the environment says', () => {
    expect(chooseRendererLocation({ isPackaged: true, devServerUrl: 'http://localhost:5173' })).toEqual({ kind: 'bundled' });
  });

  it('uses a dev server on this machine in development', () => {
    expect(chooseRendererLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173/' })).toEqual({
      kind: 'dev-server',
      origin: 'http://localhost:5173',
    });
    expect(chooseRendererLocation({ isPackaged: false, devServerUrl: 'http://127.0.0.1:5174' })).toEqual({
      kind: 'dev-server',
      origin: 'http://127.0.0.1:5174',
    });
  });

  it('refuses a dev server URL that is remote, not http, or not a URL', () => {
    for (const devServerUrl of ['http://evil.example:5173', 'https://localhost:5173', 'file:///tmp/x.html', 'not a url', '']) {
      expect(chooseRendererLocation({ isPackaged: false, devServerUrl })).toEqual({ kind: 'bundled' });
    }
  });
});

describe('rendererEntryUrl', () => {
  it('is our scheme for the built UI and the dev server root in development', () => {
    expect(rendererEntryUrl({ kind: 'bundled' })).toBe('mcp-tray://app/index.html');
    expect(rendererEntryUrl({ kind: 'dev-server', origin: 'http://localhost:5173' })).toBe('http://localhost:5173/');
  });
});

describe('isRendererUrl', () => {
  const bundled = { kind: 'bundled' } as const;
  const dev = { kind: 'dev-server', origin: 'http://localhost:5173' } as const;

  it('accepts any page of our own renderer', () => {
    expect(isRendererUrl('mcp-tray://app/index.html', bundled)).toBe(true);
    expect(isRendererUrl('mcp-tray://app/servers/weather?tab=logs#x', bundled)).toBe(true);
    expect(isRendererUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isRendererUrl('http://localhost:5173/index.html#/logs', dev)).toBe(true);
  });

  it('refuses other hosts, schemes, ports and look-alikes', () => {
    for (const url of [
      'mcp-tray://evil/index.html',
      'mcp-tray://app.evil/index.html',
      'mcp-tray://user:pw@app/index.html',
      'file:///work/main/out/renderer/index.html',
      'https://app/index.html',
      'about:blank',
      '',
    ]) {
      expect(isRendererUrl(url, bundled), url).toBe(false);
    }
    for (const url of ['http://localhost:5174/', 'https://localhost:5173/', 'http://localhost.evil:5173/', 'mcp-tray://app/index.html']) {
      expect(isRendererUrl(url, dev), url).toBe(false);
    }
  });
});
