/**
 * Large tool results through the real supervisor and a real child: results of several MB arrive
 * whole, and one over the configured limit fails its own call at once with the sizes, not a timeout.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { LogStore } from '../../src/core/logs';
import { ServerSupervisor, type LaunchSpec } from '../../src/core/supervisor';
import { ContractError } from '../../src/shared/contract';
import { chaosServerPath, makeTempDir } from '../support/chaos';
import { textOf } from '../support/mcp-child';

const MB = 1024 * 1024;
/** Far longer than any of these calls may take: a call that is not answered shows as a test timeout. */
const CALL_TIMEOUT_MS = 3_600_000;

describe('large messages from a server', { timeout: 120_000 }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let logs: LogStore;
  let supervisor: ServerSupervisor | undefined;

  beforeEach(async () => {
    temp = await makeTempDir('large-messages');
    logs = new LogStore({ dir: null, bufferSize: 5_000 });
  });

  afterEach(async () => {
    await supervisor?.dispose();
    await logs.close();
    await temp.remove();
  });

  async function startChaos(maxMessageBytes?: number): Promise<ServerSupervisor> {
    const launch: LaunchSpec = {
      command: process.execPath,
      args: [chaosServerPath],
      env: { PATH: process.env.PATH ?? '' },
      cwd: temp.dir,
      secretValues: [],
      ...(maxMessageBytes !== undefined ? { maxMessageBytes: () => maxMessageBytes } : {}),
    };
    supervisor = new ServerSupervisor({
      serverId: 'chaos',
      resolveLaunch: async () => launch,
      logs,
      timings: () => ({ healthIntervalMs: 600_000, pingTimeoutMs: 5_000, callTimeoutMs: CALL_TIMEOUT_MS }),
      onHealth: () => {},
      onListChanged: () => {},
    });
    expect((await supervisor.start()).state).toBe('running');
    return supervisor;
  }

  it('takes results of 2.8 MB and 10 MB whole, by default', async () => {
    const chaos = await startChaos();
    for (const megabytes of [2.8, 10]) {
      const result = await chaos.callTool({ name: 'big_text', arguments: { megabytes }, callId: `big-${megabytes}` });
      const text = textOf(result);
      expect(text.length).toBe(Math.round(megabytes * MB));
      expect(text.startsWith('line 00000000 of a large result')).toBe(true);
      expect(text.endsWith('END')).toBe(true);
    }
    expect(logs.query({ serverId: 'chaos', minLevel: 'warn', limit: 1_000 }).map((entry) => entry.message)).toEqual([]);
  });

  it('fails only the call whose response is over the limit, at once and saying the sizes, and keeps the server', async () => {
    const chaos = await startChaos(MB);
    const failure = await chaos.callTool({ name: 'big_text', arguments: { megabytes: 2.8 }, callId: 'too-big' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ContractError);
    expect((failure as ContractError).code).toBe('failed');
    // The line's size: the text, its newlines escaped, and the JSON-RPC envelope.
    expect((failure as ContractError).message).toMatch(/the response was too large \(2\.9 MB, limit 1 MB\)/);
    expect(chaos.health().state).toBe('running');
    const echo = await chaos.callTool({ name: 'echo', arguments: { text: 'still here' }, callId: 'after' });
    expect(textOf(echo)).toBe('still here');
    const stdoutLog = logs.query({ serverId: 'chaos', limit: 1_000 }).filter((entry) => entry.source === 'stdout');
    expect(stdoutLog.map((entry) => entry.message)).toContainEqual(
      expect.stringMatching(/^the response to request \d+ was too large to read \(2\.9 MB, limit 1 MB\); that call failed$/),
    );
  });
});
