import Conf from 'conf';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../shared/contract';
import { SettingsStore, defaultSettings, type SettingsBackendOptions } from './settings';

const checksModes = process.platform !== 'win32';

let root: string;
let dir: string;
let file: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-settings-'));
  dir = path.join(root, 'data');
  file = path.join(dir, 'settings.json');
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function openCollectingWarnings(): { store: SettingsStore; warnings: string[] } {
  const warnings: string[] = [];
  const store = SettingsStore.open({ dir, onWarning: (message) => warnings.push(message) });
  return { store, warnings };
}

function expectInvalidInput(action: () => unknown): ContractError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ContractError);
  expect((caught as ContractError).code).toBe('invalid_input');
  return caught as ContractError;
}

function filesAside(): string[] {
  return fs.readdirSync(dir).filter((name) => name.startsWith('settings.json.corrupt-'));
}

describe('SettingsStore', () => {
  it('starts from defaults in a new folder, created private', () => {
    const { store, warnings } = openCollectingWarnings();
    expect(store.get()).toEqual({
      app: { healthIntervalMs: 15_000, pingTimeoutMs: 5_000, callTimeoutMs: 60_000, logBufferSize: 5_000, maxMessageMb: 64, messageBufferMb: 8, startAtLogin: false, runUnannotatedToolsWithoutAsking: [], serverRequestTimeoutMs: 300_000 },
      servers: {},
      customServers: [],
      toolAccess: {},
    });
    expect(store.get()).toEqual(defaultSettings());
    expect(store.path).toBe(file);
    expect(warnings).toEqual([]);
    if (checksModes) expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('saves updates, privately, and reads them back after reopening', () => {
    const { store } = openCollectingWarnings();
    const saved = store.update((current) => ({
      ...current,
      app: { ...current.app, healthIntervalMs: 30_000 },
      servers: { weather: { env: { WEATHER_API_URL: 'http://127.0.0.1:9/v1' } }, github: { enabled: false, env: {} } },
      // Input form: the schema fills in args, env, secretEnv, enabled, autostart.
      customServers: [{ id: 'memory', name: 'Memory', command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] }],
    }));
    expect(saved.customServers[0]).toEqual({
      id: 'memory',
      name: 'Memory',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-memory'],
      env: {},
      secretEnv: [],
      enabled: true,
      autostart: true,
      sharing: 'per-session',
      roots: [],
    });
    expect(store.get()).toEqual(saved);
    if (checksModes) expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(onDisk).toEqual(saved);

    const reopened = openCollectingWarnings();
    expect(reopened.store.get()).toEqual(saved);
    expect(reopened.warnings).toEqual([]);
  });

  it('hands out copies, so only update() changes anything', () => {
    const { store } = openCollectingWarnings();
    const copy = store.get();
    copy.app.healthIntervalMs = 99_999;
    copy.customServers.push({ id: 'x', name: 'X', command: 'x', args: [], env: {}, secretEnv: [], enabled: true, autostart: true, sharing: 'per-session', roots: [] });
    expect(store.get()).toEqual(defaultSettings());
  });

  it('refuses an invalid update and writes nothing', () => {
    const { store } = openCollectingWarnings();
    store.update((current) => ({ ...current, app: { ...current.app, pingTimeoutMs: 2_000 } }));
    const before = fs.readFileSync(file);

    const error = expectInvalidInput(() =>
      store.update((current) => {
        // Even mutating the argument in place must not leak into the store.
        current.app.healthIntervalMs = 5;
        return current;
      }),
    );
    expect(error.message).toContain('app.healthIntervalMs');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(store.get().app).toMatchObject({ healthIntervalMs: 15_000, pingTimeoutMs: 2_000 });
  });

  it('keeps the servers whose unannotated tools run without asking, and refuses a name that is no server id', () => {
    const { store } = openCollectingWarnings();
    store.update((current) => ({ ...current, app: { ...current.app, runUnannotatedToolsWithoutAsking: ['memory'] } }));
    expect(openCollectingWarnings().store.get().app.runUnannotatedToolsWithoutAsking).toEqual(['memory']);

    const error = expectInvalidInput(() => store.update((current) => ({ ...current, app: { ...current.app, runUnannotatedToolsWithoutAsking: ['Not An Id'] } })));
    expect(error.message).toContain('app.runUnannotatedToolsWithoutAsking.0');
    expect(store.get().app.runUnannotatedToolsWithoutAsking).toEqual(['memory']);
  });

  it('creates no file when the very first update is invalid', () => {
    const { store } = openCollectingWarnings();
    expectInvalidInput(() => store.update((current) => ({ ...current, servers: { 'Not An Id': { env: {} } } })));
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses secrets in plain environment, without repeating the value', () => {
    const { store } = openCollectingWarnings();
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

    const bundledSecret = expectInvalidInput(() => store.update((current) => ({ ...current, servers: { github: { env: { GITHUB_TOKEN: 'anything' } } } })));
    expect(bundledSecret.message).toContain('GITHUB_TOKEN is a secret of "github"');
    expect(bundledSecret.message).toContain('keychain');

    const customSecret = expectInvalidInput(() =>
      store.update((current) => ({
        ...current,
        customServers: [{ id: 'memory', name: 'Memory', command: 'npx', env: { API_KEY: 'plain' }, secretEnv: ['API_KEY'] }],
      })),
    );
    expect(customSecret.message).toContain('API_KEY is a secret of "memory"');

    const customOverride = expectInvalidInput(() =>
      store.update((current) => ({
        ...current,
        customServers: [{ id: 'memory', name: 'Memory', command: 'npx', secretEnv: ['API_KEY'] }],
        servers: { memory: { env: { API_KEY: 'plain' } } },
      })),
    );
    expect(customOverride.message).toContain('API_KEY is a secret of "memory"');

    const tokenShaped = expectInvalidInput(() => store.update((current) => ({ ...current, servers: { weather: { env: { SOME_SETTING: token } } } })));
    expect(tokenShaped.message).toContain('looks like a token');
    expect(tokenShaped.message).not.toContain(token);

    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses custom servers that reuse a bundled id or each other’s id', () => {
    const { store } = openCollectingWarnings();
    const bundled = expectInvalidInput(() => store.update((current) => ({ ...current, customServers: [{ id: 'github', name: 'Mine', command: 'x' }] })));
    expect(bundled.message).toContain('bundled server');
    const duplicate = expectInvalidInput(() =>
      store.update((current) => ({
        ...current,
        customServers: [
          { id: 'memory', name: 'One', command: 'x' },
          { id: 'memory', name: 'Two', command: 'y' },
        ],
      })),
    );
    expect(duplicate.message).toContain('already used');
  });

  it('moves a file that is not JSON aside, byte for byte, warns, and starts from defaults', () => {
    fs.mkdirSync(dir, { recursive: true });
    const broken = Buffer.concat([Buffer.from('{"app": {"healthIntervalMs": 20000,'), Buffer.from([0xff, 0xfe, 0x00, 0x0a])]);
    fs.writeFileSync(file, broken);

    const { store, warnings } = openCollectingWarnings();
    expect(store.get()).toEqual(defaultSettings());
    const aside = filesAside();
    expect(aside).toHaveLength(1);
    const asidePath = path.join(dir, aside[0] ?? '');
    expect(fs.readFileSync(asidePath).equals(broken)).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(asidePath);
    expect(warnings[0]).toContain('not valid JSON');

    // The app carries on: the next update writes a fresh, valid file.
    store.update((current) => ({ ...current, app: { ...current.app, startAtLogin: true } }));
    expect(openCollectingWarnings().store.get().app.startAtLogin).toBe(true);
  });

  it('moves a file that fails the schema aside the same way, naming the problem', () => {
    fs.mkdirSync(dir, { recursive: true });
    const handEdited = '{\n  "app": { "healthIntervalMs": "fast" },\n  "customServers": []\n}\n';
    fs.writeFileSync(file, handEdited);

    const { store, warnings } = openCollectingWarnings();
    expect(store.get()).toEqual(defaultSettings());
    const aside = filesAside();
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toBe(handEdited);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('app.healthIntervalMs');
  });

  it('moves aside JSON that is not an object, and keeps every broken file when it happens twice', () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, '[]');
    openCollectingWarnings();
    fs.writeFileSync(file, '');
    const { warnings } = openCollectingWarnings();
    const contents = filesAside().map((name) => fs.readFileSync(path.join(dir, name), 'utf8'));
    expect(contents.sort()).toEqual(['', '[]']);
    expect(warnings).toHaveLength(1);
  });

  it('never quotes a token from a broken file in its warning', () => {
    fs.mkdirSync(dir, { recursive: true });
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    fs.writeFileSync(file, `{"servers": ${token}}`);
    const { warnings } = openCollectingWarnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toContain('ghp_');
  });

  it('says where a file stops being JSON', () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, '{\n  "app": {}\n  "servers": {}\n}\n');
    const { warnings } = openCollectingWarnings();
    expect(warnings[0]).toContain('not valid JSON (line 3, column 3)');
  });

  it('keeps unknown top-level keys, drops unknown keys inside known sections, and reads a byte-order mark', () => {
    fs.mkdirSync(dir, { recursive: true });
    const written = { app: { healthIntervalMs: 20_000, retiredKnob: true }, fromANewerVersion: { clients: ['claude'] } };
    fs.writeFileSync(file, `\uFEFF${JSON.stringify(written)}`);

    const { store, warnings } = openCollectingWarnings();
    expect(warnings).toEqual([]);
    expect(store.get().app.healthIntervalMs).toBe(20_000);
    expect(store.get()).not.toHaveProperty('fromANewerVersion');
    store.update((current) => current);

    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8')) as { app: Record<string, unknown>; fromANewerVersion?: unknown };
    expect(onDisk.fromANewerVersion).toEqual({ clients: ['claude'] });
    expect(onDisk.app).not.toHaveProperty('retiredKnob');
    expect(onDisk.app.healthIntervalMs).toBe(20_000);
  });

  it('refuses to start over a settings path it cannot read, and leaves it alone', () => {
    fs.mkdirSync(file, { recursive: true });
    let caught: unknown;
    try {
      SettingsStore.open({ dir });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContractError);
    expect((caught as ContractError).code).toBe('failed');
    expect((caught as ContractError).message).toContain(file);
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(filesAside()).toEqual([]);
  });

  it('writes through the backend it is given (the seam electron-store plugs into)', () => {
    const received: SettingsBackendOptions[] = [];
    const store = SettingsStore.open({
      dir,
      createBackend: (options) => {
        received.push(options);
        return new Conf<Record<string, unknown>>(options);
      },
    });
    store.update((current) => ({ ...current, app: { ...current.app, logBufferSize: 1_000 } }));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ cwd: dir, configName: 'settings', configFileMode: 0o600, clearInvalidConfig: false });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ app: { logBufferSize: 1_000 } });
  });
});
