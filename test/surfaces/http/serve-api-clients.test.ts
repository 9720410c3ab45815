/**
 * The renderer's two transports, outside a browser: the IPC client over a stand-in preload bridge,
 * the HTTP client's calls against a real headless host (over a stand-in manager), and the shared
 * event stream over a scripted EventSource, where reconnects and resyncs can be played exactly.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PreloadBridge, ResponseEnvelope } from '../../../src/shared/bridge';
import { contract, events, parseInput, type EventName, type EventPayload, type Health, type LogEntry, type MethodName, type ServerSummary } from '../../../src/shared/contract';
import { ApiError } from '../../../src/renderer/api/api-client';
import { EventStreamClient, type EventStreamSource } from '../../../src/renderer/api/event-stream-client';
import { createHttpClient } from '../../../src/renderer/api/http-client';
import { createIpcClient } from '../../../src/renderer/api/ipc-client';
import { startServeHttp, type ServeHttpServer } from '../../../src/surfaces/http/serve-http-server';
import { makeTempDir, waitFor } from '../../support/chaos';
import { tokenOf } from './serve-http-support';
import { healthOf } from '../../support/health-fixture';

function health(serverId: string, state: Health['state'], pid: number | null = null): Health {
  return healthOf(serverId, state, { pid });
}

function summary(id: string, state: Health['state'], pid: number | null = null): ServerSummary {
  return { id, name: id, description: '', kind: 'bundled', command: 'node', args: [], env: {}, secretEnv: [], enabled: true, autostart: true, sharing: 'shared', roots: [], health: health(id, state, pid) };
}

function logEntry(seq: number): LogEntry {
  return { seq, serverId: 'weather', time: new Date(0).toISOString(), level: 'info', source: 'stderr', message: `entry ${seq}` };
}

describe('the IPC client', () => {
  function bridgeAnswering(answer: (method: MethodName, input: unknown) => Promise<unknown>) {
    const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
    const methods = Object.fromEntries(
      (Object.keys(contract) as MethodName[]).map((method) => [method, (input: unknown) => answer(method, input)]),
    ) as unknown as PreloadBridge['methods'];
    const subscriptions = Object.fromEntries(
      (Object.keys(events) as EventName[]).map((event) => [
        event,
        (listener: (payload: unknown) => void) => {
          let set = eventListeners.get(event);
          if (!set) eventListeners.set(event, (set = new Set()));
          set.add(listener);
          return () => set.delete(listener);
        },
      ]),
    ) as unknown as PreloadBridge['events'];
    const bridge: PreloadBridge = { methods, events: subscriptions, platform: 'linux' };
    const push = (event: EventName, payload: unknown) => {
      for (const listener of eventListeners.get(event) ?? []) listener(payload);
    };
    return { bridge, push };
  }

  it('hands the input to the method of the same name and returns the validated result', async () => {
    const seen: Array<[string, unknown]> = [];
    const { bridge } = bridgeAnswering(async (method, input) => {
      seen.push([method, input]);
      const envelope: ResponseEnvelope = { ok: true, result: health('weather', 'running', 42) };
      return envelope;
    });
    const client = createIpcClient(bridge);
    expect(client.transport).toBe('ipc');
    expect(await client.call('servers.start', { id: 'weather' })).toEqual(health('weather', 'running', 42));
    expect(seen).toEqual([['servers.start', { id: 'weather' }]]);
  });

  it('throws the manager\'s error as an ApiError with its code', async () => {
    const { bridge } = bridgeAnswering(async () => ({ ok: false, error: { code: 'not_running', message: 'Server "weather" is stopped. Start it first.' } }));
    const failure = await createIpcClient(bridge).call('tools.list', { serverId: 'weather' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'not_running', message: 'Server "weather" is stopped. Start it first.' });
  });

  it('refuses a result or an envelope that does not match the contract', async () => {
    const wrongResult = bridgeAnswering(async () => ({ ok: true, result: { state: 'sideways' } }));
    await expect(createIpcClient(wrongResult.bridge).call('health.get', { id: 'weather' })).rejects.toMatchObject({ code: 'failed', message: expect.stringMatching(/health\.get with data the window does not expect/) });
    const notEnvelope = bridgeAnswering(async () => 'hello');
    await expect(createIpcClient(notEnvelope.bridge).call('servers.list', {})).rejects.toMatchObject({ code: 'failed' });
  });

  it('says the connection broke when the bridge itself throws', async () => {
    const { bridge } = bridgeAnswering(async () => {
      throw new Error('An object could not be cloned.');
    });
    await expect(createIpcClient(bridge).call('servers.list', {})).rejects.toMatchObject({ code: 'manager_unreachable', message: expect.stringContaining('An object could not be cloned.') });
  });

  it('delivers valid events, drops and reports invalid ones, and unsubscribes', () => {
    const { bridge, push } = bridgeAnswering(async () => ({ ok: true, result: null }));
    const problems: string[] = [];
    const client = createIpcClient(bridge, (message) => problems.push(message));
    const received: Health[] = [];
    const unsubscribe = client.on('server.health', (payload) => received.push(payload));
    push('server.health', health('weather', 'running'));
    push('server.health', { serverId: 'weather', state: 'confused' });
    unsubscribe();
    push('server.health', health('weather', 'stopped'));
    expect(received).toEqual([health('weather', 'running')]);
    expect(problems).toEqual([expect.stringMatching(/^Ignored a server\.health event that does not match the contract/)]);
  });
});

describe('the HTTP client against a headless host', () => {
  let temp: { dir: string; remove: () => Promise<void> };
  let host: ServeHttpServer;
  let authorised: typeof fetch;

  beforeAll(async () => {
    temp = await makeTempDir('serve-api-clients');
    await mkdir(path.join(temp.dir, 'ui'));
    await writeFile(path.join(temp.dir, 'ui', 'index.html'), '<!doctype html>');
    host = await startServeHttp({
      uiDir: path.join(temp.dir, 'ui'),
      target: {
        async call(method, input) {
          const params = parseInput(method, input);
          if (method === 'servers.list') return [summary('weather', 'running', 7)] as never;
          if (method === 'servers.get') return { not: 'a summary' } as never;
          return params as never;
        },
        on: () => () => {},
      },
    });
    const token = tokenOf(host.url);
    // In the browser the session cookie does this; here the token goes in the header.
    authorised = (url, init) => fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${token}` } });
  });

  afterAll(async () => {
    await host?.close();
    await temp?.remove();
  });

  it('posts the input and returns the validated result', async () => {
    const client = createHttpClient(`${host.origin}/`, { fetch: authorised });
    expect(client.transport).toBe('http');
    expect(await client.call('servers.list', {})).toEqual([summary('weather', 'running', 7)]);
    // The stand-in echoes the patch; the client parses it with the method's output schema, which fills the defaults.
    expect(await client.call('settings.update', { healthIntervalMs: 2_000 })).toEqual({
      healthIntervalMs: 2_000,
      pingTimeoutMs: 5_000,
      callTimeoutMs: 60_000,
      logBufferSize: 5_000,
      maxMessageMb: 64,
      messageBufferMb: 8,
      startAtLogin: false,
      runUnannotatedToolsWithoutAsking: [],
      serverRequestTimeoutMs: 300_000,
    });
  });

  it('turns failures into ApiErrors with a code: bad input, bad result, no token, no host', async () => {
    const client = createHttpClient(host.origin, { fetch: authorised });
    await expect(client.call('servers.get', { id: 'Bad Id' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.call('servers.get', { id: 'weather' })).rejects.toMatchObject({ code: 'failed' });
    await expect(createHttpClient(host.origin).call('servers.list', {})).rejects.toMatchObject({ code: 'manager_unreachable', message: expect.stringContaining('Open the link') });
    await expect(createHttpClient('http://127.0.0.1:9', { fetch: authorised }).call('servers.list', {})).rejects.toMatchObject({ code: 'manager_unreachable', message: expect.stringContaining('not answering') });
  });
});

/** An EventSource whose connection the test opens, feeds and breaks by hand. */
class ScriptedSource implements EventStreamSource {
  readyState = 0;
  private readonly handlers = new Map<string, Array<(event: { data?: unknown }) => void>>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  close(): void {
    this.readyState = 2;
  }
  fire(type: string, data?: unknown): void {
    if (type === 'open') this.readyState = 1;
    for (const handler of this.handlers.get(type) ?? []) handler(data === undefined ? {} : { data: JSON.stringify(data) });
  }
  fireRaw(type: string, data: string): void {
    for (const handler of this.handlers.get(type) ?? []) handler({ data });
  }
  /** The browser gave up on this connection. */
  giveUp(): void {
    this.readyState = 2;
    this.fire('error');
  }
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('the shared event stream', () => {
  function setUp() {
    const sources: ScriptedSource[] = [];
    const problems: string[] = [];
    const pendingLists: Array<(servers: ServerSummary[]) => void> = [];
    const pendingLogs: Array<{ afterSeq: number | undefined; resolve: (entries: LogEntry[]) => void }> = [];
    const call = vi.fn(async (method: MethodName, input: unknown): Promise<never> => {
      if (method === 'servers.list') {
        const answer = deferred<ServerSummary[]>();
        pendingLists.push(answer.resolve);
        return (await answer.promise) as never;
      }
      if (method === 'logs.query') {
        const answer = deferred<LogEntry[]>();
        pendingLogs.push({ afterSeq: (input as { afterSeq?: number }).afterSeq, resolve: answer.resolve });
        return { entries: await answer.promise } as never;
      }
      throw new Error(`unexpected ${method}`);
    });
    const stream = new EventStreamClient({
      url: 'http://127.0.0.1:1/api/events',
      open: (url) => {
        const source = new ScriptedSource(url);
        sources.push(source);
        return source;
      },
      call: call as never,
      onProblem: (message) => problems.push(message),
      reconnectDelayMs: 1,
    });
    const received: Array<[string, unknown]> = [];
    const listen = <E extends EventName>(event: E) => stream.subscribe(event, (payload: EventPayload<E>) => received.push([event, payload]));
    return { sources, problems, pendingLists, pendingLogs, call, stream, received, listen };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('opens one connection for every subscription and delivers validated events by name', async () => {
    const { sources, problems, received, listen } = setUp();
    listen('server.health');
    const unsubscribe = listen('log.entry');
    listen('call.progress');
    expect(sources.map((source) => source.url)).toEqual(['http://127.0.0.1:1/api/events']);
    const source = sources[0] as ScriptedSource;
    source.fire('server.health', health('weather', 'running'));
    source.fire('log.entry', logEntry(1));
    source.fire('server.health', { serverId: 'weather' });
    source.fireRaw('call.progress', '{not json');
    unsubscribe();
    source.fire('log.entry', logEntry(2));
    expect(received).toEqual([
      ['server.health', health('weather', 'running')],
      ['log.entry', logEntry(1)],
    ]);
    expect(problems).toEqual([expect.stringMatching(/^Ignored a server\.health event that does not match/), 'Ignored a call.progress event that is not JSON.']);
  });

  it('on a fresh connection, re-queries every server\'s health, keeping any fresher live event', async () => {
    const { sources, pendingLists, received, listen } = setUp();
    listen('server.health');
    listen('servers.changed');
    const source = sources[0] as ScriptedSource;
    source.fire('open');
    expect(pendingLists).toHaveLength(1);
    // While the list is on its way, github reports a newer state live.
    source.fire('server.health', health('github', 'failed'));
    pendingLists[0]?.([summary('weather', 'running', 1), summary('github', 'running', 2)]);
    await settle();
    expect(received).toEqual([
      ['server.health', health('github', 'failed')],
      ['servers.changed', { serverIds: ['weather', 'github'] }],
      ['server.health', health('weather', 'running', 1)],
    ]);
  });

  it('on resync, fetches the log entries after the last one seen, in order, each once', async () => {
    const { sources, pendingLists, pendingLogs, received, listen } = setUp();
    listen('log.entry');
    const source = sources[0] as ScriptedSource;
    source.fire('open');
    pendingLists[0]?.([]);
    source.fire('log.entry', logEntry(5));
    source.fire('resync');
    expect(pendingLogs.map((pending) => pending.afterSeq)).toEqual([5]);
    // Live entries arriving meanwhile wait for the missed ones.
    source.fire('log.entry', logEntry(9));
    pendingLogs[0]?.resolve([logEntry(6), logEntry(7), logEntry(8), logEntry(9)]);
    pendingLists[1]?.([]);
    await settle();
    source.fire('log.entry', logEntry(8));
    source.fire('log.entry', logEntry(10));
    expect(received.map(([, entry]) => (entry as LogEntry).seq)).toEqual([5, 6, 7, 8, 9, 10]);
  });

  it('opens a new connection when the browser gives up, and catches up once it opens', async () => {
    const { sources, pendingLists, pendingLogs, received, listen } = setUp();
    listen('log.entry');
    const first = sources[0] as ScriptedSource;
    first.fire('open');
    pendingLists[0]?.([]);
    first.fire('log.entry', logEntry(3));
    // A transient error the browser retries by itself: nothing to do.
    first.fire('error');
    expect(sources).toHaveLength(1);
    first.giveUp();
    await waitFor('a second connection', () => sources.length === 2);
    const second = sources[1] as ScriptedSource;
    second.fire('open');
    expect(pendingLogs.map((pending) => pending.afterSeq)).toEqual([3]);
    pendingLogs[0]?.resolve([logEntry(4)]);
    pendingLists[1]?.([]);
    await settle();
    expect(received.map(([, entry]) => (entry as LogEntry).seq)).toEqual([3, 4]);
    // Events on the abandoned connection are not ours any more.
    first.giveUp();
    await settle();
    expect(sources).toHaveLength(2);
  });
});
