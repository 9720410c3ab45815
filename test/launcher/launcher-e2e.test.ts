/**
 * End to end, as Claude Desktop would do it: register into a temp Claude Desktop config, read the
 * entry back, spawn EXACTLY its command/args/env with an otherwise empty environment, and talk MCP to it.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OCTOCAT_TOKEN } from '../servers/fixtures/github-data';
import { startFakeOpenMeteo, weatherEnv, type FakeOpenMeteo } from '../servers/fixtures/weather-fake-open-meteo';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github';
import { requireTestKeychain } from '../support/isolated-keyring';
import { textOf } from '../support/mcp-child';
import { createClientSandbox, type ClientSandbox } from '../clients/support/client-sandbox';
import { ConfigEntrySchema, connectToEntry, type ConfigEntry, type LaunchedEntry } from '../clients/support/entry-process';

describe('a client starts our entry with nothing but the entry', () => {
  let sandbox: ClientSandbox;
  let upstream: FakeOpenMeteo;
  let github: FakeGitHub;
  let configText: string;
  let entries: Record<'weather' | 'github', ConfigEntry>;
  const running: LaunchedEntry[] = [];

  const launch = async (entry: ConfigEntry) => {
    const launched = await connectToEntry(entry);
    running.push(launched);
    return launched;
  };

  beforeAll(async () => {
    requireTestKeychain();
    upstream = await startFakeOpenMeteo();
    github = await startFakeGitHub();
    sandbox = await createClientSandbox('launcher-e2e');
    await sandbox.core.call('servers.setEnv', { id: 'weather', env: weatherEnv(upstream) });
    await sandbox.core.call('servers.setEnv', { id: 'github', env: { GITHUB_API_URL: github.apiUrl } });
    await sandbox.core.call('secrets.set', { serverId: 'github', name: 'GITHUB_TOKEN', value: OCTOCAT_TOKEN });

    const result = await sandbox.core.call('clients.register', { clientId: 'claude-desktop' });
    configText = await readFile(result.configPath, 'utf8');
    const config = JSON.parse(configText) as { mcpServers: Record<string, unknown> };
    entries = { weather: ConfigEntrySchema.parse(config.mcpServers.weather), github: ConfigEntrySchema.parse(config.mcpServers.github) };
  });

  afterAll(async () => {
    for (const launched of running) launched.child.kill('SIGKILL');
    await sandbox?.remove();
    await upstream?.close();
    await github?.close();
  });

  it('runs weather: lists its tools and answers get_weather from the local fake upstream', async () => {
    const weather = await launch(entries.weather);
    const { tools } = await weather.client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['get_forecast', 'get_weather', 'search_locations']);

    const result = await weather.client.callTool({ name: 'get_weather', arguments: { location: 'Paris' } });
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toContain('Current weather in Paris, Île-de-France, France');
    expect(upstream.forecastRequests().length).toBeGreaterThan(0);

    const exit = await weather.close();
    expect(exit).toEqual({ code: 0, signal: null });
  });

  it('writes nothing but JSON-RPC to stdout, from the first byte', async () => {
    const weather = await launch(entries.weather);
    await weather.client.listTools();
    await weather.close();
    const lines = weather.stdout().split('\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(0, -1)) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    // With no MCP Tray running, the launcher's one word on stderr says it starts the server itself.
    const launcherLines = weather.stderr().split('\n').filter((line) => line.startsWith('MCP Tray launcher:'));
    expect(launcherLines).toEqual(['MCP Tray launcher: MCP Tray is not running; starting "weather" directly.']);
  });

  it('runs a bundled server inside the launcher process itself (no second process)', async () => {
    const weather = await launch(entries.weather);
    await weather.client.listTools();
    await weather.close();
    const pids = new Set(
      weather
        .stderr()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => (JSON.parse(line) as { pid?: number }).pid),
    );
    expect([...pids]).toEqual([weather.child.pid]);
  });

  it('reads the GitHub token from the keychain: it reaches GitHub as the Authorization header, never the config file', async () => {
    expect(configText).not.toContain(OCTOCAT_TOKEN);
    const before = github.requests.length;
    const server = await launch(entries.github);
    const result = await server.client.callTool({ name: 'get_me', arguments: {} });
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toContain('octocat');
    const seen = github.requests.slice(before);
    expect(seen.length).toBeGreaterThan(0);
    // Octokit's token auth sends "token <value>" for a token that is not a JWT.
    for (const request of seen) expect(request.headers.authorization).toBe(`token ${OCTOCAT_TOKEN}`);
    await server.close();
  });

  it('starts without a missing secret; a tool that needs it says which secret to set in MCP Tray', async () => {
    await sandbox.core.call('secrets.delete', { serverId: 'github', name: 'GITHUB_TOKEN' });
    try {
      const server = await launch(entries.github);
      const result = await server.client.callTool({ name: 'create_issue', arguments: { owner: 'octocat', repo: 'hello-world', title: 'Hi' } });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain('Set GITHUB_TOKEN for the github server in MCP Tray');
      await server.close();
    } finally {
      await sandbox.core.call('secrets.set', { serverId: 'github', name: 'GITHUB_TOKEN', value: OCTOCAT_TOKEN });
    }
  });

  it('follows settings changed after registration, without registering again', async () => {
    await sandbox.core.call('servers.setEnv', { id: 'weather', env: { WEATHER_API_URL: `${upstream.url}/moved` } });
    try {
      const weather = await launch(entries.weather);
      const result = await weather.client.callTool({ name: 'get_weather', arguments: { location: 'Berlin' } });
      expect(upstream.requests.at(-1)?.url.pathname).toBe('/moved/v1/forecast');
      expect(result.isError).toBe(true);
      await weather.close();
    } finally {
      await sandbox.core.call('servers.setEnv', { id: 'weather', env: { WEATHER_API_URL: upstream.url } });
    }
  });

  it('explains on stderr, with an empty stdout, an entry for a server MCP Tray no longer has', async () => {
    const gone = { ...entries.weather, args: [entries.weather.args[0] ?? '', 'removed-server'] };
    const run = spawnSync(gone.command, gone.args, { env: gone.env ?? {}, input: '', encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('MCP Tray has no server "removed-server"');
    expect(run.stderr).toContain('mcp-tray unregister <client> --servers removed-server');
    const usage = spawnSync(gone.command, [gone.args[0] ?? ''], { env: gone.env ?? {}, input: '', encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stdout).toBe('');
  });
});
