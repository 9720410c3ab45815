/**
 * `secrets set` on a terminal: the value is typed at a prompt that echoes nothing. The terminal
 * is a real pseudo-terminal from util-linux `script`, so raw mode and echo are the real thing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chaosServerPath, waitFor } from '../support/chaos';
import { cliPath, createCliSandbox, describeRun, jsonOf, type CliResult, type CliSandbox } from './cli-harness';

const hasScript = process.platform === 'linux' && spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasScript) console.warn('[cli-secret-prompt] skipped: needs util-linux "script" on Linux to give the CLI a terminal (apt-get install bsdutils).');

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Runs the CLI on a pseudo-terminal, types `keys` once the prompt shows, and collects everything the terminal showed. */
async function runOnTerminal(sandbox: CliSandbox, args: string[], keys: string): Promise<CliResult> {
  const command = [process.execPath, cliPath, ...args].map(shellQuote).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { env: sandbox.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let shown = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (shown += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout: shown, stderr })));
  await waitFor('the hidden prompt', () => shown.includes('typing is hidden'), 20_000);
  child.stdin.write(keys);
  const result = await exited;
  child.stdin.destroy();
  return result;
}

describe.skipIf(!hasScript)('mcp-tray secrets set at a terminal', { timeout: 60_000 }, () => {
  let sandbox: CliSandbox;

  beforeAll(async () => {
    sandbox = await createCliSandbox('cli-prompt');
    const added = await sandbox.run(['servers', 'add', 'chaos', '--secret', 'CHAOS_TOKEN', '--', process.execPath, chaosServerPath]);
    expect(added.code, describeRun(added)).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await sandbox?.remove();
  });

  it('asks without echoing, saves what was typed (backspace included), and never shows it', async () => {
    const secret = `typed-${randomBytes(6).toString('hex')}`;
    const result = await runOnTerminal(sandbox, ['secrets', 'set', 'chaos', 'CHAOS_TOKEN'], `${secret}X\u007f\r`);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toContain('Value for chaos/CHAOS_TOKEN (typing is hidden, Enter to save): ');
    expect(result.stdout).toContain('Saved chaos/CHAOS_TOKEN in the system keychain.');
    expect(result.stdout).not.toContain(secret.slice(0, 8));
    const list = jsonOf<{ secrets: unknown[] }>(await sandbox.run(['secrets', 'list', 'chaos', '--json']));
    expect(list.secrets).toEqual([{ serverId: 'chaos', name: 'CHAOS_TOKEN', isSet: true }]);
    // What was stored is what was typed, without the erased X: the server sees exactly that value.
    const echoed = await sandbox.run(['call', 'chaos', 'echo_env', 'names=["CHAOS_TOKEN"]', '--output', 'json']);
    expect(jsonOf<{ structuredContent: unknown }>(echoed).structuredContent).toEqual({ CHAOS_TOKEN: secret });
  });

  it('Ctrl+C at the prompt saves nothing and exits 130', async () => {
    await sandbox.run(['secrets', 'delete', 'chaos', 'CHAOS_TOKEN']);
    const result = await runOnTerminal(sandbox, ['secrets', 'set', 'chaos', 'CHAOS_TOKEN'], 'half-typed\u0003');
    expect(result.code, describeRun(result)).toBe(130);
    expect(result.stdout).toContain('Cancelled; nothing was saved.');
    expect(result.stdout).not.toContain('half-typed');
    const list = jsonOf<{ secrets: unknown[] }>(await sandbox.run(['secrets', 'list', 'chaos', '--json']));
    expect(list.secrets).toEqual([{ serverId: 'chaos', name: 'CHAOS_TOKEN', isSet: false }]);
  });
});
