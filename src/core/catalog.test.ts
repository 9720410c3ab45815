import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServerCatalog } from './catalog';
import { SettingsStore } from './settings';

const runtime = { execPath: process.execPath, runAsNode: false, serversDir: '/servers' };

let dir: string;
let store: SettingsStore;
let changes: string[][];
let catalog: ServerCatalog;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-catalog-'));
  store = SettingsStore.open({ dir });
  changes = [];
  catalog = new ServerCatalog(store, runtime, (serverIds) => changes.push(serverIds));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ServerCatalog.patch', () => {
  it('edits a bundled server\'s overrides one field at a time, keeping the others, and saves them', () => {
    catalog.patch('weather', { enabled: false });
    catalog.patch('weather', { env: { WEATHER_API_URL: 'http://127.0.0.1:1' } });
    catalog.patch('weather', { autostart: false });
    expect(catalog.get('weather')).toMatchObject({ enabled: false, autostart: false, env: { WEATHER_API_URL: 'http://127.0.0.1:1' } });
    expect(store.get().servers.weather).toEqual({ enabled: false, autostart: false, env: { WEATHER_API_URL: 'http://127.0.0.1:1' } });
    expect(changes).toEqual([
      ['weather', 'github'],
      ['weather', 'github'],
      ['weather', 'github'],
    ]);
  });

  it('edits a custom server with the same rule, keeping its other fields', () => {
    catalog.addCustom({ id: 'echo', name: 'Echo', command: 'node', args: ['echo.js'], env: { MODE: 'calm' }, secretEnv: ['TOKEN'], enabled: true, autostart: true, sharing: 'per-session', roots: [] });
    catalog.patch('echo', { enabled: false });
    catalog.patch('echo', { env: { MODE: 'loud' } });
    expect(store.get().customServers).toEqual([
      { id: 'echo', name: 'Echo', command: 'node', args: ['echo.js'], env: { MODE: 'loud' }, secretEnv: ['TOKEN'], enabled: false, autostart: true, sharing: 'per-session', roots: [] },
    ]);
  });

  it('refuses to change a bundled server\'s command, and a server that does not exist, saving nothing', () => {
    expect(() => catalog.patch('github', { command: 'evil' })).toThrow(/"github" is a bundled server: it can be disabled, not edited or removed/);
    expect(() => catalog.patch('nope', { enabled: false })).toThrow(/There is no server "nope"/);
    expect(store.get().servers).toEqual({});
    expect(changes).toEqual([]);
  });
});
