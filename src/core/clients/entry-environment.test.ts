import { describe, expect, it } from 'vitest';
import { entryEnvironment } from './entry-environment';
import { busAddressToRegister, conventionalBusSocketPaths, resolveLauncherBusAddress } from '../../shared/node/session-bus';

const base = {
  runAsNode: false,
  dataDir: '/home/ada/.config/MCP Tray',
  keychainService: 'MCP Tray',
  env: {},
  platform: 'linux' as const,
  homeDir: '/home/ada',
  uid: 1000,
};

describe('entryEnvironment', () => {
  it('is empty for a default install in plain node', () => {
    expect(entryEnvironment(base)).toEqual({});
  });

  it('carries ELECTRON_RUN_AS_NODE under Electron', () => {
    expect(entryEnvironment({ ...base, runAsNode: true })).toEqual({ ELECTRON_RUN_AS_NODE: '1' });
  });

  it('carries a data folder and keychain service that differ from the defaults', () => {
    expect(entryEnvironment({ ...base, dataDir: '/tmp/test-data', keychainService: 'MCP Tray test 1234' })).toEqual({
      MCP_TRAY_HOME: '/tmp/test-data',
      MCP_TRAY_KEYCHAIN_SERVICE: 'MCP Tray test 1234',
    });
  });

  it('carries a data folder found through XDG_CONFIG_HOME, which a client may not pass on', () => {
    expect(entryEnvironment({ ...base, dataDir: '/xdg/MCP Tray', env: { XDG_CONFIG_HOME: '/xdg' } })).toEqual({ MCP_TRAY_HOME: '/xdg/MCP Tray' });
  });

  it('needs nothing for the default Windows and macOS folders', () => {
    expect(entryEnvironment({ ...base, platform: 'win32', homeDir: 'C:\\Users\\Ada', dataDir: 'C:\\Users\\Ada\\AppData\\Roaming\\MCP Tray' })).toEqual({});
    expect(entryEnvironment({ ...base, platform: 'darwin', homeDir: '/Users/ada', dataDir: '/Users/ada/Library/Application Support/MCP Tray' })).toEqual({});
  });

  it('carries an unconventional session bus under its own name, never the conventional one', () => {
    expect(entryEnvironment({ ...base, env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus' } })).toEqual({});
    expect(entryEnvironment({ ...base, env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/tmp/keyring/bus/socket' } })).toEqual({
      MCP_TRAY_DBUS_SESSION_BUS_ADDRESS: 'unix:path=/tmp/keyring/bus/socket',
    });
  });
});

describe('session bus', () => {
  it('knows the conventional sockets', () => {
    expect(conventionalBusSocketPaths({ XDG_RUNTIME_DIR: '/run/user/1000/' }, 1000)).toEqual(['/run/user/1000/bus']);
    expect(conventionalBusSocketPaths({ XDG_RUNTIME_DIR: '/tmp/rt' }, 1000)).toEqual(['/tmp/rt/bus', '/run/user/1000/bus']);
    expect(conventionalBusSocketPaths({ XDG_RUNTIME_DIR: 'relative' }, undefined)).toEqual([]);
  });

  it('registers nothing off Linux or for the conventional address', () => {
    expect(busAddressToRegister({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/x' }, 'darwin', 501)).toBeUndefined();
    expect(busAddressToRegister({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/tmp/rt/bus', XDG_RUNTIME_DIR: '/tmp/rt' }, 'linux', 1000)).toBeUndefined();
    expect(busAddressToRegister({}, 'linux', 1000)).toBeUndefined();
    expect(busAddressToRegister({ DBUS_SESSION_BUS_ADDRESS: 'unix:abstract=/tmp/dbus-x,guid=1' }, 'linux', 1000)).toBe('unix:abstract=/tmp/dbus-x,guid=1');
  });

  it('lets the launcher prefer the live address, then the registered one, then an existing conventional socket', () => {
    const none = () => false;
    expect(resolveLauncherBusAddress({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/live', MCP_TRAY_DBUS_SESSION_BUS_ADDRESS: 'unix:path=/old' }, 1000, none)).toBe('unix:path=/live');
    expect(resolveLauncherBusAddress({ MCP_TRAY_DBUS_SESSION_BUS_ADDRESS: 'unix:path=/old' }, 1000, none)).toBe('unix:path=/old');
    expect(resolveLauncherBusAddress({}, 1000, (socket) => socket === '/run/user/1000/bus')).toBe('unix:path=/run/user/1000/bus');
    expect(resolveLauncherBusAddress({ XDG_RUNTIME_DIR: '/tmp/rt' }, 1000, (socket) => socket === '/tmp/rt/bus')).toBe('unix:path=/tmp/rt/bus');
    expect(resolveLauncherBusAddress({}, 1000, none)).toBeUndefined();
  });
});
