import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYCHAIN_SERVICE } from '../vocabulary';
import { resolveDataDir, resolveKeychainService } from './data-dir';

describe('resolveDataDir', () => {
  it('uses ~/Library/Application Support on macOS', () => {
    expect(resolveDataDir({}, 'darwin', '/Users/ada')).toBe('/Users/ada/Library/Application Support/MCP Tray');
  });

  it('uses %APPDATA% on Windows', () => {
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\Ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\Ada')).toBe(
      'C:\\Users\\Ada\\AppData\\Roaming\\MCP Tray',
    );
  });

  it('falls back to ~\\AppData\\Roaming on Windows when APPDATA is missing, blank or relative', () => {
    const expected = 'C:\\Users\\Ada\\AppData\\Roaming\\MCP Tray';
    expect(resolveDataDir({}, 'win32', 'C:\\Users\\Ada')).toBe(expected);
    expect(resolveDataDir({ APPDATA: '' }, 'win32', 'C:\\Users\\Ada')).toBe(expected);
    expect(resolveDataDir({ APPDATA: 'Roaming' }, 'win32', 'C:\\Users\\Ada')).toBe(expected);
  });

  it('uses $XDG_CONFIG_HOME on Linux', () => {
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/home/ada/.cfg' }, 'linux', '/home/ada')).toBe('/home/ada/.cfg/MCP Tray');
  });

  it('falls back to ~/.config on Linux when XDG_CONFIG_HOME is missing, blank or relative', () => {
    expect(resolveDataDir({}, 'linux', '/home/ada')).toBe('/home/ada/.config/MCP Tray');
    expect(resolveDataDir({ XDG_CONFIG_HOME: ' ' }, 'linux', '/home/ada')).toBe('/home/ada/.config/MCP Tray');
    expect(resolveDataDir({ XDG_CONFIG_HOME: 'relative/cfg' }, 'linux', '/home/ada')).toBe('/home/ada/.config/MCP Tray');
  });

  it('treats other Unixes like Linux', () => {
    expect(resolveDataDir({}, 'freebsd', '/home/ada')).toBe('/home/ada/.config/MCP Tray');
  });

  it('lets MCP_TRAY_HOME override the folder on every OS', () => {
    expect(resolveDataDir({ MCP_TRAY_HOME: '/tmp/tray', XDG_CONFIG_HOME: '/x' }, 'linux', '/home/ada')).toBe('/tmp/tray');
    expect(resolveDataDir({ MCP_TRAY_HOME: '/tmp/tray' }, 'darwin', '/Users/ada')).toBe('/tmp/tray');
    expect(resolveDataDir({ MCP_TRAY_HOME: 'D:\\tray', APPDATA: 'C:\\Roaming' }, 'win32', 'C:\\Users\\Ada')).toBe('D:\\tray');
  });

  it('resolves a relative MCP_TRAY_HOME against the current folder and ignores a blank one', () => {
    expect(resolveDataDir({ MCP_TRAY_HOME: 'tray-data' }, process.platform, '/home/ada')).toBe(path.resolve('tray-data'));
    expect(resolveDataDir({ MCP_TRAY_HOME: '' }, 'linux', '/home/ada')).toBe('/home/ada/.config/MCP Tray');
  });
});

describe('resolveKeychainService', () => {
  it('defaults to "MCP Tray"', () => {
    expect(resolveKeychainService({})).toBe('MCP Tray');
    expect(DEFAULT_KEYCHAIN_SERVICE).toBe('MCP Tray');
    expect(resolveKeychainService({ MCP_TRAY_KEYCHAIN_SERVICE: '  ' })).toBe('MCP Tray');
  });

  it('uses MCP_TRAY_KEYCHAIN_SERVICE when set', () => {
    expect(resolveKeychainService({ MCP_TRAY_KEYCHAIN_SERVICE: 'MCP Tray test 1234' })).toBe('MCP Tray test 1234');
  });
});
