import { describe, expect, it } from 'vitest';
import type { Health, MethodInput, MethodName, MethodResult, ServerSummary } from '../../shared/contract';
import { ServersStore } from './servers-store';
import { fakeApiClient } from '../../../test/support/fake-api-client';
import { healthOf } from '../../../test/support/health-fixture';

function health(serverId: string, state: Health['state'], last: number | null = null): Health {
  return healthOf(serverId, state, { pingLatencyMs: { last, median: last } });
}

function summary(id: string, state: Health['state']): ServerSummary {
  return { id, name: id, description: '', kind: 'custom', command: 'node', args: [], env: {}, secretEnv: [], enabled: true, autostart: true, sharing: 'per-session', roots: [], health: health(id, state) };
}

/** A fake manager: servers.list answers from `servers`; the test emits events by hand. */
function fakeManager(servers: () => ServerSummary[]) {
  let listCalls = 0;
  const fake = fakeApiClient(async <M extends MethodName>(method: M, _input: MethodInput<M>): Promise<MethodResult<M>> => {
    if (method !== 'servers.list') throw new Error(`unexpected ${method}`);
    listCalls += 1;
    return servers() as MethodResult<M>;
  });
  return { ...fake, listCalls: () => listCalls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ServersStore', () => {
  it('loads the list, then merges live health into it and records the history', async () => {
    const manager = fakeManager(() => [summary('weather', 'starting')]);
    const store = new ServersStore(manager.client);
    const stop = store.start();
    expect(store.getSnapshot().status).toBe('loading');
    await settle();
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', servers: [{ id: 'weather', health: { state: 'starting' } }] });

    manager.emit('server.health', health('weather', 'running', 12));
    expect(store.getSnapshot().servers[0]?.health.state).toBe('running');
    expect(store.historyOf('weather').map((sample) => [sample.state, sample.latencyMs])).toEqual([
      ['starting', null],
      ['running', 12],
    ]);
    stop();
    expect(manager.listenerCount()).toBe(0);
  });

  it('re-lists once for a burst of servers.changed events', async () => {
    let servers = [summary('weather', 'running')];
    const manager = fakeManager(() => servers);
    const store = new ServersStore(manager.client);
    store.start();
    await settle();
    servers = [...servers, summary('memory', 'starting')];
    manager.emit('servers.changed', { serverIds: ['weather', 'memory'] });
    manager.emit('servers.changed', { serverIds: ['weather', 'memory'] });
    await settle();
    expect(manager.listCalls()).toBe(2);
    expect(store.getSnapshot().servers.map((server) => server.id)).toEqual(['weather', 'memory']);
  });

  it('shows an action result at once and forgets a removed server', async () => {
    const manager = fakeManager(() => [summary('memory', 'running')]);
    const store = new ServersStore(manager.client);
    store.start();
    await settle();
    store.applySummary({ ...summary('memory', 'stopped'), enabled: false });
    expect(store.getSnapshot().servers[0]).toMatchObject({ enabled: false, health: { state: 'stopped' } });
    store.applyRemoved('memory');
    expect(store.getSnapshot().servers).toEqual([]);
    expect(store.historyOf('memory')).toEqual([]);
  });

  it('keeps the last list and reports the error when listing fails', async () => {
    let fail = false;
    const manager = fakeManager(() => {
      if (fail) throw new Error('MCP Tray is not answering.');
      return [summary('weather', 'running')];
    });
    const store = new ServersStore(manager.client);
    store.start();
    await settle();
    fail = true;
    await store.reload();
    expect(store.getSnapshot()).toMatchObject({ status: 'error', error: 'MCP Tray is not answering.', servers: [{ id: 'weather' }] });
  });
});
