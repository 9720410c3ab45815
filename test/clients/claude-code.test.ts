import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../src/shared/contract';
import { createClientSandbox, type ClientSandbox } from './support/client-sandbox';

/**
 * A stand-in for Claude Code's `claude` CLI: it records its arguments and applies `mcp add-json` /
 * `mcp remove` with --scope user to $HOME/.claude.json, refusing an existing or missing name like
 * the real one. FAKE_CLAUDE_FAIL makes it fail.
 */
function fakeClaudeScript(logFile: string): string {
  return `#!${process.execPath}
const fs = require('node:fs');
const path = require('node:path');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(logFile)}, JSON.stringify(args) + '\\n');
if (process.env.FAKE_CLAUDE_FAIL) { process.stderr.write('Error: something broke\\n'); process.exit(1); }
const file = path.join(process.env.HOME, '.claude.json');
const config = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
config.mcpServers = config.mcpServers || {};
const [group, verb, scopeFlag, scope, name, json] = args;
if (group !== 'mcp' || scopeFlag !== '--scope' || scope !== 'user') { process.stderr.write('unexpected arguments\\n'); process.exit(2); }
if (verb === 'add-json') {
  if (config.mcpServers[name]) { process.stderr.write('MCP server ' + name + ' already exists in user config\\n'); process.exit(1); }
  config.mcpServers[name] = JSON.parse(json);
} else if (verb === 'remove') {
  if (!config.mcpServers[name]) { process.stderr.write('No user-scoped MCP server found with name: ' + name + '\\n'); process.exit(1); }
  delete config.mcpServers[name];
} else { process.exit(2); }
fs.writeFileSync(file, JSON.stringify(config, null, 2));
`;
}

const CLAUDE_STATE = { numStartups: 42, projects: { '/home/ada/work': { allowedTools: [], mcpServers: {} } }, mcpServers: { memory: { type: 'stdio', command: 'npx', args: [] } } };

describe('Claude Code', () => {
  let sandbox: ClientSandbox;
  afterEach(() => sandbox?.remove());

  async function withFakeCli(env: Record<string, string> = {}): Promise<{ calls: () => Promise<string[][]> }> {
    const bin = path.join(path.dirname(sandbox.home), 'bin');
    const log = path.join(path.dirname(sandbox.home), 'claude-calls.log');
    await mkdir(bin, { recursive: true });
    await writeFile(path.join(bin, 'claude'), fakeClaudeScript(log));
    await chmod(path.join(bin, 'claude'), 0o755);
    Object.assign(sandbox.context.env, { PATH: bin, ...env });
    return {
      calls: async () =>
        (await readFile(log, 'utf8').catch(() => ''))
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as string[]),
    };
  }

  it.skipIf(process.platform === 'win32')('registers, repairs and unregisters through `claude mcp` when the CLI is installed', async () => {
    sandbox = await createClientSandbox('claude-code-cli');
    await writeFile(path.join(sandbox.home, '.claude.json'), JSON.stringify(CLAUDE_STATE, null, 2));
    const cli = await withFakeCli();

    const registered = await sandbox.core.call('clients.register', { clientId: 'claude-code', serverIds: ['weather'] });
    expect(registered.changed).toBe(true);
    expect(registered.diff).toContain('+    "weather": {');
    expect(await readFile(registered.backupPath ?? '', 'utf8')).toBe(JSON.stringify(CLAUDE_STATE, null, 2));
    const [addCall] = await cli.calls();
    expect(addCall?.slice(0, 5)).toEqual(['mcp', 'add-json', '--scope', 'user', 'weather']);
    expect(JSON.parse(addCall?.[5] ?? '{}')).toMatchObject({ type: 'stdio', command: process.execPath });

    // The app moved: register replaces our outdated entry (remove, then add-json: add-json refuses an existing name).
    const file = path.join(sandbox.home, '.claude.json');
    const config = JSON.parse(await readFile(file, 'utf8')) as { mcpServers: Record<string, { command: string }> };
    config.mcpServers.weather!.command = '/old/node';
    await writeFile(file, JSON.stringify(config, null, 2));
    await sandbox.core.call('clients.register', { clientId: 'claude-code', serverIds: ['weather'] });
    expect((await cli.calls()).slice(1).map((call) => call.slice(0, 5).join(' '))).toEqual(['mcp remove --scope user weather', 'mcp add-json --scope user weather']);

    await sandbox.core.call('clients.unregister', { clientId: 'claude-code' });
    expect((await cli.calls()).at(-1)).toEqual(['mcp', 'remove', '--scope', 'user', 'weather']);
    const after = JSON.parse(await readFile(file, 'utf8')) as typeof CLAUDE_STATE;
    expect(after.mcpServers).toEqual(CLAUDE_STATE.mcpServers);
    expect(after.projects).toEqual(CLAUDE_STATE.projects);
  });

  it.skipIf(process.platform === 'win32')('reports a failing CLI with its own words, and the file stays as it was', async () => {
    sandbox = await createClientSandbox('claude-code-cli-fails');
    const original = JSON.stringify(CLAUDE_STATE, null, 2);
    await writeFile(path.join(sandbox.home, '.claude.json'), original);
    await withFakeCli({ FAKE_CLAUDE_FAIL: '1' });
    const error = await sandbox.core.call('clients.register', { clientId: 'claude-code' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).message).toContain('"claude mcp add-json --scope user weather" failed: Error: something broke');
    expect(await readFile(path.join(sandbox.home, '.claude.json'), 'utf8')).toBe(original);
  });

  it("edits ~/.claude.json itself, with the same care, when the CLI is not installed", async () => {
    sandbox = await createClientSandbox('claude-code-file', { findClaudeCli: () => undefined });
    const original = `${JSON.stringify(CLAUDE_STATE, null, 2)}\n`;
    await writeFile(path.join(sandbox.home, '.claude.json'), original);
    await sandbox.core.call('clients.register', { clientId: 'claude-code' });
    const config = JSON.parse(await readFile(path.join(sandbox.home, '.claude.json'), 'utf8')) as typeof CLAUDE_STATE & { mcpServers: Record<string, unknown> };
    expect(config.numStartups).toBe(42);
    expect(config.projects).toEqual(CLAUDE_STATE.projects);
    expect(Object.keys(config.mcpServers)).toEqual(['memory', 'weather', 'github']);
    expect(config.mcpServers.github).toMatchObject({ type: 'stdio', command: process.execPath });
    await sandbox.core.call('clients.unregister', { clientId: 'claude-code' });
    expect(await readFile(path.join(sandbox.home, '.claude.json'), 'utf8')).toBe(original);
  });
});
