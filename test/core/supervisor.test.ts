import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Health, LogEntry } from '../../src/shared/contract';
import { LogStore } from '../../src/core/logs';
import { ServerSupervisor, type LaunchSpec, type SupervisorOptions } from '../../src/core/supervisor';
import { chaosServerPath, isAlive, makeTempDir, startsRecorded, waitFor } from '../support/chaos';
import path from 'node:path';

const FAST_RESTARTS = { initialDelayMs: 50, maxDelayMs: 200, maxCrashes: 5, windowMs: 60_000 };

describe('ServerSupervisor with a real child process', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let logs: LogStore;
  let supervisors: ServerSupervisor[];
  let healthEvents: Health[];

  beforeEach(async () => {
    temp = await makeTempDir('supervisor');
    logs = new LogStore({ dir: null, bufferSize: 5_000 });
    supervisors = [];
    healthEvents = [];
  });

  afterEach(async () => {
    await Promise.all(supervisors.map((supervisor) => supervisor.dispose()));
    await logs.close();
    await temp.remove();
  });

  function supervise(env: Record<string, string> = {}, overrides: Partial<SupervisorOptions> = {}, secretValues: string[] = []) {
    const launch: LaunchSpec = {
      command: process.execPath,
      args: [chaosServerPath],
      env: { PATH: process.env.PATH ?? '', CHAOS_START_LOG: path.join(temp.dir, 'starts.log'), CHAOS_HELPER_LOG: helperLog(), ...env },
      cwd: temp.dir,
      secretValues,
    };
    const supervisor = new ServerSupervisor({
      serverId: 'chaos',
      resolveLaunch: async () => launch,
      logs,
      timings: () => ({ healthIntervalMs: 60_000, pingTimeoutMs: 5_000, callTimeoutMs: 30_000 }),
      onHealth: (health) => healthEvents.push(health),
      onListChanged: () => {},
      restartPolicy: FAST_RESTARTS,
      ...overrides,
    });
    supervisors.push(supervisor);
    return supervisor;
  }

  const helperLog = () => path.join(temp.dir, 'helpers.log');
  const helpersForked = () => startsRecorded(helperLog());
  const everyHelperGone = async (count: number) => {
    const helpers = await waitFor(`${count} helpers forked`, async () => ((await helpersForked()).length >= count ? helpersForked() : undefined));
    await waitFor('every helper to be gone', () => helpers.every((pid) => !isAlive(pid)));
  };

  const entries = (): LogEntry[] => logs.query({ serverId: 'chaos', limit: 100_000 });
  const messages = () => entries().map((entry) => entry.message);

  it('starts a server, connects, and reports its health and what it offers', async () => {
    const supervisor = supervise();
    const health = await supervisor.start();
    expect(health.state).toBe('running');
    expect(health.pid).toBeGreaterThan(0);
    expect(isAlive(health.pid as number)).toBe(true);
    expect(health.counts.tools).toBeGreaterThan(5);
    expect(health.counts.prompts).toBe(1);
    expect(health.counts.resources).toBe(1);
    expect(healthEvents.map((event) => event.state)).toEqual(['starting', 'running']);
    const result = await supervisor.callTool({ name: 'echo', arguments: { text: 'hi' }, callId: 'c1' });
    expect(result.content).toEqual([{ type: 'text', text: 'hi' }]);
    // The call's log line follows the answer.
    await waitFor('the call log line', () => entries().some((entry) => entry.source === 'call' && entry.fields?.tool === 'echo' && entry.fields?.outcome === 'ok'));
  });

  it('restarts a crashed server with backoff and keeps the exit code and stderr tail', async () => {
    const supervisor = supervise();
    const first = await supervisor.start();
    await supervisor.callTool({ name: 'crash', arguments: { code: 7 }, callId: 'c1' }).catch(() => undefined);
    const restarted = await waitFor('a restart', () => {
      const health = supervisor.health();
      return health.state === 'running' && health.pid !== first.pid ? health : undefined;
    });
    expect(restarted.restartCount).toBe(1);
    expect(restarted.lastExit?.code).toBe(7);
    expect(restarted.lastExit?.stderrTail.join('\n')).toContain('crashing with code 7');
    expect(healthEvents.some((event) => event.state === 'backoff')).toBe(true);
    expect(messages().some((message) => /exited with code 7, restarting in \d+ s/.test(message))).toBe(true);
  });

  it('gives up after five crashes within a minute and stays failed', async () => {
    const startLog = path.join(temp.dir, 'starts.log');
    const supervisor = supervise({ CHAOS_ON_START: 'crash', CHAOS_EXIT_CODE: '42' });
    await supervisor.start();
    const failed = await waitFor('failed state', () => (supervisor.health().state === 'failed' ? supervisor.health() : undefined));
    expect(failed.lastExit?.code).toBe(42);
    expect(failed.lastExit?.stderrTail).toContain('chaos: crashing at start as told');
    expect(failed.error).toMatch(/Crashed 5 times within a minute/);
    // Let any stray timer fire: there must be no sixth start.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await startsRecorded(startLog)).toHaveLength(5);
    expect(supervisor.health().state).toBe('failed');
  });

  it('detects a hung server through missed pings, kills it and starts a new one', async () => {
    const supervisor = supervise({}, { timings: () => ({ healthIntervalMs: 100, pingTimeoutMs: 150, callTimeoutMs: 30_000 }) });
    const first = await supervisor.start();
    void supervisor.callTool({ name: 'hang', arguments: {}, callId: 'hang' }).catch(() => undefined);
    await waitFor('degraded after a missed ping', () => healthEvents.some((event) => event.state === 'degraded'));
    const restarted = await waitFor('a new process', () => {
      const health = supervisor.health();
      return health.state === 'running' && health.pid !== first.pid ? health : undefined;
    });
    expect(isAlive(first.pid as number)).toBe(false);
    expect(restarted.lastExit?.signal).toBe('SIGKILL');
    expect(messages().some((message) => message.includes('missed 3 pings in a row'))).toBe(true);
  });

  it('escalates a stop to SIGKILL when the server ignores stdin closing and SIGTERM', async () => {
    const supervisor = supervise(
      { CHAOS_IGNORE_SIGTERM: '1', CHAOS_IGNORE_STDIN_END: '1' },
      { stopTimings: { termAfterMs: 100, killAfterMs: 300 } },
    );
    const { pid } = await supervisor.start();
    const stopped = await supervisor.stop();
    expect(stopped.state).toBe('stopped');
    expect(isAlive(pid as number)).toBe(false);
    expect(messages()).toContain('stopped (killed by SIGKILL)');
    expect(messages()).toContain('ignoring SIGTERM');
  });

  it('a stop ends the helper a server forked, though the server itself exits on stdin closing first', async () => {
    const supervisor = supervise({ CHAOS_FORK_HELPER: '1' });
    const { pid } = await supervisor.start();
    const [helper] = await helpersForked();
    expect(isAlive(helper as number)).toBe(true);
    await supervisor.stop();
    expect(isAlive(pid as number)).toBe(false);
    await everyHelperGone(1);
  });

  it('a stop escalates to SIGKILL for a helper that ignores SIGTERM', async () => {
    const supervisor = supervise({ CHAOS_FORK_HELPER: '1', CHAOS_HELPER_IGNORE_SIGTERM: '1' }, { stopTimings: { termAfterMs: 100, killAfterMs: 300 } });
    await supervisor.start();
    await supervisor.stop();
    await everyHelperGone(1);
  });

  it('a crash ends the crashed server\'s helper', async () => {
    const supervisor = supervise({ CHAOS_FORK_HELPER: '1' }, { stopTimings: { termAfterMs: 100, killAfterMs: 300 } });
    const first = await supervisor.start();
    const [firstHelper] = await helpersForked();
    await supervisor.callTool({ name: 'crash', arguments: { code: 7 }, callId: 'c1' }).catch(() => undefined);
    await waitFor('the first helper to be gone', () => !isAlive(firstHelper as number));
    await waitFor('a restart', () => supervisor.health().state === 'running' && supervisor.health().pid !== first.pid);
  });

  it('a crash loop leaves no helper behind', async () => {
    const supervisor = supervise({ CHAOS_FORK_HELPER: '1', CHAOS_ON_START: 'crash' }, { stopTimings: { termAfterMs: 100, killAfterMs: 300 } });
    await supervisor.start();
    await waitFor('failed state', () => supervisor.health().state === 'failed');
    await everyHelperGone(5);
  });

  it('starts a server that refuses optional lists (-32601), takes them as empty and says so in the log', async () => {
    const supervisor = supervise({ CHAOS_UNKNOWN_METHODS: 'resources/templates/list,prompts/list' });
    const health = await supervisor.start();
    expect(health.state).toBe('running');
    expect(health.counts).toMatchObject({ resources: 1, prompts: 0 });
    expect(health.counts.tools).toBeGreaterThan(5);
    expect(supervisor.lists?.resourceTemplates).toEqual([]);
    const refused = entries().filter((entry) => entry.message.includes('so it is taken as empty'));
    expect(refused.map((entry) => [entry.level, entry.fields?.method])).toEqual(
      expect.arrayContaining([
        ['warn', 'resources/templates/list'],
        ['warn', 'prompts/list'],
      ]),
    );
    expect(refused[0]?.message).toMatch(/-32601/);
    expect((await supervisor.callTool({ name: 'echo', arguments: { text: 'usable' }, callId: 'e' })).content).toEqual([{ type: 'text', text: 'usable' }]);
  });

  it('logs garbage on stdout and keeps the server running', async () => {
    const supervisor = supervise({ CHAOS_ON_START: 'garbage' });
    expect((await supervisor.start()).state).toBe('running');
    await supervisor.callTool({ name: 'garbage_stdout', arguments: { line: 'oops, a print()' }, callId: 'g' });
    expect((await supervisor.callTool({ name: 'echo', arguments: { text: 'still here' }, callId: 'e' })).content).toEqual([
      { type: 'text', text: 'still here' },
    ]);
    const garbage = entries().filter((entry) => entry.source === 'stdout');
    expect(garbage.map((entry) => entry.message)).toEqual([
      'not JSON-RPC on stdout (ignored): this is not JSON-RPC',
      'not JSON-RPC on stdout (ignored): {"half": ',
      'not JSON-RPC on stdout (ignored): oops, a print()',
    ]);
    expect(garbage.every((entry) => entry.level === 'warn')).toBe(true);
  });

  it('redacts an injected secret that the server echoes, in stderr logs and in logged call results', async () => {
    const secret = 'tray-secret-value-123456';
    const supervisor = supervise({ API_KEY: secret }, {}, [secret]);
    await supervisor.start();
    const result = await supervisor.callTool({ name: 'echo_env', arguments: { names: ['API_KEY'] }, callId: 's' });
    // The caller gets what the server said; the timeline never holds the value.
    expect(JSON.stringify(result)).toContain(secret);
    // stderr and stdout are separate pipes: the echoed line may land after the result.
    await waitFor('the echoed stderr line', () => messages().includes('env: {"API_KEY":"[redacted]"}'));
    expect(JSON.stringify(entries())).not.toContain(secret);
    const callEntry = await waitFor('the call log line', () => entries().find((entry) => entry.source === 'call' && entry.fields?.tool === 'echo_env'));
    expect(String(callEntry?.fields?.result)).toContain('[redacted]');
  });

  it('fails clearly when the command does not exist', async () => {
    const supervisor = new ServerSupervisor({
      serverId: 'chaos',
      resolveLaunch: async () => ({ command: '/nonexistent/mcp-server', args: [], env: {}, cwd: temp.dir, secretValues: [] }),
      logs,
      timings: () => ({ healthIntervalMs: 60_000, pingTimeoutMs: 5_000, callTimeoutMs: 30_000 }),
      onHealth: () => {},
      onListChanged: () => {},
    });
    supervisors.push(supervisor);
    const health = await supervisor.start();
    expect(health.state).toBe('failed');
    expect(health.error).toBe('Command "/nonexistent/mcp-server" was not found. Install it or give its full path in the server\'s settings.');
  });

  it('forwards progress, and cancels a running call', async () => {
    const progress: number[] = [];
    const supervisor = supervise({}, { onCallProgress: (callId, event) => callId === 'p' && progress.push(event.progress) });
    await supervisor.start();
    const done = await supervisor.callTool({ name: 'slow', arguments: { steps: 3, stepMs: 10 }, callId: 'p' });
    expect(done.content).toEqual([{ type: 'text', text: 'done after 3 steps' }]);
    // The last notification may be overtaken by the result itself; the earlier ones must be there, in order.
    expect(progress.slice(0, 2)).toEqual([1, 2]);

    const pending = supervisor.callTool({ name: 'slow', arguments: { steps: 1_000, stepMs: 20 }, callId: 'long' });
    await waitFor('the call to be running', () => entries().length > 0);
    expect(supervisor.cancelCall('long')).toBe(true);
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(supervisor.cancelCall('long')).toBe(false);
    // The server heard it too: the SDK sent notifications/cancelled, and the tool stopped early.
    await waitFor('the server to stop the cancelled call', () => entries().find((entry) => entry.message.startsWith('slow: cancelled at step')));
  });

  it('lets a call that keeps reporting progress run past its timeout, and times out one that goes quiet', async () => {
    const steps: number[] = [];
    const supervisor = supervise({}, { onCallProgress: (callId, event) => callId === 'kept-alive' && steps.push(event.progress) });
    await supervisor.start();
    // Six steps of 80 ms: twice the 240 ms timeout in all, but never 240 ms without progress.
    const kept = await supervisor.callTool({ name: 'slow', arguments: { steps: 6, stepMs: 80 }, callId: 'kept-alive', timeoutMs: 240 });
    expect(kept.content).toEqual([{ type: 'text', text: 'done after 6 steps' }]);
    expect(steps.length).toBeGreaterThanOrEqual(5);

    const quiet = supervisor.callTool({ name: 'slow', arguments: { steps: 1, stepMs: 1_000 }, callId: 'quiet', timeoutMs: 240 });
    await expect(quiet).rejects.toMatchObject({ code: 'timeout' });
    const line = await waitFor('the timeout in the log', () => entries().find((entry) => entry.fields?.callId === 'quiet'));
    expect(line).toMatchObject({ level: 'warn', fields: { outcome: 'failed' } });
    expect(line.message).toMatch(/^slow failed after \d+(\.\d+)? ms: .*timed out/);
    // The server was told to stop, as with a cancel.
    await waitFor('the server to stop the timed-out call', () => entries().find((entry) => entry.message === 'slow: cancelled at step 1'));
  });

  it('reports a server\'s own error that speaks of a timeout as a failure with its message, not as the call timing out', async () => {
    const supervisor = supervise({ CHAOS_NOTE: 'the weather service timed out' });
    await supervisor.start();
    const failed = supervisor.callTool({ name: 'error_with_env', arguments: { name: 'CHAOS_NOTE' }, callId: 'server-said' });
    await expect(failed).rejects.toMatchObject({ code: 'failed', message: 'error_with_env failed: MCP error -32603: upstream refused the key the weather service timed out' });
  });

  it('refreshes its tool list on list_changed and forwards MCP log messages', async () => {
    const changed: string[] = [];
    const supervisor = supervise({}, { onListChanged: (kind) => changed.push(kind) });
    await supervisor.start();
    const before = supervisor.lists?.tools.length ?? 0;
    await supervisor.callTool({ name: 'add_tool', arguments: { name: 'brand_new' }, callId: 'a' });
    await waitFor('tools/list_changed', () => changed.includes('tools'));
    expect(supervisor.lists?.tools.length).toBe(before + 1);
    expect(supervisor.lists?.tools.some((tool) => tool.name === 'brand_new')).toBe(true);

    await supervisor.callTool({ name: 'log', arguments: { level: 'warning', message: 'disk almost full' }, callId: 'l' });
    const mcpEntry = await waitFor('the MCP log entry', () => entries().find((entry) => entry.source === 'mcp'));
    expect(mcpEntry).toMatchObject({ level: 'warn', message: 'disk almost full' });
  });

  it('answers a storm of 500 tools/list_changed with at most one refresh in flight and one queued', async () => {
    let refreshes = 0;
    const supervisor = supervise({}, { onListChanged: (kind) => kind === 'tools' && refreshes++ });
    await supervisor.start();
    await supervisor.callTool({ name: 'storm_list_changed', arguments: { count: 500 }, callId: 'storm' });
    // Every notification reached the manager before the storm's answer did.
    const toolsListsReceived = async () => {
      const result = await supervisor.callTool({ name: 'requests_received', arguments: { method: 'tools/list' }, callId: `count-${refreshes}` });
      return Number((result.content[0] as { text: string }).text);
    };
    // One tools/list at start, then one per refresh: equal once every refresh asked for has finished.
    const received = await waitFor('every refresh to finish', async () => {
      const count = await toolsListsReceived();
      return refreshes > 0 && count === 1 + refreshes ? count : undefined;
    });
    expect(refreshes).toBeLessThanOrEqual(2);
    expect(received).toBeLessThanOrEqual(3);
    expect(supervisor.lists?.tools.some((tool) => tool.name === 'storm_list_changed')).toBe(true);
  });

  it('takes a flood of 100,000 stderr lines without losing one or growing without bound', async () => {
    const supervisor = supervise();
    await supervisor.start();
    let stderrEntries = 0;
    const unsubscribe = logs.subscribe((entry) => {
      if (entry.source === 'stderr') stderrEntries++;
    });
    const result = await supervisor.callTool({ name: 'spam_stderr', arguments: { lines: 100_000 }, callId: 'flood' });
    expect(result.content).toEqual([{ type: 'text', text: 'wrote 100000 lines' }]);
    await waitFor('every line in the timeline', () => stderrEntries >= 100_000, 60_000);
    unsubscribe();
    expect(stderrEntries).toBe(100_000);
    const kept = entries().filter((entry) => entry.source === 'stderr');
    expect(kept.length).toBeLessThanOrEqual(5_000);
    expect(kept.at(-1)).toMatchObject({ message: 'spam line 99999', fields: { index: 99_999 } });
    expect((await supervisor.callTool({ name: 'echo', arguments: { text: 'still answering' }, callId: 'after' })).content).toEqual([
      { type: 'text', text: 'still answering' },
    ]);
  });

  it('refuses calls while stopped with a message that says what to do', async () => {
    const supervisor = supervise();
    await expect(supervisor.callTool({ name: 'echo', arguments: {}, callId: 'x' })).rejects.toMatchObject({
      code: 'not_running',
      message: 'Server "chaos" is stopped. Start it first.',
    });
  });
});
