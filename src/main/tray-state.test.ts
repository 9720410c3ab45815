import { describe, expect, it } from 'vitest';
import { overallTrayState, trayTooltip } from './tray-state';

describe('overallTrayState', () => {
  it('is stopped with no servers, or when none runs', () => {
    expect(overallTrayState([])).toBe('stopped');
    expect(overallTrayState(['stopped', 'stopped'])).toBe('stopped');
  });

  it('is healthy when every running server is running, ignoring servers stopped on purpose', () => {
    expect(overallTrayState(['running'])).toBe('healthy');
    expect(overallTrayState(['running', 'stopped', 'running'])).toBe('healthy');
  });

  it('is degraded while a server is unhealthy, restarting or still starting', () => {
    expect(overallTrayState(['running', 'degraded'])).toBe('degraded');
    expect(overallTrayState(['running', 'backoff'])).toBe('degraded');
    expect(overallTrayState(['starting', 'stopped'])).toBe('degraded');
  });

  it('is failed as soon as one server failed, whatever the others do', () => {
    expect(overallTrayState(['running', 'failed'])).toBe('failed');
    expect(overallTrayState(['degraded', 'backoff', 'failed', 'starting'])).toBe('failed');
    expect(overallTrayState(['failed', 'stopped'])).toBe('failed');
  });
});

describe('trayTooltip', () => {
  it('names the servers that need attention', () => {
    expect(
      trayTooltip([
        { name: 'Weather', state: 'running' },
        { name: 'GitHub', state: 'failed' },
      ]),
    ).toBe('MCP Tray: GitHub failed (1 of 2 servers running)');
    expect(
      trayTooltip([
        { name: 'Weather', state: 'backoff' },
        { name: 'GitHub', state: 'degraded' },
      ]),
    ).toBe('MCP Tray: Weather, GitHub not healthy yet (1 of 2 servers running)');
  });

  it('says all is well, or that nothing runs', () => {
    expect(trayTooltip([{ name: 'Weather', state: 'running' }])).toBe('MCP Tray: all healthy (1 of 1 server running)');
    expect(trayTooltip([{ name: 'Weather', state: 'stopped' }])).toBe('MCP Tray: all servers stopped');
    expect(trayTooltip([])).toBe('MCP Tray: no servers');
  });
});
