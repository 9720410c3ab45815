/**
 * Registering with GitHub Copilot's portable file, Codex, Gemini CLI, Zed and LM Studio, against
 * config files shaped like the ones people have: other servers, keys MCP Tray does not know,
 * comments, odd but valid formatting.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, lstat, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseWithSmolToml } from 'smol-toml';
import { afterEach, describe, expect, it } from 'vitest';
import { CODEX_STARTUP_TIMEOUT_SEC } from '../../src/core/clients/codex';
import { parseConfigText } from '../../src/core/clients/config-syntax';
import { clientById } from '../../src/core/clients/all-clients';
import type { ClientId } from '../../src/shared/contract';
import { projectRoot } from '../support/mcp-child';
import { createClientSandbox, rejection, type ClientSandbox } from './support/client-sandbox';

const LAUNCHER = path.join(projectRoot, 'out/host/mcp-tray-launcher.js');

/** The portable Copilot file as the Copilot CLI writes it: its own "local" type, a remote server, a key of its own. */
const COPILOT_CONFIG = `{
  "mcpServers": {
    "playwright": {
      "type": "local",
      "command": "npx",
      "args": ["@playwright/mcp@latest"],
      "tools": ["*"]
    },
    "context7": {
      "type": "http",
      "url": "https://mcp.context7.com/mcp",
      "headers": { "CONTEXT7_API_KEY": "\${CONTEXT7_API_KEY}" },
      "tools": ["*"]
    }
  },
  "experimental": { "deferTools": "auto" }
}
`;

/** Codex's config.toml: comments, inline tables, dotted keys, a date, servers and profiles. */
const CODEX_CONFIG = readFileSync(path.join(projectRoot, 'test/fixtures/client-configs/codex-config.toml'), 'utf8');

/** Gemini CLI's settings.json: the user's other settings around one server, with a comment, tab-indented. */
const GEMINI_CONFIG = `{
\t// my Gemini settings
\t"general": { "vimMode": true, "preferredEditor": "code" },
\t"ui": { "theme": "GitHub" },
\t"mcp": { "allowed": ["memory"] },
\t"mcpServers": {
\t\t"memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"], "trust": false, "timeout": 30000 }
\t},
\t"telemetry": { "enabled": false }
}
`;

/** Zed's settings.json as Zed writes it: a comment header, trailing commas, an old-style custom server. */
const ZED_CONFIG = `// Zed settings
//
// For information on how to configure Zed, see the Zed
// documentation: https://zed.dev/docs/configuring-zed
{
  "ui_font_size": 16,
  "theme": {
    "mode": "system",
    "light": "One Light",
    "dark": "One Dark",
  },
  "context_servers": {
    "postgres": {
      "source": "custom",
      "command": { "path": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres"], "env": {} }, // old shape
    },
  },
  "agent": { "default_model": { "provider": "zed.dev", "model": "claude-sonnet-4" } },
}
`;

/** LM Studio's mcp.json with a remote server, four-space indented, CRLF line endings. */
const LM_STUDIO_CONFIG = '{\r\n    "mcpServers": {\r\n        "hf-mcp-server": {\r\n            "url": "https://huggingface.co/mcp",\r\n            "headers": { "Authorization": "Bearer <YOUR_HF_TOKEN>" }\r\n        }\r\n    }\r\n}\r\n';

const FIXTURES: Array<{ clientId: ClientId; text: string; theirs: string[] }> = [
  { clientId: 'copilot', text: COPILOT_CONFIG, theirs: ['playwright', 'context7'] },
  { clientId: 'codex', text: CODEX_CONFIG, theirs: ['context7', 'docs'] },
  { clientId: 'gemini-cli', text: GEMINI_CONFIG, theirs: ['memory'] },
  { clientId: 'zed', text: ZED_CONFIG, theirs: ['postgres'] },
  { clientId: 'lm-studio', text: LM_STUDIO_CONFIG, theirs: ['hf-mcp-server'] },
];

