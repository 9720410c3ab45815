/**
 * The CLI against a foreign server that does awkward things (the chaos fixture), through a
 * running manager: tools it cannot call, calls cut short with Ctrl+C, text meant to take over
 * the terminal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { TASK_REQUIRED_REASON } from '../../src/shared/tool-task-support';
import { chaosServerPath, waitFor } from '../support/chaos';
import { createCliSandbox, describeRun, waitForOutput, type BackgroundCli, type CliResult, type CliSandbox } from './cli-harness';

describe('mcp-tray with a foreign server', { timeout: 60_000 }, () => {
  let sandbox: CliSandbox;
  let manager: BackgroundCli;
  let cancelLog: string;

  const cli = (args: string[], input?: string): Promise<CliResult> => sandbox.run(args, input === undefined ? {} : { input });

  beforeAll(async () => {
    sandbox = await createCliSandbox('cli-foreign');
    cancelLog = path.join(sandbox.home, 'chaos-cancel.log');
    for (const args of [
      ['servers', 'add', 'chaos', '--env', `CHAOS_CANCEL_LOG=${cancelLog}`, '--', process.execPath, chaosServerPath],
      // Never the real upstreams: a closed port on this machine.
      ['servers', 'env', 'weather', 'WEATHER_API_URL=http://127.0.0.1:9', 'GEOCODING_API_URL=http://127.0.0.1:9'],
      ['servers', 'env', 'github', 'GITHUB_API_URL=http://127.0.0.1:9'],
    ]) {
      const result = await cli(args);
      expect(result.code, describeRun(result)).toBe(0);
    }
    manager = sandbox.spawn(['run']);
    await waitForOutput(manager, /Press Ctrl\+C to stop/, 'stderr');
    await waitFor('chaos to run', async () => (await cli(['status'])).stdout.match(/^chaos\s+\S+\s+custom\s+running/m), 30_000);
  }, 90_000);

  afterAll(async () => {
    manager?.child.kill('SIGKILL');
    await sandbox?.remove();
  });

  it('tools marks a tool that runs only as an MCP task and says why it cannot be called', async () => {
    const result = await cli(['tools', 'chaos']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toMatch(/^task_only\s+Runs only as an MCP task\.\s+MCP task only$/m);
    expect(result.stdout).toContain(`MCP task only: ${TASK_REQUIRED_REASON}`);
    const call = await cli(['call', 'chaos', 'task_only']);
    expect(call.code, describeRun(call)).toBe(1);
    expect(call.stderr).toContain(TASK_REQUIRED_REASON);
    expect(call.stderr).not.toContain('callToolStream');
  });
});
