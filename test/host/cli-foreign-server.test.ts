/**
 * The CLI against a foreign server that does awkward things (the chaos fixture), through a
 * running manager: tools it cannot call, calls cut short with Ctrl+C, text meant to take over
 * the terminal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { connectControlSocket } from '../../src/surfaces/control-socket/client';
import { MAX_INPUT_DEPTH } from '../../src/shared/input-depth';
import { TASK_REQUIRED_REASON } from '../../src/shared/tool-task-support';
import { chaosServerPath, waitFor } from '../support/chaos';
import { createCliSandbox, describeRun, waitForOutput, type BackgroundCli, type CliResult, type CliSandbox } from './cli-harness';

describe('mcp-tray with a foreign server', { timeout: 60_000 }, () => {
  let sandbox: CliSandbox;
  let manager: BackgroundCli;
  let cancelLog: string;

  /** Lines the wait_for_cancel tool recorded: "waiting <request id>" and "cancelled <request id>: <reason>". */
  const cancelRecords = async () => (await readFile(cancelLog, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  /** Waits for a wait_for_cancel call that started after the `known` records, and answers its request id. */
  const nextWaitingRequest = (known: string[]) =>
    waitFor('the tool to start waiting', async () => (await cancelRecords()).slice(known.length).find((line) => line.startsWith('waiting '))?.slice('waiting '.length), 30_000);
  const cancellationOf = (requestId: string) =>
    waitFor(`the server to be told to cancel request ${requestId}`, async () => (await cancelRecords()).find((line) => line.startsWith(`cancelled ${requestId}:`)), 20_000);

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

  it('Ctrl+C on call cancels the call in the server at once, and exits 130', async () => {
    const before = await cancelRecords();
    // A timeout of an hour: only the cancellation itself can end this call within the test.
    const call = sandbox.spawn(['call', 'chaos', 'wait_for_cancel', '--timeout', '3600']);
    const requestId = await nextWaitingRequest(before);
    call.child.kill('SIGINT');
    expect(await cancellationOf(requestId)).toContain('Cancelled by the user');
    const result = await call.exited;
    expect(result.code, describeRun(result)).toBe(130);
    expect(result.stderr).toContain('The call to wait_for_cancel was cancelled.');
  });

  it('a control connection that closes cancels the calls it started', async () => {
    const before = await cancelRecords();
    const client = await connectControlSocket(sandbox.dataDir);
    if (!client) throw new Error('the manager does not answer on its control socket');
    const call = client.call('tools.call', { serverId: 'chaos', name: 'wait_for_cancel', arguments: {}, timeoutMs: 3_600_000 });
    const requestId = await nextWaitingRequest(before);
    client.close();
    await expect(call).rejects.toMatchObject({ code: 'manager_unreachable' });
    expect(await cancellationOf(requestId)).toContain('Cancelled');
  });

  describe('text meant to take over the terminal', () => {
    // An OSC title change ended by BEL, colours, a bare carriage return, a C1 CSI and a right-to-left override.
    const hostile = 'title\x1b]0;pwned\x07 \x1b[31mred\x1b[0m hidden\rshown \x9b2J \u202eevil';
    // eslint-disable-next-line no-control-regex
    const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

    it('call prints a result with every control character shown, not acted on; --output json keeps it raw', async () => {
      const text = await cli(['call', 'chaos', 'echo', `text=${hostile}`]);
      expect(text.code, describeRun(text)).toBe(0);
      expect(text.stdout).not.toMatch(UNSAFE);
      expect(text.stdout).toContain('title␛]0;pwned␇ ␛[31mred␛[0m hidden␍shown <U+009B>2J <U+202E>evil');
      const json = await cli(['call', 'chaos', 'echo', `text=${hostile}`, '--output', 'json']);
      expect(json.code, describeRun(json)).toBe(0);
      expect(JSON.parse(json.stdout).content[0].text).toBe(hostile);
    });

    it('logs prints a server\'s log message with every control character shown; --json keeps it raw', async () => {
      const logged = await cli(['call', 'chaos', 'log', 'level=warning', `message=${hostile}`]);
      expect(logged.code, describeRun(logged)).toBe(0);
      const text = await cli(['logs', 'chaos', '--level', 'warn']);
      expect(text.code, describeRun(text)).toBe(0);
      expect(text.stdout).toContain('title␛]0;pwned␇');
      expect(text.stdout).not.toMatch(UNSAFE);
      const json = await cli(['logs', 'chaos', '--level', 'warn', '--json']);
      const entries = (JSON.parse(json.stdout) as { entries: Array<{ message: string }> }).entries;
      expect(entries.some((entry) => entry.message.includes(hostile))).toBe(true);
    });
  });

  it('the control socket answers arguments nested thousands of levels deep with invalid_input', async () => {
    // Built as text: serialising such a value would itself overflow the stack.
    const levels = 10_000;
    const line = `{"id":1,"method":"tools.call","params":{"serverId":"chaos","name":"echo","arguments":{"text":"x","extra":${'['.repeat(levels)}${']'.repeat(levels)}}}}\n`;
    const socket = connect(path.join(sandbox.dataDir, 'control.sock'));
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    socket.write(line);
    const reply = await waitFor('the reply', () => received.includes('\n') && (JSON.parse(received.slice(0, received.indexOf('\n'))) as { id: number; error?: { code: string; message: string } }));
    socket.destroy();
    expect(reply.error).toEqual({ code: 'invalid_input', message: expect.stringContaining(`nested more than ${MAX_INPUT_DEPTH} levels deep`) });
  });
});