function serversIn(clientId: ClientId, text: string): Record<string, Record<string, unknown>> {
  const client = clientById(clientId);
  return parseConfigText(text.replace(/^\uFEFF/, ''), client.syntax, client.serversKey, 'test').servers as Record<string, Record<string, unknown>>;
}

describe('registering with the newer MCP clients', () => {
  let sandbox: ClientSandbox;
  afterEach(() => sandbox?.remove());

  it.each(FIXTURES)('$clientId: register adds only ours, unregister gives the file back byte for byte', async ({ clientId, text, theirs }) => {
    sandbox = await createClientSandbox(`more-${clientId}`);
    await sandbox.writeConfig(clientId, text);

    const registered = await sandbox.core.call('clients.register', { clientId });
    expect(registered).toMatchObject({ changed: true, conflicts: [] });
    const written = await sandbox.readConfig(clientId);
    const servers = serversIn(clientId, written);
    expect(Object.keys(servers)).toEqual([...theirs, 'weather', 'github']);
    for (const name of theirs) expect(servers[name]).toEqual(serversIn(clientId, text)[name]);
    expect(servers.weather).toMatchObject({ command: process.execPath, args: [LAUNCHER, 'weather'] });
    const listed = (await sandbox.core.call('clients.list', {})).find((client) => client.id === clientId);
    expect(listed).toMatchObject({ detected: true, configExists: true, error: null });
    expect(listed?.servers.map((server) => server.state)).toEqual(['registered', 'registered']);

    const removed = await sandbox.core.call('clients.unregister', { clientId });
    expect(removed.changed).toBe(true);
    expect(await sandbox.readConfig(clientId)).toBe(text);
  });

  it('writes the portable Copilot shape: type "stdio", env and every tool', async () => {
    sandbox = await createClientSandbox('more-copilot-shape');
    await sandbox.writeConfig('copilot', COPILOT_CONFIG);
    await sandbox.core.call('clients.register', { clientId: 'copilot', serverIds: ['github'] });
    const github = serversIn('copilot', await sandbox.readConfig('copilot')).github;
    expect(github).toEqual({ type: 'stdio', command: process.execPath, args: [LAUNCHER, 'github'], env: expect.objectContaining({ MCP_TRAY_HOME: sandbox.dataDir }), tools: ['*'] });
    expect(Object.keys(github ?? {})).toEqual(['type', 'command', 'args', 'env', 'tools']);
  });

  it("Codex: after registering the file still parses with a second parser, keeps its comments, and only our tables were added", async () => {
    sandbox = await createClientSandbox('more-codex');
    await sandbox.writeConfig('codex', CODEX_CONFIG);
    const result = await sandbox.core.call('clients.register', { clientId: 'codex' });
    const written = await sandbox.readConfig('codex');

    const before = parseWithSmolToml(CODEX_CONFIG);
    const after = parseWithSmolToml(written);
    const { mcp_servers: ours, ...restAfter } = after;
    const { mcp_servers: theirs, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    expect(Object.keys(ours as object)).toEqual(['context7', 'docs', 'weather', 'github']);
    for (const name of ['context7', 'docs']) expect((ours as Record<string, unknown>)[name]).toEqual((theirs as Record<string, unknown>)[name]);
    expect((ours as Record<string, unknown>).weather).toEqual({
      command: process.execPath,
      args: [LAUNCHER, 'weather'],
      startup_timeout_sec: CODEX_STARTUP_TIMEOUT_SEC,
      env: expect.objectContaining({ MCP_TRAY_HOME: sandbox.dataDir }),
    });
    for (const comment of ['# Codex settings, edited by hand', '# ask before running anything', '# inline env table', '# The docs server is remote.', '# Profiles: codex --profile fast', '# cheap']) {
      expect(written).toContain(comment);
    }
    // Only lines were added, all of them in our tables; the diff shows exactly those.
    const added = result.diff.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++'));
    const removed = result.diff.split('\n').filter((line) => line.startsWith('-') && !line.startsWith('---'));
    expect(removed).toEqual([]);
    expect(added.filter((line) => line.startsWith('+['))).toEqual(['+[mcp_servers.weather]', '+[mcp_servers.weather.env]', '+[mcp_servers.github]', '+[mcp_servers.github.env]']);
    expect(written).toContain('\n[mcp_servers.weather]\n');
  });

  it.each([
    ['copilot', '{\n  "mcpServers": {\n    "a": { "command": "a" }\n  // no comments in strict JSON\n}\n', /is not valid JSON/],
    ['codex', 'model = "o3"\n[mcp_servers.a]\ncommand = \n', /is not valid TOML: .* at line 3, column/],
    ['gemini-cli', '{ "mcpServers": { "a": { "command": "a" } }', /is not valid JSON with comments: a closing \} is missing/],
    ['zed', '{ "context_servers": [ }', /is not valid JSON with comments/],
    ['lm-studio', '{ "mcpServers": { "a": } }', /is not valid JSON: a value is expected/],
  ] as const)('%s: refuses an unparsable file and leaves it byte for byte', async (clientId, text, message) => {
    sandbox = await createClientSandbox(`more-broken-${clientId}`);
    const file = await sandbox.writeConfig(clientId, text);
    await expect(sandbox.core.call('clients.register', { clientId })).rejects.toThrow(message);
    expect(await readFile(file, 'utf8')).toBe(text);
    const listed = (await sandbox.core.call('clients.list', {})).find((client) => client.id === clientId);
    expect(listed?.error).toMatch(message);
  });
});

