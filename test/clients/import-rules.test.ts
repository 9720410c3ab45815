/**
 * The rules of an import beyond the happy path: duplicates, MCP Tray's own entries, disabled entries,
 * VS Code's variables and envFile, Claude Code's per-project entries, the user's choice of secrets,
 * a dry run, and nothing half-done when the keychain refuses or the file changes under us.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/clients/config-parse';
import { KeytarSecretStore } from '../../src/core/secrets';
import type { ClientId } from '../../src/shared/contract';
import { createClientSandbox, rejection, type ClientSandbox } from './support/client-sandbox';
import { filesContaining } from './support/import-checks';

const token = () => `ghp_${randomBytes(18).toString('hex')}`;

function mcpServers(servers: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ ...extra, mcpServers: servers }, undefined, 2)}\n`;
}

describe('import rules', () => {
  let sandbox: ClientSandbox | undefined;
  afterEach(async () => {
    await sandbox?.remove();
    sandbox = undefined;
  });

  const open = async (prefix: string, overrides: Parameters<typeof createClientSandbox>[1] = {}) => (sandbox = await createClientSandbox(prefix, overrides));
  const keychain = (box: ClientSandbox) => new KeytarSecretStore(box.keychainService);

  it('skips what MCP Tray already has: its own entries, a server imported from another client, the same server twice', async () => {
    const box = await open('import-duplicates');
    const memory = { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'], env: { MEMORY_FILE_PATH: '/home/ada/memory.json' } };
    await box.writeConfig('cursor', mcpServers({ memory }));
    await box.core.call('clients.import', { clientId: 'cursor' });
    await box.core.call('clients.register', { clientId: 'windsurf', serverIds: ['weather'] }).catch(() => undefined);
    await box.writeConfig('windsurf', mcpServers({ 'Memory Server': memory, again: memory, other: { ...memory, env: {} } }));
    await box.core.call('clients.register', { clientId: 'windsurf', serverIds: ['weather'] });

    const plan = await box.core.call('clients.importPlan', { clientId: 'windsurf' });

    expect(plan.entries.map((entry) => [entry.name, entry.serverId])).toEqual([['other', 'other']]);
    expect(plan.skipped).toEqual([
      { name: 'Memory Server', scope: 'user', project: null, reason: 'the same server as "memory", already in MCP Tray (same command, arguments and environment)' },
      { name: 'again', scope: 'user', project: null, reason: 'the same server as "memory", already in MCP Tray (same command, arguments and environment)' },
      { name: 'weather', scope: 'user', project: null, reason: 'already MCP Tray\'s (it runs "weather" through the launcher)' },
    ]);
  });

  it('counts two identical entries of one file as one server, and imports a disabled entry disabled', async () => {
    const box = await open('import-disabled');
    const server = { command: 'uvx', args: ['mcp-server-time'] };
    await box.writeConfig('cursor', mcpServers({ 'Time!': { ...server, disabled: true }, 'time copy': server }));
    const plan = await box.core.call('clients.importPlan', { clientId: 'cursor' });
    expect(plan.entries.map((entry) => [entry.name, entry.serverId, entry.enabled])).toEqual([['Time!', 'time', false]]);
    expect(plan.skipped[0]?.reason).toBe('the same server as "Time!" in this file (same command, arguments and environment)');

    await box.core.call('clients.import', { clientId: 'cursor' });
    expect(await box.core.call('servers.get', { id: 'time' })).toMatchObject({ enabled: false, command: 'uvx', args: ['mcp-server-time'] });
  });

  it('resolves VS Code variables and envFile where it can, and says why where it cannot', async () => {
    const box = await open('import-vscode');
    const secret = token();
    await writeFile(path.join(box.home, 'brave.env'), `# brave\nBRAVE_API_KEY=${secret}\nBRAVE_REGION=eu\n`);
    await box.writeConfig(
      'vscode',
      `{
  "inputs": [{ "type": "promptString", "id": "pplx", "password": true }],
  "servers": {
    "brave": { "type": "stdio", "command": "npx", "args": ["-y", "brave-search", "\${userHome}/cache"], "envFile": "\${userHome}/brave.env" },
    "perplexity": { "type": "stdio", "command": "npx", "args": ["pplx"], "env": { "PERPLEXITY_API_KEY": "\${input:pplx}" } },
    "workspace": { "type": "stdio", "command": "node", "args": ["\${workspaceFolder}/server.js"] },
    "no-env-file": { "type": "stdio", "command": "node", "args": ["x.js"], "envFile": "\${userHome}/missing.env" }
  }
}
`,
    );
    const plan = await box.core.call('clients.importPlan', { clientId: 'vscode' });
    const brave = plan.entries.find((entry) => entry.name === 'brave');
    expect(brave?.args).toEqual(['-y', 'brave-search', `${box.home}/cache`]);
    expect(brave?.env).toEqual([
      { name: 'BRAVE_API_KEY', secret: true, reason: 'name', value: null, hint: 'ghp_… (40 characters)', unset: false },
      { name: 'BRAVE_REGION', secret: false, reason: null, value: 'eu', hint: null, unset: false },
    ]);
    expect(brave?.flags.join(' ')).toContain('reads BRAVE_API_KEY from its envFile');
    expect(plan.entries.find((entry) => entry.name === 'perplexity')?.env).toEqual([{ name: 'PERPLEXITY_API_KEY', secret: true, reason: null, value: null, hint: null, unset: true }]);
    expect(plan.skipped.map((skipped) => [skipped.name, skipped.reason])).toEqual([
      ['workspace', 'cannot be resolved: argument 1: ${workspaceFolder} has no fixed value outside a VS Code window (it depends on the open workspace)'],
      ['no-env-file', expect.stringContaining(`its envFile ${box.home}/missing.env cannot be read`)],
    ]);

    const summary = await box.core.call('clients.import', { clientId: 'vscode', rewrite: true });
    expect(summary.added.map((added) => [added.serverId, added.secrets, added.unsetSecrets])).toEqual([
      ['brave', ['BRAVE_API_KEY'], []],
      ['perplexity', [], ['PERPLEXITY_API_KEY']],
    ]);
    expect(await keychain(box).get('brave', 'BRAVE_API_KEY')).toBe(secret);
    expect(await box.core.call('secrets.list', { serverId: 'perplexity' })).toMatchObject({ secrets: [{ name: 'PERPLEXITY_API_KEY', isSet: false }] });
    const servers = parseConfig(await box.readConfig('vscode'), 'jsonc', 'servers', 'mcp.json').servers as Record<string, Record<string, unknown>>;
    expect(servers.brave?.envFile).toBeUndefined();
    expect(servers.brave?.args).toEqual([expect.stringMatching(/mcp-tray-launcher\.js$/), 'brave']);
    expect(servers['no-env-file']?.envFile).toBe('${userHome}/missing.env');
  });

  it("lists Claude Code's per-project entries apart and imports them only when asked", async () => {
    const box = await open('import-projects');
    const secret = token();
    const text = `${JSON.stringify(
      {
        numStartups: 3,
        mcpServers: {},
        projects: { '/home/ada/app': { allowedTools: [], mcpServers: { linear: { type: 'stdio', command: 'npx', args: ['linear-mcp'], env: { LINEAR_API_KEY: secret } } } } },
      },
      undefined,
      2,
    )}\n`;
    await box.writeConfig('claude-code', text);

    const userOnly = await box.core.call('clients.importPlan', { clientId: 'claude-code' });
    expect(userOnly.entries).toEqual([]);
    expect(userOnly.projectEntries).toEqual([{ name: 'linear', project: '/home/ada/app' }]);
    expect((await box.core.call('clients.import', { clientId: 'claude-code', rewrite: true })).added).toEqual([]);
    expect(await box.readConfig('claude-code')).toBe(text);

    const summary = await box.core.call('clients.import', { clientId: 'claude-code', rewrite: true, includeProjects: true });
    expect(summary.added).toEqual([{ name: 'linear', scope: 'project', project: '/home/ada/app', serverId: 'linear', enabled: true, secrets: ['LINEAR_API_KEY'], unsetSecrets: [] }]);
    const written = JSON.parse(await box.readConfig('claude-code')) as { projects: Record<string, { allowedTools: unknown; mcpServers: Record<string, { args: string[] }> }> };
    expect(written.projects['/home/ada/app']?.mcpServers.linear?.args.at(-1)).toBe('linear');
    expect(written.projects['/home/ada/app']?.allowedTools).toEqual([]);
    expect(await filesContaining(secret, box.home, box.dataDir)).toEqual([summary.backupPath]);
  });

  it('keeps a value in the plain environment when the user chooses so, and changes nothing in a dry run', async () => {
    const box = await open('import-choices');
    const secret = token();
    const text = mcpServers({ search: { command: 'npx', args: ['search-mcp', '--api-key', 'abc123'], env: { SEARCH_API_KEY: secret, OTHER_TOKEN: 'x1', SEARCH_REGION_KEY: 'eu-1' } } });
    const configPath = await box.writeConfig('cursor', text);
    const plan = await box.core.call('clients.importPlan', { clientId: 'cursor' });
    const [entry] = plan.entries;
    expect(entry?.args).toEqual(['search-mcp', '--api-key', '[redacted]']);
    expect(entry?.flags[0]).toContain('Argument 3 of "search" looks like a token');

    const keepToken = await rejection(box.core.call('clients.import', { clientId: 'cursor', choices: [{ key: entry?.key ?? '', secrets: [], keepTokenArgs: true }] }));
    expect(keepToken.message).toBe('SEARCH_API_KEY of "search" looks like a token, and MCP Tray keeps tokens only in the keychain: leave it among the secrets that move.');

    const choices = [{ key: entry?.key ?? '', secrets: ['SEARCH_API_KEY', 'OTHER_TOKEN'], keepTokenArgs: true }];
    const dry = await box.core.call('clients.import', { clientId: 'cursor', choices, rewrite: true, dryRun: true });
    expect(dry.diff).toContain('mcp-tray-launcher.js');
    expect(dry.diff).not.toContain(secret);
    expect(await readFile(configPath, 'utf8')).toBe(text);
    expect((await box.core.call('servers.list', {})).map((server) => server.id)).toEqual(['weather', 'github']);
    expect(existsSync(path.join(box.dataDir, 'backups'))).toBe(false);

    const summary = await box.core.call('clients.import', { clientId: 'cursor', choices });
    expect(summary.added[0]?.secrets).toEqual(['SEARCH_API_KEY', 'OTHER_TOKEN']);
    expect(summary.rewritten).toBe(false);
    expect(await box.core.call('servers.get', { id: 'search' })).toMatchObject({ env: { SEARCH_REGION_KEY: 'eu-1' }, secretEnv: ['SEARCH_API_KEY', 'OTHER_TOKEN'] });
    expect(await keychain(box).get('search', 'SEARCH_API_KEY')).toBe(secret);
    expect(await keychain(box).get('search', 'SEARCH_REGION_KEY')).toBeUndefined();
  });

  it('adds nothing and rewrites nothing when the keychain refuses a secret', async () => {
    const box = await open('import-keychain-refuses');
    const secret = token();
    // The second value is over the keychain's size limit: the keychain store refuses it after storing the first.
    const text = mcpServers({ big: { command: 'npx', args: ['big-mcp'], env: { A_TOKEN: secret, B_TOKEN: 'x'.repeat(17 * 1024) } } });
    const configPath = await box.writeConfig('cursor', text);

    const error = await rejection(box.core.call('clients.import', { clientId: 'cursor', rewrite: true }));

    expect(error.message).toMatch(/^B_TOKEN of "big" could not be stored in the keychain: A secret can be at most 16384 bytes.* Nothing was imported\.$/);
    expect(await keychain(box).get('big', 'A_TOKEN')).toBeUndefined();
    expect((await box.core.call('servers.list', {})).map((server) => server.id)).toEqual(['weather', 'github']);
    expect(await readFile(configPath, 'utf8')).toBe(text);
    expect(existsSync(path.join(box.dataDir, 'backups'))).toBe(false);
  });

  it('refuses and undoes everything when the imported entry changes under it', async () => {
    const secret = token();
    const other = token();
    let configPath = '';
    const changed = mcpServers({ gh: { command: 'npx', args: ['gh-mcp'], env: { GH_TOKEN: other } } });
    const box = await open('import-changed', {
      beforeRename: async (clientId: ClientId) => {
        if (clientId === 'cursor') await writeFile(configPath, changed);
      },
    });
    configPath = await box.writeConfig('cursor', mcpServers({ gh: { command: 'npx', args: ['gh-mcp'], env: { GH_TOKEN: secret } } }));

    const error = await rejection(box.core.call('clients.import', { clientId: 'cursor', rewrite: true }));

    expect(error.code).toBe('conflict');
    expect(error.message).toContain('changed since the import was planned');
    expect(await readFile(configPath, 'utf8')).toBe(changed);
    expect(await keychain(box).get('gh', 'GH_TOKEN')).toBeUndefined();
    expect((await box.core.call('servers.list', {})).map((server) => server.id)).toEqual(['weather', 'github']);
    expect(await readdir(path.join(box.dataDir, 'backups', 'cursor')).catch(() => [])).toEqual([]);
  });

  it('deletes only backups in the data folder', async () => {
    const box = await open('import-drop');
    const configPath = await box.writeConfig('cursor', mcpServers({ gh: { command: 'npx', args: ['gh-mcp'], env: { GH_TOKEN: token() } } }));
    const summary = await box.core.call('clients.import', { clientId: 'cursor', rewrite: true });

    const refused = await rejection(box.core.call('clients.dropBackup', { path: configPath }));
    expect(refused.code).toBe('invalid_input');
    expect(existsSync(configPath)).toBe(true);
    const outside = await rejection(box.core.call('clients.dropBackup', { path: path.join(box.dataDir, 'backups', '..', 'settings.json') }));
    expect(outside.code).toBe('invalid_input');
    expect(existsSync(path.join(box.dataDir, 'settings.json'))).toBe(true);

    expect(await box.core.call('clients.dropBackup', { path: summary.backupPath ?? '' })).toEqual({ path: summary.backupPath, deleted: true });
    expect(existsSync(summary.backupPath ?? '')).toBe(false);
    expect((await rejection(box.core.call('clients.dropBackup', { path: summary.backupPath ?? '' }))).code).toBe('not_found');
  });
});
