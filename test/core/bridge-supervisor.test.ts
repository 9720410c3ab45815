import { ErrorCode, type LoggingMessageNotification } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogStore } from '../../src/core/logs';
import { serverErrorOf } from '../../src/core/server-error';
import { ServerSupervisor } from '../../src/core/supervisor';
import type { SupervisorRelay } from '../../src/core/supervisor-relay';
import { bridgeProbeServerPath } from '../support/bridge-probe';
import { makeTempDir, waitFor } from '../support/chaos';
import { textOf } from '../support/mcp-child';

describe('ServerSupervisor, as the bridge uses it', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let logs: LogStore;
  let supervisor: ServerSupervisor;

  beforeEach(async () => {
    temp = await makeTempDir('bridge-supervisor');
    logs = new LogStore({ dir: null, bufferSize: 5_000 });
    supervisor = new ServerSupervisor({
      serverId: 'probe',
      resolveLaunch: async () => ({ command: process.execPath, args: [bridgeProbeServerPath], env: { PATH: process.env.PATH ?? '' }, cwd: temp.dir, secretValues: [] }),
      logs,
      timings: () => ({ healthIntervalMs: 60_000, pingTimeoutMs: 5_000, callTimeoutMs: 30_000 }),
      onHealth: () => {},
      onListChanged: () => {},
      roots: () => [temp.dir],
      restartPolicy: { initialDelayMs: 50, maxDelayMs: 200, maxCrashes: 5, windowMs: 60_000 },
    });
  });

  afterEach(async () => {
    await supervisor.dispose();
    await logs.close();
    await temp.remove();
  });

  const call = async (name: string, args: Record<string, unknown> = {}, client?: string) =>
    textOf((await supervisor.timedCall({ name, arguments: args, callId: `${name}-${Math.random()}`, client })).result);

  it('answers the server itself when nothing relays: roots from the setting, elicitation declined, sampling refused with a log line', async () => {
    await supervisor.start();
    expect(JSON.parse(await call('ask_roots')).roots).toEqual([{ uri: new URL(`file://${temp.dir}`).href, name: temp.dir.split('/').at(-1) }]);
    expect(JSON.parse(await call('ask_elicitation', { message: 'name?' }))).toEqual({ action: 'decline' });
    expect(await call('ask_sampling', { prompt: 'hi' })).toBe('sampling failed: MCP error -32600: Sampling is not available: no client is connected through MCP Tray to answer it');
    const warnings = logs.query({ serverId: 'probe', limit: 1_000 }).filter((entry) => entry.level === 'warn').map((entry) => entry.message);
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^sampling\/createMessage declined/), expect.stringMatching(/^elicitation\/create declined/)]));
  });

  it('names the caller in the call log: the client given, else MCP Tray', async () => {
    await supervisor.start();
    await call('whoami', {}, 'cursor');
    await call('whoami');
    const clients = () => logs.query({ serverId: 'probe', limit: 1_000 }).filter((entry) => entry.source === 'call').map((entry) => entry.fields?.client);
    await waitFor('both call lines', () => clients().length === 2);
    expect(clients().sort()).toEqual(['MCP Tray', 'cursor']);
  });

  it('relays the server-side traffic to a relay, and tells it each time a process is running', async () => {
    const generations: number[] = [];
    const messages: LoggingMessageNotification['params'][] = [];
    const updated: string[] = [];
    const relay: SupervisorRelay = {
      serverRequest: async (method) => (method === 'sampling/createMessage' ? { role: 'assistant', content: { type: 'text', text: 'relayed' }, model: 'test' } : { action: 'decline' }),
      resourceUpdated: (uri) => updated.push(uri),
      loggingMessage: (params) => messages.push(params),
      listChanged: () => {},
      running: (generation) => generations.push(generation),
    };
    supervisor.relayTo(relay);
    await supervisor.start();
    expect(generations).toEqual([supervisor.processGeneration]);
    expect(await call('ask_sampling', { prompt: 'hi' })).toBe('relayed');
    await call('notify_resource', { uri: 'probe://counter' });
    await call('log', { level: 'warning', message: 'careful' });
    await waitFor('the relayed notifications', () => updated.length === 1 && messages.length === 1);
    expect(messages[0]).toMatchObject({ level: 'warning', data: 'careful' });
    expect(supervisor.handshake).toMatchObject({ serverInfo: { name: 'bridge-probe' }, instructions: 'A probe for the bridge tests.', capabilities: { logging: {} } });
    expect(supervisor.handshake?.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await call('crash').catch(() => undefined);
    await supervisor.waitUntilRunning(15_000).catch(() => undefined);
    await waitFor('the restarted process', () => generations.length === 2);
    expect(generations[1]).toBeGreaterThan(generations[0] as number);
  });

  it("keeps the server's JSON-RPC error reachable from a failed call", async () => {
    await supervisor.start();
    const failure = await supervisor.timedCall({ name: 'crash', arguments: {}, callId: 'crash-1' }).catch((error: unknown) => error);
    expect(serverErrorOf(failure)?.code).toBe(ErrorCode.ConnectionClosed);
  });

  it('forwards any request with a progress token of its own, and sets the logging level', async () => {
    await supervisor.start();
    const progress: number[] = [];
    const result = await supervisor.forward('tools/call', { name: 'slow', arguments: { ms: 30, steps: 3 }, _meta: { progressToken: 'client-token' } }, { onProgress: (update) => progress.push(update.progress) });
    expect(textOf(result)).toBe('slow done');
    expect(progress).toEqual([1, 2, 3]);
    const prompt = await supervisor.forward('prompts/get', { name: 'greet', arguments: { name: 'Ada' } }, {});
    expect(JSON.stringify(prompt)).toContain('Hello, Ada');
    await supervisor.setLoggingLevel('error');
    expect(JSON.parse(await call('received')).setLevel).toEqual(['error']);
  });

  it('waits for a starting server to run, and refuses a stopped one at once', async () => {
    await expect(supervisor.waitUntilRunning(5_000)).rejects.toThrow(/is stopped/);
    void supervisor.start();
    await supervisor.waitUntilRunning(15_000);
    expect(supervisor.health().state).toBe('running');
  });
});
