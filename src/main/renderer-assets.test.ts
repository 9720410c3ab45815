import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor } from '../surfaces/http/static-asset-path';
import { appResponseHeaders, resolveRendererAsset } from './renderer-assets';

const root = '/app/out/renderer';
const get = (url: string) => resolveRendererAsset(root, { url, method: 'GET' }, path.posix);

describe('resolveRendererAsset', () => {
  it('maps app URLs to files of the built UI', () => {
    expect(get('mcp-tray://app/index.html')).toEqual({ kind: 'file', filePath: '/app/out/renderer/index.html', contentType: 'text/html; charset=utf-8' });
    expect(get('mcp-tray://app/assets/index-CI.js')).toMatchObject({ filePath: '/app/out/renderer/assets/index-CI.js', contentType: 'text/javascript; charset=utf-8' });
    expect(get('mcp-tray://app/assets/my%20font.woff2')).toMatchObject({ filePath: '/app/out/renderer/assets/my font.woff2', contentType: 'font/woff2' });
  });

  it('answers UI routes (no extension) and the root with index.html', () => {
    for (const url of ['mcp-tray://app/', 'mcp-tray://app', 'mcp-tray://app/servers/weather', 'mcp-tray://app/logs?x=1#y']) {
      expect(get(url), url).toMatchObject({ kind: 'file', filePath: '/app/out/renderer/index.html' });
    }
  });

  it('never leaves the UI folder', () => {
    for (const url of [
      'mcp-tray://app/../../etc/passwd.txt',
      'mcp-tray://app/%2e%2e/%2e%2e/etc/passwd.txt',
      'mcp-tray://app/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.json',
    ]) {
      const lookup = get(url);
      if (lookup.kind === 'file') expect(lookup.filePath.startsWith(`${root}/`), url).toBe(true);
    }
  });

  it('refuses backslashes and NULs (Windows separators, C string ends)', () => {
    expect(get('mcp-tray://app/..%5C..%5Cwindows%5Cwin.ini')).toMatchObject({ kind: 'refused', status: 400 });
    expect(get('mcp-tray://app/index.html%00.png')).toMatchObject({ kind: 'refused', status: 400 });
    expect(get('mcp-tray://app/%E0%A4%A')).toMatchObject({ kind: 'refused', status: 400 });
  });

  it('stays inside the folder with Windows paths too', () => {
    const lookup = resolveRendererAsset('C:\\Apps\\MCP Tray\\out\\renderer', { url: 'mcp-tray://app/assets/a.css', method: 'GET' }, path.win32);
    expect(lookup).toEqual({ kind: 'file', filePath: 'C:\\Apps\\MCP Tray\\out\\renderer\\assets\\a.css', contentType: 'text/css; charset=utf-8' });
  });

  it('refuses other hosts, schemes and methods', () => {
    expect(get('mcp-tray://other/index.html')).toMatchObject({ kind: 'refused', status: 404 });
    expect(get('https://app/index.html')).toMatchObject({ kind: 'refused', status: 404 });
    expect(resolveRendererAsset(root, { url: 'mcp-tray://app/index.html', method: 'POST' }, path.posix)).toMatchObject({ kind: 'refused', status: 405 });
    expect(resolveRendererAsset(root, { url: 'mcp-tray://app/index.html', method: 'HEAD' }, path.posix)).toMatchObject({ kind: 'file' });
  });
});

describe('contentTypeFor and appResponseHeaders', () => {
  it('names module scripts as JavaScript (Chromium refuses a module with any other type) and unknown files as bytes', () => {
    expect(contentTypeFor('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('A.SVG')).toBe('image/svg+xml');
    expect(contentTypeFor('blob.bin')).toBe('application/octet-stream');
  });

  it('sends the CSP and forbids MIME sniffing on every response', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8', "default-src 'none'");
    expect(headers['Content-Security-Policy']).toBe("default-src 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});
