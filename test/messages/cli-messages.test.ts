/**
 * `mcp-tray messages` against `mcp-tray run` in the background: the messages of a call, as lines
 * and as JSON, and followed as they cross until Ctrl+C.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerSummary } from '../../src/shared/contract';
import type { MessageDetail } from '../../src/shared/messages-contract';
import { chaosServerPath, waitFor } from '../support/chaos';
import { createCliSandbox, describeRun, jsonOf, waitForOutput, type BackgroundCli, type CliResult, type CliSandbox } from '../host/cli-harness';

describe('mcp-tray messages', { timeout: 60_000 }, () => {
  let sandbox: CliSandbox;
  let manager: BackgroundCli;
  const cli = (args: string[]): Promise<CliResult> => sandbox.run(args);

  beforeAll(async () => {
    sandbox = await createCliSandbox('cli-messages');
    const added = await cli(['servers', 'add', 'chaos', '--', process.execPath, chaosServerPath]);
    expect(added.code, describeRun(added)).toBe(0);
    manager = sandbox.spawn(['run']);
    await waitForOutput(manager, /Press Ctrl\+C to stop/, 'stderr');
    await waitFor('chaos to run', async () => {
      const { servers } = jsonOf<{ servers: ServerSummary[] }>(await cli(['status', '--json']));
      return servers.find((server) => server.id === 'chaos')?.health.state === 'running' || undefined;
    }, 30_000);
  }, 90_000);

  afterAll(async () => {
    manager?.child.kill('SIGKILL');
    await sandbox?.remove();
  });

  it('prints a call\'s request and its answer, with who made it, the size and the latency', async () => {
    const call = await cli(['call', 'chaos', 'echo', 'text=listed marker']);
    expect(call.code, describeRun(call)).toBe(0);
    const listed = await cli(['messages', 'chaos', '--method', 'tools/call']);
    expect(listed.code, describeRun(listed)).toBe(0);
    expect(listed.stdout).toMatch(/^\S+ {2}-> {2}MCP Tray {8}tools\/call #\d+ {2}\d+ B$/m);
    expect(listed.stdout).toMatch(/^\S+ {2}<- {2}MCP Tray {8}tools\/call response #\d+ {2}\d+ B in [\d.]+ ms$/m);
    expect(listed.stdout).toMatch(/^\(buffer: [\d.]+ KB of 8 MB, \d+ messages, 0 dropped\)$/m);

    const refused = await cli(['messages', 'chaos', '--direction', 'sideways']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--direction is one of to-server, from-server');
  });

  it('--follow --json prints the backlog, then each new message whole as it crosses, until Ctrl+C', async () => {
    await cli(['call', 'chaos', 'echo', 'text=backlog marker']);
    const follower = sandbox.spawn(['messages', 'chaos', '--follow', '--json', '--method', 'tools/call', '--limit', '2']);
    await waitForOutput(follower, /backlog marker/);
    await cli(['call', 'chaos', 'echo', 'text=followed marker']);
    await waitFor('the followed call\'s answer', () => follower.stdout().split('\n').filter((line) => line.includes('followed marker')).length === 2 || undefined);
    follower.child.kill('SIGINT');
    const result = await follower.exited;
    expect(result.code, describeRun(result)).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as MessageDetail);
    const followed = lines.filter((line) => line.json.includes('followed marker'));
    expect(followed.map(({ direction, kind, session }) => ({ direction, kind, session }))).toEqual([
      { direction: 'to-server', kind: 'request', session: 'MCP Tray' },
      { direction: 'from-server', kind: 'response', session: 'MCP Tray' },
    ]);
    // Each message exactly once: the backlog and the live stream do not overlap.
    expect(new Set(lines.map((line) => line.seq)).size).toBe(lines.length);
  });
});