/** Each client's file with one key twice: the second would silently win, so it is not ours to rewrite. */
const DUPLICATE_KEYS: Partial<Record<ClientId, string>> = {
  copilot: '{\n  "mcpServers": {},\n  "mcpServers": { "a": { "command": "a" } }\n}\n',
  codex: '[mcp_servers.a]\ncommand = "a"\n\n[mcp_servers.a]\ncommand = "b"\n',
  'gemini-cli': '{\n  // two of them\n  "mcpServers": { "a": { "command": "a" } },\n  "mcpServers": {}\n}\n',
  zed: '{\n  "context_servers": { "a": { "command": "a" }, "a": { "command": "b" } },\n}\n',
  'lm-studio': '{ "mcpServers": { "a": { "command": "a" } }, "mcpServers": {} }',
};

describe.each(FIXTURES.map((fixture) => fixture.clientId))('%s: the same refusals as every other client', (clientId) => {
  let sandbox: ClientSandbox;
  afterEach(() => sandbox?.remove());

  it('refuses a file with a key given twice, leaving it byte for byte', async () => {
    sandbox = await createClientSandbox(`more-duplicate-${clientId}`);
    const text = DUPLICATE_KEYS[clientId] ?? '';
    const file = await sandbox.writeConfig(clientId, text);
    const error = await rejection(sandbox.core.call('clients.register', { clientId }));
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/twice/);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe where the file should be, without waiting on it', async () => {
    sandbox = await createClientSandbox(`more-fifo-${clientId}`);
    const file = await sandbox.writeConfig(clientId, '');
    await rm(file);
    execFileSync('mkfifo', [file]);
    await expect(sandbox.core.call('clients.register', { clientId })).rejects.toThrow(`${file} is not a regular file`);
    expect((await lstat(file)).isFIFO()).toBe(true);
  });

  it('refuses a read-only file, leaving it byte for byte', async () => {
    sandbox = await createClientSandbox(`more-readonly-${clientId}`);
    const { text } = FIXTURES.find((fixture) => fixture.clientId === clientId) ?? { text: '' };
    const file = await sandbox.writeConfig(clientId, text);
    await chmod(file, 0o444);
    await expect(sandbox.core.call('clients.register', { clientId })).rejects.toThrow(file);
    expect(await readFile(file, 'utf8')).toBe(text);
    expect((await lstat(file)).mode & 0o777).toBe(0o444);
  });
});
