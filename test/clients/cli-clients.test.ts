/** `mcp-tray clients`, `register` and `unregister`, run as the built CLI in a sandbox with its own temp HOME. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientStatusSchema } from '../../src/shared/contract';
import { createCliSandbox, describeRun, jsonOf, type CliSandbox } from '../host/cli-harness';

describe('mcp-tray clients / register / unregister', () => {
  let cli: CliSandbox;
  let claudeConfig: string;

  beforeEach(async () => {
    cli = await createCliSandbox('cli-clients');
    // The CLI resolves client paths from its own HOME (the sandbox's), as a user's shell would.
    claudeConfig = path.join(cli.home, '.config', 'Claude', 'claude_desktop_config.json');
  });
  afterEach(() => cli.remove());

  async function writeClaudeConfig(text: string): Promise<void> {
    await mkdir(path.dirname(claudeConfig), { recursive: true });
    await writeFile(claudeConfig, text);
  }

  it.skipIf(process.platform !== 'linux')('lists the clients as JSON and as a table', async () => {
    const json = await cli.run(['clients', '--json']);
    expect(json.code, describeRun(json)).toBe(0);
    const clients = ClientStatusSchema.array().parse(jsonOf(json));
    expect(clients.map((client) => client.id)).toEqual(['claude-desktop', 'claude-code', 'cursor', 'copilot', 'vscode', 'windsurf', 'codex', 'gemini-cli', 'zed', 'lm-studio']);
    expect(clients[0]).toMatchObject({ detected: false, configPath: claudeConfig, error: null });

    const table = await cli.run(['clients']);
    expect(table.code, describeRun(table)).toBe(0);
    expect(table.stdout).toMatch(/^CLIENT\s+DETECTED\s+WEATHER\s+GITHUB\s+CONFIG FILE$/m);
    expect(table.stdout).toMatch(/^claude-desktop\s+no\s+not registered\s+not registered\s+\S/m);
  });

  it.skipIf(process.platform !== 'linux')('shows a dry run without writing, then registers, then unregisters', async () => {
    const dry = await cli.run(['register', 'claude-desktop', '--dry-run']);
    expect(dry.code, describeRun(dry)).toBe(0);
    expect(dry.stdout).toContain(`--- /dev/null\n+++ ${claudeConfig}`);
    expect(dry.stdout).toContain('Dry run:');
    expect(existsSync(claudeConfig)).toBe(false);

    const registered = await cli.run(['register', 'claude-desktop', '--servers', 'weather']);
    expect(registered.code, describeRun(registered)).toBe(0);
    expect(registered.stdout).toContain('  weather: registered');
    expect(registered.stdout).toContain('Quit Claude Desktop fully and open it again to load the change.');
    const config = JSON.parse(await readFile(claudeConfig, 'utf8')) as { mcpServers: Record<string, { env: Record<string, string> }> };
    expect(Object.keys(config.mcpServers)).toEqual(['weather']);
    expect(config.mcpServers.weather?.env).toMatchObject({ MCP_TRAY_HOME: cli.dataDir, MCP_TRAY_KEYCHAIN_SERVICE: cli.keychainService });

    const removed = await cli.run(['unregister', 'claude-desktop']);
    expect(removed.code, describeRun(removed)).toBe(0);
    expect(JSON.parse(await readFile(claudeConfig, 'utf8'))).toEqual({ mcpServers: {} });
  });

  it.skipIf(process.platform !== 'linux')("registers with Codex's config.toml and unregisters, leaving it as it was", async () => {
    const codexConfig = path.join(cli.home, '.codex', 'config.toml');
    const original = '# mine\nmodel = "o3"\n\n[profiles.fast]\nmodel = "mini"\n';
    await mkdir(path.dirname(codexConfig), { recursive: true });
    await writeFile(codexConfig, original);

    const registered = await cli.run(['register', 'codex', '--servers', 'weather']);
    expect(registered.code, describeRun(registered)).toBe(0);
    expect(registered.stdout).toContain('+[mcp_servers.weather]');
    expect(registered.stdout).toContain('  weather: registered');
    expect(await readFile(codexConfig, 'utf8')).toContain(`\n[mcp_servers.weather.env]\nMCP_TRAY_HOME = ${JSON.stringify(cli.dataDir)}\n`);

    const removed = await cli.run(['unregister', 'codex']);
    expect(removed.code, describeRun(removed)).toBe(0);
    expect(await readFile(codexConfig, 'utf8')).toBe(original);
  });

  it('exits 2 on a wrong command line', async () => {
    const unknownClient = await cli.run(['register', 'notepad']);
    expect(unknownClient.code, describeRun(unknownClient)).toBe(2);
    expect(unknownClient.stderr).toContain('Unknown client "notepad". Choose one of: claude-desktop, claude-code, cursor, copilot, vscode, windsurf, codex, gemini-cli, zed, lm-studio.');
    const unknownServer = await cli.run(['register', 'claude-desktop', '--servers', 'weather,nope']);
    expect(unknownServer.code, describeRun(unknownServer)).toBe(2);
    expect(unknownServer.stderr).toContain('There is no server "nope"');
    const badId = await cli.run(['unregister', 'cursor', '--servers', 'Not An Id']);
    expect(badId.code, describeRun(badId)).toBe(2);
    const missing = await cli.run(['register']);
    expect(missing.code, describeRun(missing)).toBe(2);
    expect(missing.stderr).toContain('Missing <client>.');
  });

  it.skipIf(process.platform !== 'linux')('exits 1 and leaves an unparsable file as it was', async () => {
    const broken = '{ "mcpServers": { "memory": { "command": "npx" } ';
    await writeClaudeConfig(broken);
    const result = await cli.run(['register', 'claude-desktop']);
    expect(result.code, describeRun(result)).toBe(1);
    expect(result.stderr).toContain(`${claudeConfig} is not valid JSON: a closing } is missing at line 1, column`);
    expect(await readFile(claudeConfig, 'utf8')).toBe(broken);
  });

  it.skipIf(process.platform !== 'linux')('exits 1 when a foreign entry holds the name, and 0 with --rename-on-conflict', async () => {
    await writeClaudeConfig(JSON.stringify({ mcpServers: { github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] } } }, undefined, 2));
    const plain = await cli.run(['register', 'claude-desktop']);
    expect(plain.code, describeRun(plain)).toBe(1);
    expect(plain.stdout).toContain('github: the file already has a server named "github" that MCP Tray did not add; it was left as it is.');
    const renamed = await cli.run(['register', 'claude-desktop', '--rename-on-conflict', '--json']);
    expect(renamed.code, describeRun(renamed)).toBe(0);
    expect(jsonOf<{ conflicts: string[]; changed: boolean }>(renamed)).toMatchObject({ conflicts: [], changed: true });
    const config = JSON.parse(await readFile(claudeConfig, 'utf8')) as { mcpServers: Record<string, unknown> };
    expect(Object.keys(config.mcpServers)).toEqual(['github', 'weather', 'github-mcp-tray']);
  });
});
