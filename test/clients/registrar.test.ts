import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/clients/config-parse';
import { projectRoot } from '../support/mcp-child';
import { createClientSandbox, rejection, type ClientSandbox } from './support/client-sandbox';

const LAUNCHER = path.join(projectRoot, 'out/host/mcp-tray-launcher.js');
const FOREIGN_TOKEN = 'ghp_foreignTokenOfAnotherServer0123456789';

/** A Claude Desktop config someone has lived with: four-space indent, other servers, keys we do not know. */
const LIVED_IN_CONFIG = `{
    "globalShortcut": "Alt+Space",
    "mcpServers": {
        "memory": {
            "command": "npx",
            "args": ["-y", "@modelcontextprotocol/server-memory"]
        },
        "brave-search": {
            "command": "npx",
            "args": ["-y", "@modelcontextprotocol/server-brave-search"],
            "env": { "BRAVE_API_KEY": "${FOREIGN_TOKEN}" }
        }
    },
    "preferences": { "quickEntry": true }
}
`;

function serversIn(text: string, key = 'mcpServers'): Record<string, unknown> {
  return parseConfig(text, 'jsonc', key, 'test').servers;
}

describe('registering with MCP clients', () => {
  let sandbox: ClientSandbox;
  afterEach(() => sandbox?.remove());

  it('adds our servers to a lived-in Claude Desktop config and keeps everything else as it was', async () => {
    sandbox = await createClientSandbox('register-keep');
    await sandbox.writeConfig('claude-desktop', LIVED_IN_CONFIG);

    const result = await sandbox.core.call('clients.register', { clientId: 'claude-desktop' });

    expect(result).toMatchObject({ clientId: 'claude-desktop', changed: true, conflicts: [], restartHint: 'Quit Claude Desktop fully and open it again to load the change.' });
    const text = await sandbox.readConfig('claude-desktop');
    const config = JSON.parse(text) as Record<string, unknown>;
    const before = JSON.parse(LIVED_IN_CONFIG) as Record<string, unknown>;
    expect(Object.keys(config)).toEqual(['globalShortcut', 'mcpServers', 'preferences']);
    expect(config.preferences).toEqual(before.preferences);
    const servers = serversIn(text);
    expect(Object.keys(servers)).toEqual(['memory', 'brave-search', 'weather', 'github']);
    expect(servers.memory).toEqual((before.mcpServers as Record<string, unknown>).memory);
    expect(servers['brave-search']).toEqual((before.mcpServers as Record<string, unknown>)['brave-search']);
    // The other servers' lines are untouched, and ours use the file's four-space indentation.
    expect(text.startsWith(LIVED_IN_CONFIG.slice(0, LIVED_IN_CONFIG.indexOf('        }\n    },')))).toBe(true);
    expect(text).toContain('\n        "weather": {\n            "command": ');
    expect(servers.weather).toEqual({
      command: process.execPath,
      args: [LAUNCHER, 'weather'],
      env: {
        MCP_TRAY_HOME: sandbox.dataDir,
        MCP_TRAY_KEYCHAIN_SERVICE: expect.any(String),
        ...(process.platform === 'linux' ? { MCP_TRAY_DBUS_SESSION_BUS_ADDRESS: expect.any(String) } : {}),
        MCP_TRAY_CLIENT: 'claude-desktop',
      },
    });
    expect(result.diff).toContain('+        "github": {');
    expect(result.diff).not.toContain(FOREIGN_TOKEN);
    expect(await readFile(result.backupPath ?? '', 'utf8')).toBe(LIVED_IN_CONFIG);
  });

  it('keeps the comments of a VS Code mcp.json and writes stdio entries under "servers"', async () => {
    sandbox = await createClientSandbox('register-vscode');
    const original = `// My MCP servers
{
  "inputs": [
    // asked for once per session
    { "type": "promptString", "id": "api-key", "password": true }
  ],
  "servers": {
    /* work */
    "fetch": { "type": "stdio", "command": "uvx", "args": ["mcp-server-fetch"] }, // the fetch server
  }
}
`;
    await sandbox.writeConfig('vscode', original);
    await sandbox.core.call('clients.register', { clientId: 'vscode', serverIds: ['weather'] });
    const text = await sandbox.readConfig('vscode');
    for (const comment of ['// My MCP servers', '// asked for once per session', '/* work */', '// the fetch server']) expect(text).toContain(comment);
    expect(serversIn(text, 'servers').weather).toMatchObject({ type: 'stdio', command: process.execPath, args: [LAUNCHER, 'weather'] });
    await sandbox.core.call('clients.unregister', { clientId: 'vscode' });
    expect(await sandbox.readConfig('vscode')).toBe(original);
  });

  it('refuses an unparsable file with its line and column, leaving it byte for byte', async () => {
    sandbox = await createClientSandbox('register-broken');
    const broken = Buffer.from('{\n  "mcpServers": {\n    "memory": { "command": "npx" }\n    "oops": true\n  }\n}\n');
    const file = await sandbox.writeConfig('claude-desktop', broken);

    const error = await rejection(sandbox.core.call('clients.register', { clientId: 'claude-desktop' }));
    expect(error.code).toBe('failed');
    expect(error.message).toBe(`${file} is not valid JSON: a comma is missing at line 4, column 5. MCP Tray left the file exactly as it was; fix it (or move it away) and try again.`);
    expect(Buffer.compare(await readFile(file), broken)).toBe(0);
    expect(await readdir(path.dirname(file))).toEqual(['claude_desktop_config.json']);
    expect(existsSync(path.join(sandbox.dataDir, 'backups'))).toBe(false);

    const status = (await sandbox.core.call('clients.list', {})).find((client) => client.id === 'claude-desktop');
    expect(status?.error).toContain('line 4, column 5');
  });

  it('is idempotent: registering twice changes nothing the second time', async () => {
    sandbox = await createClientSandbox('register-twice');
    await sandbox.writeConfig('cursor', '{\n  "mcpServers": {}\n}\n');
    const first = await sandbox.core.call('clients.register', { clientId: 'cursor' });
    const afterFirst = await sandbox.readConfig('cursor');
    const second = await sandbox.core.call('clients.register', { clientId: 'cursor' });
    expect(first.changed).toBe(true);
    expect(second).toMatchObject({ changed: false, diff: '', backupPath: null, conflicts: [] });
    expect(await sandbox.readConfig('cursor')).toBe(afterFirst);
  });

  it('repairs an outdated entry (the app moved), keeping what the user added to it', async () => {
    sandbox = await createClientSandbox('register-repair');
    await sandbox.core.call('clients.register', { clientId: 'claude-desktop', serverIds: ['weather'] });
    const file = sandbox.configPath('claude-desktop');
    const moved = JSON.parse(await readFile(file, 'utf8')) as { mcpServers: { weather: { command: string; args: string[]; env: Record<string, string> } } };
    moved.mcpServers.weather.command = '/Applications/Old Place/MCP Tray.app/Contents/MacOS/MCP Tray';
    moved.mcpServers.weather.args[0] = '/Applications/Old Place/MCP Tray.app/Contents/Resources/out/host/mcp-tray-launcher.js';
    moved.mcpServers.weather.env.LOG_LEVEL = 'debug';
    await writeFile(file, JSON.stringify(moved, undefined, 2));

    const listed = await sandbox.core.call('clients.list', {});
    expect(listed.find((client) => client.id === 'claude-desktop')?.servers).toEqual([
      { serverId: 'weather', entryName: 'weather', state: 'outdated' },
      { serverId: 'github', entryName: 'github', state: 'not registered' },
    ]);

    const repaired = await sandbox.core.call('clients.repair', { clientId: 'claude-desktop' });
    expect(repaired.changed).toBe(true);
    const weather = serversIn(await readFile(file, 'utf8')).weather as { command: string; args: string[]; env: Record<string, string> };
    expect(weather.command).toBe(process.execPath);
    expect(weather.args).toEqual([LAUNCHER, 'weather']);
    expect(weather.env.LOG_LEVEL).toBe('debug');
    // Repair fixes, it does not add: github stays unregistered.
    expect((await sandbox.core.call('clients.list', {})).find((client) => client.id === 'claude-desktop')?.servers.map((server) => server.state)).toEqual([
      'registered',
      'not registered',
    ]);
  });

  it('takes an entry that does not name its client for ours and outdated, and repair names it', async () => {
    sandbox = await createClientSandbox('register-client-name');
    await sandbox.writeConfig('cursor', '{}\n');
    await sandbox.core.call('clients.register', { clientId: 'cursor', serverIds: ['weather'] });
    const file = sandbox.configPath('cursor');
    const older = JSON.parse(await readFile(file, 'utf8')) as { mcpServers: { weather: { env: Record<string, string> } } };
    expect(older.mcpServers.weather.env.MCP_TRAY_CLIENT).toBe('cursor');
    delete older.mcpServers.weather.env.MCP_TRAY_CLIENT;
    await writeFile(file, JSON.stringify(older, undefined, 2));

    const states = async () => (await sandbox.core.call('clients.list', {})).find((client) => client.id === 'cursor')?.servers.map((server) => [server.serverId, server.state]);
    expect(await states()).toEqual([['weather', 'outdated'], ['github', 'not registered']]);
    await sandbox.core.call('clients.repair', { clientId: 'cursor' });
    expect((serversIn(await readFile(file, 'utf8')).weather as { env: Record<string, string> }).env.MCP_TRAY_CLIENT).toBe('cursor');
    expect(await states()).toEqual([['weather', 'registered'], ['github', 'not registered']]);
  });

  it('never overwrites a foreign "github" entry; with renameOnConflict ours goes in as github-mcp-tray', async () => {
    sandbox = await createClientSandbox('register-conflict');
    const foreign = { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: { GITHUB_PERSONAL_ACCESS_TOKEN: FOREIGN_TOKEN } };
    await sandbox.writeConfig('claude-desktop', `${JSON.stringify({ mcpServers: { github: foreign } }, undefined, 2)}\n`);

    const plain = await sandbox.core.call('clients.register', { clientId: 'claude-desktop' });
    expect(plain.conflicts).toEqual(['github']);
    let servers = serversIn(await sandbox.readConfig('claude-desktop'));
    expect(servers.github).toEqual(foreign);
    expect(Object.keys(servers)).toEqual(['github', 'weather']);

    const renamed = await sandbox.core.call('clients.register', { clientId: 'claude-desktop', renameOnConflict: true });
    expect(renamed.conflicts).toEqual([]);
    servers = serversIn(await sandbox.readConfig('claude-desktop'));
    expect(servers.github).toEqual(foreign);
    expect(servers['github-mcp-tray']).toMatchObject({ args: [LAUNCHER, 'github'] });
    const status = (await sandbox.core.call('clients.list', {})).find((client) => client.id === 'claude-desktop');
    expect(status?.servers.find((server) => server.serverId === 'github')).toEqual({ serverId: 'github', entryName: 'github-mcp-tray', state: 'registered' });
  });

  it('unregisters exactly our entries, leaving a foreign one of the same name', async () => {
    sandbox = await createClientSandbox('unregister');
    const foreign = { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] };
    const original = `${JSON.stringify({ mcpServers: { github: foreign, memory: { command: 'npx' } }, theme: 'dark' }, undefined, 2)}\n`;
    await sandbox.writeConfig('windsurf', original);
    await sandbox.core.call('clients.register', { clientId: 'windsurf', renameOnConflict: true });
    expect(Object.keys(serversIn(await sandbox.readConfig('windsurf')))).toEqual(['github', 'memory', 'weather', 'github-mcp-tray']);

    const removed = await sandbox.core.call('clients.unregister', { clientId: 'windsurf' });
    expect(removed.changed).toBe(true);
    expect(await sandbox.readConfig('windsurf')).toBe(original);
    const again = await sandbox.core.call('clients.unregister', { clientId: 'windsurf' });
    expect(again).toMatchObject({ changed: false, diff: '' });
  });

  it('merges a write another program makes between our read and our rename instead of losing it', async () => {
    let interfered = false;
    sandbox = await createClientSandbox('register-race', {
      beforeRename: async (clientId) => {
        if (interfered || clientId !== 'claude-desktop') return;
        interfered = true;
        // Claude Desktop (say) saves its own change while we are writing.
        const file = sandbox.configPath('claude-desktop');
        const config = JSON.parse(await readFile(file, 'utf8')) as { mcpServers: Record<string, unknown>; globalShortcut?: string };
        config.mcpServers.added_meanwhile = { command: 'uvx', args: ['mcp-server-time'] };
        config.globalShortcut = 'Ctrl+Alt+Space';
        await writeFile(file, JSON.stringify(config, undefined, 2));
      },
    });
    await sandbox.writeConfig('claude-desktop', '{\n  "mcpServers": {\n    "memory": { "command": "npx" }\n  }\n}\n');

    await sandbox.core.call('clients.register', { clientId: 'claude-desktop' });

    expect(interfered).toBe(true);
    const config = JSON.parse(await sandbox.readConfig('claude-desktop')) as { mcpServers: Record<string, unknown>; globalShortcut: string };
    expect(config.globalShortcut).toBe('Ctrl+Alt+Space');
    expect(Object.keys(config.mcpServers)).toEqual(['memory', 'added_meanwhile', 'weather', 'github']);
  });

  it('keeps the last five backups in the data folder', async () => {
    sandbox = await createClientSandbox('register-backups');
    await sandbox.writeConfig('cursor', '{\n  "mcpServers": {}\n}\n');
    const backups: string[] = [];
    for (let round = 0; round < 4; round++) {
      backups.push((await sandbox.core.call('clients.register', { clientId: 'cursor' })).backupPath ?? '');
      backups.push((await sandbox.core.call('clients.unregister', { clientId: 'cursor' })).backupPath ?? '');
    }
    const folder = path.join(sandbox.dataDir, 'backups', 'cursor');
    const kept = (await readdir(folder)).sort();
    expect(kept).toHaveLength(5);
    expect(kept.map((name) => path.join(folder, name))).toEqual(backups.slice(-5));
    // The newest backup is the file as it was right before the last change.
    expect(serversIn(await readFile(backups.at(-1) ?? '', 'utf8'))).toHaveProperty('weather');
  });

  it('creates the Claude Desktop config for a user who installs it later, but not the folder of another client', async () => {
    sandbox = await createClientSandbox('register-missing');
    const cursorError = await rejection(sandbox.core.call('clients.register', { clientId: 'cursor' }));
    expect(cursorError.code).toBe('not_found');
    expect(cursorError.message).toContain('Cursor does not look installed here');
    expect(existsSync(path.join(sandbox.home, '.cursor'))).toBe(false);

    const created = await sandbox.core.call('clients.register', { clientId: 'claude-desktop' });
    expect(created).toMatchObject({ changed: true, backupPath: null });
    expect(created.diff.startsWith('--- /dev/null\n')).toBe(true);
    expect(Object.keys(serversIn(await sandbox.readConfig('claude-desktop')))).toEqual(['weather', 'github']);
  });

  it('previews without writing, and registers only enabled servers unless told which', async () => {
    sandbox = await createClientSandbox('register-preview');
    await sandbox.writeConfig('claude-desktop', '{}\n');
    const preview = await sandbox.core.call('clients.preview', { clientId: 'claude-desktop', action: 'register' });
    expect(preview.changed).toBe(true);
    expect(preview.diff).toContain('+    "weather": {');
    expect(await sandbox.readConfig('claude-desktop')).toBe('{}\n');

    await sandbox.core.call('servers.setEnabled', { id: 'github', enabled: false });
    await sandbox.core.call('clients.register', { clientId: 'claude-desktop' });
    expect(Object.keys(serversIn(await sandbox.readConfig('claude-desktop')))).toEqual(['weather']);
    await sandbox.core.call('clients.register', { clientId: 'claude-desktop', serverIds: ['github'] });
    expect(Object.keys(serversIn(await sandbox.readConfig('claude-desktop')))).toEqual(['weather', 'github']);

    const unknown = await rejection(sandbox.core.call('clients.register', { clientId: 'claude-desktop', serverIds: ['nope'] }));
    expect(unknown.code).toBe('not_found');
  });

  it('lists every client with its detection, path and per-server state', async () => {
    sandbox = await createClientSandbox('register-list');
    await sandbox.writeConfig('vscode', '{ "servers": {} }');
    const clients = await sandbox.core.call('clients.list', {});
    expect(clients.map((client) => [client.id, client.detected])).toEqual([
      ['claude-desktop', false],
      ['claude-code', false],
      ['cursor', false],
      ['copilot', true],
      ['vscode', true],
      ['windsurf', false],
      ['codex', false],
      ['gemini-cli', false],
      ['zed', false],
      ['lm-studio', false],
    ]);
    expect(clients.find((client) => client.id === 'vscode')).toMatchObject({
      configPath: sandbox.configPath('vscode'),
      configExists: true,
      error: null,
      servers: [
        { serverId: 'weather', entryName: 'weather', state: 'not registered' },
        { serverId: 'github', entryName: 'github', state: 'not registered' },
      ],
    });
  });
});
