/**
 * The preload as the page sees it, with Electron's preload APIs replaced by recorders (the real
 * ones exist only inside Electron).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PreloadBridge } from '../shared/bridge';
import { contract, events } from '../shared/contract';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const invoke = vi.fn(async (channel: string, input: unknown): Promise<unknown> => ({ ok: true, result: { channel, input } }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => invoke(channel, input),
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
  },
}));

let bridge: PreloadBridge;
beforeAll(async () => {
  await import('./index');
  bridge = exposed.get('mcpTray') as PreloadBridge;
});

describe('window.mcpTray', () => {
  it('is the only thing exposed, with methods, events and the platform', () => {
    expect([...exposed.keys()]).toEqual(['mcpTray']);
    expect(Object.keys(bridge).sort()).toEqual(['events', 'methods', 'platform']);
    expect(bridge.platform).toBe(process.platform);
  });

  it('has one function per contract method and per event, and no generic invoke', () => {
    expect(Object.keys(bridge.methods).sort()).toEqual(Object.keys(contract).sort());
    expect(Object.keys(bridge.events).sort()).toEqual(Object.keys(events).sort());
    expect('invoke' in bridge).toBe(false);
    expect('invoke' in bridge.methods).toBe(false);
    expect(Object.isFrozen(bridge.methods)).toBe(true);
  });

  it("calls the method's own channel with the input as given", async () => {
    await expect(bridge.methods['servers.start']({ id: 'weather' })).resolves.toEqual({
      ok: true,
      result: { channel: 'mcp-tray:call:servers.start', input: { id: 'weather' } },
    });
  });

  it('answers with an error envelope, never a rejection, when the main process is unreachable', async () => {
    invoke.mockRejectedValueOnce(new Error("No handler registered for 'mcp-tray:call:servers.list'"));
    await expect(bridge.methods['servers.list']({})).resolves.toMatchObject({ ok: false, error: { code: 'manager_unreachable' } });
  });

  it('delivers event payloads without the IPC event object, until unsubscribed', () => {
    const received: unknown[] = [];
    const unsubscribe = bridge.events['server.health']((payload) => received.push(payload));
    const channel = 'mcp-tray:event:server.health';
    const emit = (payload: unknown) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc-event-object' }, payload);
    };
    emit({ serverId: 'weather', state: 'running' });
    unsubscribe();
    emit({ serverId: 'weather', state: 'stopped' });
    expect(received).toEqual([{ serverId: 'weather', state: 'running' }]);
    expect(listeners.get(channel)?.size).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => bridge.events['log.entry']('nope' as unknown as () => void)).toThrow(TypeError);
  });
});
