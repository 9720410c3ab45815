import { describe, expect, it } from 'vitest';
import { classify, planRegister, planRepair, planUnregister } from './config-plan';

const LAUNCHER = '/opt/mcp-tray/out/host/mcp-tray-launcher.js';
const ours = (serverId: string, command = '/opt/node', env?: Record<string, string>) => ({ command, args: [LAUNCHER, serverId], ...(env ? { env } : {}) });
const wanted = new Map([
  ['weather', ours('weather', '/opt/node', { MCP_TRAY_HOME: '/data' })],
  ['github', ours('github', '/opt/node', { MCP_TRAY_HOME: '/data' })],
]);

describe('classify', () => {
  it('tells registered, not registered, outdated and conflict apart', () => {
    const servers = {
      weather: ours('weather', '/opt/node', { MCP_TRAY_HOME: '/data' }),
      github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] },
    };
    expect(classify(servers, wanted)).toEqual([
      { serverId: 'weather', entryName: 'weather', state: 'registered' },
      { serverId: 'github', entryName: 'github', state: 'conflict' },
    ]);
    expect(classify({}, wanted).map((server) => server.state)).toEqual(['not registered', 'not registered']);
  });

  it('calls an entry of ours outdated when the runtime, the launcher or a managed variable changed', () => {
    const moved = { weather: ours('weather', '/Applications/Old.app/node', { MCP_TRAY_HOME: '/data' }) };
    expect(classify(moved, wanted)[0]).toEqual({ serverId: 'weather', entryName: 'weather', state: 'outdated' });
    const otherHome = { weather: ours('weather', '/opt/node', { MCP_TRAY_HOME: '/elsewhere' }) };
    expect(classify(otherHome, wanted)[0]?.state).toBe('outdated');
    const otherLauncher = { weather: { command: '/opt/node', args: ['/old/place/mcp-tray-launcher.js', 'weather'], env: { MCP_TRAY_HOME: '/data' } } };
    expect(classify(otherLauncher, wanted)[0]?.state).toBe('outdated');
  });

  it('ignores variables the user added to our entry', () => {
    const servers = { weather: ours('weather', '/opt/node', { MCP_TRAY_HOME: '/data', LOG_LEVEL: 'debug' }) };
    expect(classify(servers, wanted)[0]?.state).toBe('registered');
  });

  it('finds our entry under another name', () => {
    const servers = { github: { command: 'npx' }, 'github-mcp-tray': ours('github', '/opt/node', { MCP_TRAY_HOME: '/data' }) };
    expect(classify(servers, wanted)[1]).toEqual({ serverId: 'github', entryName: 'github-mcp-tray', state: 'registered' });
  });
});

describe('planRegister', () => {
  it('adds what is missing and nothing when everything is registered (idempotent)', () => {
    const first = planRegister({}, wanted, false);
    expect(first.operations.map((operation) => [operation.kind, operation.name])).toEqual([
      ['set', 'weather'],
      ['set', 'github'],
    ]);
    const registered = Object.fromEntries([...wanted]);
    expect(planRegister(registered, wanted, false)).toEqual({ operations: [], conflicts: [] });
  });

  it('never replaces a foreign entry; with renameOnConflict it picks a free name', () => {
    const foreign = { github: { command: 'npx' } };
    expect(planRegister(foreign, wanted, false)).toEqual({
      operations: [{ kind: 'set', serverId: 'weather', name: 'weather', value: wanted.get('weather'), replaces: false }],
      conflicts: ['github'],
    });
    const renamed = planRegister({ ...foreign, 'github-mcp-tray': { command: 'someone else' } }, wanted, true);
    expect(renamed.conflicts).toEqual([]);
    expect(renamed.operations.map((operation) => operation.name)).toEqual(['weather', 'github-mcp-tray-2']);
  });

  it('refreshes an outdated entry in place, keeping its name, its extra keys and the user variables', () => {
    const servers = { 'my-weather': { ...ours('weather', '/old/node', { MCP_TRAY_HOME: '/old', LOG_LEVEL: 'debug' }), disabled: false } };
    const plan = planRegister(servers, new Map([['weather', wanted.get('weather')!]]), false);
    expect(plan.operations).toEqual([
      {
        kind: 'set',
        serverId: 'weather',
        name: 'my-weather',
        replaces: true,
        value: { command: '/opt/node', args: [LAUNCHER, 'weather'], env: { LOG_LEVEL: 'debug', MCP_TRAY_HOME: '/data' }, disabled: false },
      },
    ]);
  });
});

describe('planRepair', () => {
  it('touches only outdated entries of ours and adds nothing', () => {
    const servers = { weather: ours('weather', '/old/node'), github: { command: 'npx' } };
    expect(planRepair(servers, wanted).map((operation) => [operation.kind, operation.name])).toEqual([['set', 'weather']]);
  });
});

describe('planUnregister', () => {
  it('removes only our entries, whatever their name, and never a foreign one', () => {
    const servers = {
      weather: ours('weather'),
      github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] },
      'github-mcp-tray': ours('github'),
      memory: ours('memory'),
    };
    expect(planUnregister(servers, undefined).map((operation) => operation.name)).toEqual(['weather', 'github-mcp-tray', 'memory']);
    expect(planUnregister(servers, new Set(['github'])).map((operation) => operation.name)).toEqual(['github-mcp-tray']);
  });
});
