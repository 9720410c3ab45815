import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload, MethodInput, MethodName, MethodResult } from '../../shared/contract';
import { ApiError, type ApiClient } from '../api/api-client';
import { ConnectionMonitor } from './connection-monitor';

/** An ApiClient whose next answer the test decides. */
function scriptedClient(answer: () => unknown): ApiClient {
  return {
    transport: 'http',
    call: async <M extends MethodName>(_method: M, _input: MethodInput<M>): Promise<MethodResult<M>> => {
      const next = answer();
      if (next instanceof Error) throw next;
      return next as MethodResult<M>;
    },
    on: <E extends EventName>(_event: E, _listener: (payload: EventPayload<E>) => void) => () => undefined,
  };
}

describe('ConnectionMonitor', () => {
  it('reports the manager lost when a call cannot reach it, and back on the next answer', async () => {
    let next: unknown = new ApiError('manager_unreachable', 'MCP Tray is not answering.');
    const monitor = new ConnectionMonitor(scriptedClient(() => next));
    const changes: string[] = [];
    monitor.subscribe(() => changes.push(monitor.getStatus().state));

    await expect(monitor.client.call('servers.list', {})).rejects.toThrow('not answering');
    expect(monitor.getStatus()).toEqual({ state: 'lost', message: 'MCP Tray is not answering.', method: 'servers.list' });

    next = [];
    await monitor.client.call('servers.list', {});
    expect(monitor.getStatus()).toEqual({ state: 'connected' });
    expect(changes).toEqual(['lost', 'connected']);
  });

  it('treats a thrown non-contract error (fetch failed, bridge gone) as unreachable', async () => {
    const monitor = new ConnectionMonitor(scriptedClient(() => new TypeError('Failed to fetch')));
    await expect(monitor.client.call('settings.get', {})).rejects.toThrow('Failed to fetch');
    expect(monitor.getStatus().state).toBe('lost');
  });

  it('does not blame the connection for an ordinary error or for an unavailable keychain', async () => {
    let next: unknown = new ApiError('not_running', 'Server "weather" is stopped. Start it first.');
    const monitor = new ConnectionMonitor(scriptedClient(() => next));
    await expect(monitor.client.call('tools.list', { serverId: 'weather' })).rejects.toThrow('stopped');
    expect(monitor.getStatus().state).toBe('connected');

    next = new ApiError('unavailable', 'The Secret Service keychain is not available.');
    await expect(monitor.client.call('secrets.list', {})).rejects.toThrow('keychain');
    expect(monitor.getStatus().state).toBe('connected');
  });

  it('tells a lost manager from an unavailable keychain by the error code, whatever the method', async () => {
    let next: unknown = new ApiError('unavailable', 'The Secret Service keychain is locked. Unlock it, then try again.');
    const monitor = new ConnectionMonitor(scriptedClient(() => next));
    await expect(monitor.client.call('servers.start', { id: 'github' })).rejects.toThrow('locked');
    expect(monitor.getStatus().state).toBe('connected');

    next = new ApiError('manager_unreachable', 'The window lost its connection to MCP Tray. Restart MCP Tray.');
    await expect(monitor.client.call('secrets.list', {})).rejects.toThrow('lost its connection');
    expect(monitor.getStatus()).toEqual({ state: 'lost', message: 'The window lost its connection to MCP Tray. Restart MCP Tray.', method: 'secrets.list' });
  });

  it('keeps the transport of the client it wraps', () => {
    expect(new ConnectionMonitor(scriptedClient(() => [])).client.transport).toBe('http');
  });
});
