import { describe, expect, it } from 'vitest';
import { isUpToDate, launchCommandFor, ourServerIdOf, refreshedEntry } from './launch-entry';

describe('ourServerIdOf', () => {
  it('recognises our entries by their shape, on any OS', () => {
    expect(ourServerIdOf({ command: '/usr/bin/node', args: ['/opt/app/out/host/mcp-tray-launcher.js', 'github'] })).toBe('github');
    expect(ourServerIdOf({ command: 'C:\\MCP Tray\\MCP Tray.exe', args: ['C:\\MCP Tray\\resources\\out\\host\\mcp-tray-launcher.js', 'weather'], env: { ELECTRON_RUN_AS_NODE: '1' } })).toBe('weather');
    expect(ourServerIdOf({ type: 'stdio', command: '/n', args: ['/x/mcp-tray-launcher.js', 'memory'] })).toBe('memory');
  });

  it('does not claim anything else', () => {
    expect(ourServerIdOf({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] })).toBeUndefined();
    expect(ourServerIdOf({ command: 'node', args: ['/x/launcher.js', 'github'] })).toBeUndefined();
    expect(ourServerIdOf({ command: 'node', args: ['/x/mcp-tray-launcher.js', 'github', '--extra'] })).toBeUndefined();
    expect(ourServerIdOf({ command: 'node', args: ['/x/mcp-tray-launcher.js', 'Not An Id'] })).toBeUndefined();
    expect(ourServerIdOf({ url: 'https://example.com/mcp' })).toBeUndefined();
    expect(ourServerIdOf('a string')).toBeUndefined();
  });
});

describe('entries', () => {
  const setup = { execPath: '/opt/node', launcherPath: '/opt/out/host/mcp-tray-launcher.js', env: { MCP_TRAY_HOME: '/data' } };

  it('builds the launch command from the setup, naming the client in MCP_TRAY_CLIENT', () => {
    expect(launchCommandFor('github', setup, 'cursor')).toEqual({
      command: '/opt/node',
      args: ['/opt/out/host/mcp-tray-launcher.js', 'github'],
      env: { MCP_TRAY_HOME: '/data', MCP_TRAY_CLIENT: 'cursor' },
    });
  });

  it('takes an entry without MCP_TRAY_CLIENT for ours, outdated, and repair adds it', () => {
    const wanted = { command: '/opt/node', args: ['/l/mcp-tray-launcher.js', 'x'], env: { MCP_TRAY_CLIENT: 'claude-desktop' } };
    const older = { command: '/opt/node', args: ['/l/mcp-tray-launcher.js', 'x'], env: { DEBUG: '1' } };
    expect(ourServerIdOf(older)).toBe('x');
    expect(isUpToDate(older, wanted)).toBe(false);
    expect(isUpToDate({ ...older, env: { MCP_TRAY_CLIENT: 'cursor' } }, wanted)).toBe(false);
    expect(refreshedEntry(older, wanted)).toEqual({ ...wanted, env: { DEBUG: '1', MCP_TRAY_CLIENT: 'claude-desktop' } });
  });

  it('compares type, command, args and managed variables only', () => {
    const wanted = { type: 'stdio', command: '/opt/node', args: ['/l/mcp-tray-launcher.js', 'x'], env: { MCP_TRAY_HOME: '/data' } };
    expect(isUpToDate({ ...wanted, env: { MCP_TRAY_HOME: '/data', DEBUG: '1' } }, wanted)).toBe(true);
    expect(isUpToDate({ ...wanted, type: undefined }, wanted)).toBe(false);
    expect(isUpToDate({ ...wanted, env: { MCP_TRAY_HOME: '/data', ELECTRON_RUN_AS_NODE: '1' } }, wanted)).toBe(false);
  });

  it('refreshes without losing what the user added, and drops an env that became empty', () => {
    const wanted = { command: '/new/node', args: ['/l/mcp-tray-launcher.js', 'x'] };
    expect(refreshedEntry({ command: '/old/node', args: ['/l/mcp-tray-launcher.js', 'x'], env: { ELECTRON_RUN_AS_NODE: '1' } }, wanted)).toEqual(wanted);
    expect(refreshedEntry({ command: '/old/node', args: [], env: { DEBUG: '1' } }, wanted)).toEqual({ ...wanted, env: { DEBUG: '1' } });
  });
});
