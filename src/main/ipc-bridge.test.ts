/**
 * The IPC adapter with ipcMain replaced by a recorder: every contract method gets a handler,
 * only our page's top frame is answered, and answers are envelopes.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, ContractError, parseInput, type EventName, type EventPayload, type MethodName, type MethodResult } from '../shared/contract';
import type { ContractPort } from '../surfaces/contract-port';

type Handler = (event: unknown, input: unknown) => unknown;
const handlers = new Map<string, Handler>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const calls: Array<[MethodName, unknown]> = [];
const eventListeners = new Map<EventName, (payload: unknown) => void>();
const manager: ContractPort = {
  async call<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>> {
    calls.push([method, input]);
    // Validates like AppCore.call does.
    const params = parseInput(method, input);
    if (method === 'servers.remove') throw new ContractError('invalid_input', '"weather" is a bundled server.');
    return { echoed: params } as unknown as MethodResult<M>;
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
    eventListeners.set(event, listener as (payload: unknown) => void);
    return () => eventListeners.delete(event);
  },
};

const bundled = { kind: 'bundled' } as const;
const fromPage = { senderFrame: { url: 'mcp-tray://app/index.html', parent: null } };

let bridge: typeof import('./ipc-bridge');
beforeAll(async () => {
  bridge = await import('./ipc-bridge');
});

describe('handleContractCalls', () => {
  it('registers one handler per contract method, and removes them all', () => {
    const remove = bridge.handleContractCalls(manager, bundled);
    expect([...handlers.keys()].sort()).toEqual(Object.keys(contract).map((method) => `mcp-tray:call:${method}`).sort());
    remove();
    expect(handlers.size).toBe(0);
  });

  it('answers our page with the result in an envelope', async () => {
    bridge.handleContractCalls(manager, bundled);
    await expect(handlers.get('mcp-tray:call:servers.start')?.(fromPage, { id: 'weather' })).resolves.toEqual({ ok: true, result: { echoed: { id: 'weather' } } });
  });

  it('turns invalid input and failures into error envelopes', async () => {
    bridge.handleContractCalls(manager, bundled);
    await expect(handlers.get('mcp-tray:call:servers.start')?.(fromPage, { id: 'Not An Id!' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await expect(handlers.get('mcp-tray:call:servers.remove')?.(fromPage, { id: 'weather' })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid_input', message: '"weather" is a bundled server.' },
    });
  });

  it('refuses other pages, iframes and vanished frames without calling the manager', async () => {
    bridge.handleContractCalls(manager, bundled);
    calls.length = 0;
    const handler = handlers.get('mcp-tray:call:secrets.list');
    const refused = { ok: false, error: { code: 'failed', message: 'Refused: this call did not come from the MCP Tray window.' } };
    expect(await handler?.({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toEqual(refused);
    expect(await handler?.({ senderFrame: { url: 'mcp-tray://app/index.html', parent: {} } }, {})).toEqual(refused);
    expect(await handler?.({ senderFrame: null }, {})).toEqual(refused);
    const throwing = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    expect(await handler?.(throwing, {})).toEqual(refused);
    expect(calls).toEqual([]);
  });
});

describe('forwardEvents', () => {
  function fakeWindow(url: string, options: { destroyed?: boolean } = {}) {
    const sent: Array<[string, unknown]> = [];
    const window = {
      isDestroyed: () => options.destroyed ?? false,
      webContents: { isDestroyed: () => false, getURL: () => url, send: (channel: string, payload: unknown) => sent.push([channel, payload]) },
    };
    return { window, sent };
  }

  it("pushes every manager event to our page on the event's channel", () => {
    const { window, sent } = fakeWindow('mcp-tray://app/index.html');
    const stop = bridge.forwardEvents(manager, () => window as never, bundled);
    expect([...eventListeners.keys()].sort()).toEqual(['call.progress', 'log.entry', 'messages.appended', 'resources.updated', 'server.health', 'server.listChanged', 'serverRequests.changed', 'servers.changed', 'sessions.changed', 'settings.changed', 'tools.held']);
    eventListeners.get('servers.changed')?.({ serverIds: ['weather'] });
    expect(sent).toEqual([['mcp-tray:event:servers.changed', { serverIds: ['weather'] }]]);
    stop();
    expect(eventListeners.size).toBe(0);
  });

  it('sends nothing without a window, to a destroyed one, or to another page', () => {
    const elsewhere = fakeWindow('https://evil.example/');
    const destroyed = fakeWindow('mcp-tray://app/index.html', { destroyed: true });
    for (const target of [undefined, elsewhere.window, destroyed.window]) {
      const stop = bridge.forwardEvents(manager, () => target as never, bundled);
      expect(() => eventListeners.get('log.entry')?.({ seq: 1 })).not.toThrow();
      stop();
    }
    expect(elsewhere.sent).toEqual([]);
    expect(destroyed.sent).toEqual([]);
  });
});
