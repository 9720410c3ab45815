import { describe, expect, it } from 'vitest';
import { isAllowedSessionRequest } from './request-filter';
import { isPermissionGranted } from './web-permissions';

const bundled = { kind: 'bundled' } as const;
const dev = { kind: 'dev-server', origin: 'http://localhost:5173' } as const;

describe('isAllowedSessionRequest', () => {
  it('lets our scheme and in-page data through', () => {
    for (const url of ['mcp-tray://app/index.html', 'mcp-tray://app/assets/index.js', 'data:image/png;base64,AAAA', 'blob:mcp-tray://app/1234']) {
      expect(isAllowedSessionRequest(url, bundled, { devToolsEnabled: false }), url).toBe(true);
    }
  });

  it('cancels the network and the file system for the built UI', () => {
    for (const url of ['https://api.github.com/', 'http://localhost:5173/', 'file:///etc/passwd', 'ws://localhost:1/', 'devtools://devtools/x']) {
      expect(isAllowedSessionRequest(url, bundled, { devToolsEnabled: false }), url).toBe(false);
    }
  });

  it('allows the dev server (pages and hot-reload socket) and DevTools in development only', () => {
    const options = { devToolsEnabled: true };
    expect(isAllowedSessionRequest('http://localhost:5173/src/main.tsx', dev, options)).toBe(true);
    expect(isAllowedSessionRequest('ws://localhost:5173/', dev, options)).toBe(true);
    expect(isAllowedSessionRequest('devtools://devtools/bundled/inspector.html', dev, options)).toBe(true);
    expect(isAllowedSessionRequest('http://localhost:5174/', dev, options)).toBe(false);
    expect(isAllowedSessionRequest('https://example.com/', dev, options)).toBe(false);
    expect(isAllowedSessionRequest('not a url', dev, options)).toBe(false);
  });
});

describe('isPermissionGranted', () => {
  it('grants clipboard writing to our page and nothing else', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'mcp-tray://app/index.html', bundled)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'mcp-tray://app', bundled)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://example.com', bundled)).toBe(false);
  });

  it('denies every other permission, even to our page', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb', 'fullscreen', 'unknown']) {
      expect(isPermissionGranted(permission, 'mcp-tray://app/index.html', bundled), permission).toBe(false);
    }
  });
});
