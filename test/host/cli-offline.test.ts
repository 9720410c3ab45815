/**
 * Every command while MCP Tray is NOT running: configuration and secrets work on an in-process
 * manager that starts nothing; tools/call start just the one server and stop it again;
 * commands that need the running manager say so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ServerSummary } from '../../src/shared/contract';
import { chaosServerPath, isAlive, startsRecorded } from '../support/chaos';
import { startFakeOpenMeteo, type FakeOpenMeteo } from '../servers/fixtures/weather-fake-open-meteo';
import { createCliSandbox, describeRun, jsonOf, type CliResult, type CliSandbox } from './cli-harness';

const NOT_RUNNING = 'MCP Tray is not running. Start it with `mcp-tray run` or open the app, then try again.';

async function everyFileUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('mcp-tray without a running manager', { timeout: 60_000 }, () => {
  let sandbox: CliSandbox;
  let startLog: string;
  let upstream: FakeOpenMeteo;
  const outputs: CliResult[] = [];

  async function cli(args: string[], input?: string): Promise<CliResult> {
    const result = await sandbox.run(args, input === undefined ? {} : { input });
    outputs.push(result);
    return result;
  }

  beforeAll(async () => {
    sandbox = await createCliSandbox('cli-offline');
    startLog = path.join(sandbox.home, 'chaos-starts.log');
    upstream = await startFakeOpenMeteo();
    const added = await cli([
      'servers', 'add', 'chaos', '--name', 'Chaos Monkey', '--env', `CHAOS_START_LOG=${startLog}`, '--secret', 'CHAOS_TOKEN',
      '--', process.execPath, chaosServerPath,
    ]);
    expect(added.code, describeRun(added)).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await upstream?.close();
    await sandbox?.remove();
  });

  it('status says the manager is not running and lists the configured servers, all stopped', async () => {
    const result = await cli(['status']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toContain('MCP Tray is not running');
    expect(result.stdout).toMatch(/^ID\s+NAME\s+KIND\s+STATE\s+PID\s+UPTIME\s+RESTARTS\s+TOOLS$/m);
    expect(result.stdout).toMatch(/^weather\s+Weather\s+bundled\s+stopped\s+-/m);
    expect(result.stdout).toMatch(/^chaos\s+Chaos Monkey\s+custom\s+stopped\s+-/m);

    const json = jsonOf<{ manager: { running: boolean; pid: number | null; dataDir: string }; servers: ServerSummary[] }>(await cli(['status', '--json']));
    expect(json.manager).toEqual({ running: false, pid: null, dataDir: sandbox.dataDir });
    expect(json.servers.map((server) => [server.id, server.health.state])).toEqual([
      ['weather', 'stopped'],
      ['github', 'stopped'],
      ['chaos', 'stopped'],
    ]);
  });

  it('servers add stores the server without starting anything, and servers list shows it', async () => {
    expect(await startsRecorded(startLog)).toEqual([]);
    const list = await cli(['servers', 'list']);
    expect(list.code, describeRun(list)).toBe(0);
    expect(list.stdout).toMatch(/^ID\s+NAME\s+KIND\s+ENABLED\s+AUTOSTART\s+COMMAND$/m);
    expect(list.stdout).toMatch(new RegExp(`^chaos\\s+Chaos Monkey\\s+custom\\s+yes\\s+yes\\s+${process.execPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `, 'm'));
    expect(list.stdout).toContain(`env: CHAOS_START_LOG=${startLog}`);
    expect(list.stdout).toContain('secrets: CHAOS_TOKEN');

    const servers = jsonOf<ServerSummary[]>(await cli(['servers', 'list', '--json']));
    const chaos = servers.find((server) => server.id === 'chaos');
    expect(chaos).toMatchObject({
      name: 'Chaos Monkey',
      kind: 'custom',
      command: process.execPath,
      args: [chaosServerPath],
      env: { CHAOS_START_LOG: startLog },
      secretEnv: ['CHAOS_TOKEN'],
      enabled: true,
      autostart: true,
    });
  });

  it('servers add refuses a command that does not exist, naming it, and saves nothing', async () => {
    const result = await cli(['servers', 'add', 'ghost', '--', '/nowhere/mcp-ghost-server', '--flag']);
    expect(result.code, describeRun(result)).toBe(1);
    expect(result.stderr).toMatch(/^mcp-tray: Command "\/nowhere\/mcp-ghost-server" was not found or is not executable/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const settings = await readFile(path.join(sandbox.dataDir, 'settings.json'), 'utf8');
    expect(settings).not.toContain('ghost');
  });

  it('servers add refuses an id that is taken or malformed', async () => {
    const taken = await cli(['servers', 'add', 'weather', '--', process.execPath, chaosServerPath]);
    expect(taken.code, describeRun(taken)).toBe(1);
    expect(taken.stderr).toContain('mcp-tray: A server with id "weather" already exists');
    const malformed = await cli(['servers', 'add', 'Bad_Id', '--', process.execPath]);
    expect(malformed.code, describeRun(malformed)).toBe(1);
    expect(malformed.stderr).toMatch(/^mcp-tray: id: A server id is 1-63 lowercase letters/);
  });

  it('servers env sets and removes variables of a bundled server and of a custom one', async () => {
    const set = await cli(['servers', 'env', 'weather', `WEATHER_API_URL=${upstream.url}`, `GEOCODING_API_URL=${upstream.url}`, 'EXTRA=1']);
    expect(set.code, describeRun(set)).toBe(0);
    expect(set.stdout).toBe(`weather env: EXTRA=1 GEOCODING_API_URL=${upstream.url} WEATHER_API_URL=${upstream.url}\n`);
    const removed = await cli(['servers', 'env', 'weather', 'EXTRA=']);
    expect(removed.stdout).toBe(`weather env: GEOCODING_API_URL=${upstream.url} WEATHER_API_URL=${upstream.url}\n`);
    const custom = await cli(['servers', 'env', 'chaos', 'CHAOS_MOOD=calm']);
    expect(custom.code, describeRun(custom)).toBe(0);
    const servers = jsonOf<ServerSummary[]>(await cli(['servers', 'list', '--json']));
    expect(servers.find((server) => server.id === 'weather')?.env).toEqual({ WEATHER_API_URL: upstream.url, GEOCODING_API_URL: upstream.url });
    expect(servers.find((server) => server.id === 'chaos')?.env).toEqual({ CHAOS_START_LOG: startLog, CHAOS_MOOD: 'calm' });
  });

  it('servers env refuses to put a secret in plain settings, and names an unknown server', async () => {
    const secret = await cli(['servers', 'env', 'chaos', 'CHAOS_TOKEN=plain']);
    expect(secret.code, describeRun(secret)).toBe(1);
    expect(secret.stderr).toContain('mcp-tray: CHAOS_TOKEN is a secret of "chaos": set it with "mcp-tray secrets set chaos CHAOS_TOKEN"');
    const unknown = await cli(['servers', 'env', 'nosuch', 'A=1']);
    expect(unknown.code, describeRun(unknown)).toBe(1);
    expect(unknown.stderr).toContain('mcp-tray: There is no server "nosuch"');
  });

  it('servers sharing shows the default of a custom server, sets it, and keeps it', async () => {
    const shown = await cli(['servers', 'sharing', 'chaos']);
    expect(shown.code, describeRun(shown)).toBe(0);
    expect(shown.stdout).toBe('chaos sharing: per-session (each client session gets a server process of its own)\n');
    const set = await cli(['servers', 'sharing', 'chaos', 'Shared']);
    expect(set.stdout).toBe('chaos sharing: shared (every client uses one server process)\n');
    const servers = jsonOf<ServerSummary[]>(await cli(['servers', 'list', '--json']));
    expect(servers.find((server) => server.id === 'chaos')?.sharing).toBe('shared');
    await cli(['servers', 'sharing', 'chaos', 'per-session']);
  });

  it('sessions says no client is connected while MCP Tray is not running, and names an unknown server', async () => {
    const text = await cli(['sessions']);
    expect(text.code, describeRun(text)).toBe(0);
    expect(text.stdout).toContain('MCP Tray is not running, so no client is connected through it.');
    expect(jsonOf<{ sessions: unknown[] }>(await cli(['sessions', 'weather', '--json']))).toEqual({ sessions: [] });
    const unknown = await cli(['sessions', 'nosuch']);
    expect(unknown.code, describeRun(unknown)).toBe(1);
    expect(unknown.stderr).toContain('There is no server "nosuch"');
  });

  describe('secrets', () => {
    const secretValue = `cli-secret-${randomBytes(8).toString('hex')}`;

    it('secrets list shows the declared secrets, none set yet', async () => {
      const result = await cli(['secrets', 'list']);
      expect(result.code, describeRun(result)).toBe(0);
      expect(result.stdout).toMatch(/^SERVER\s+NAME\s+STATUS$/m);
      expect(result.stdout).toMatch(/^github\s+GITHUB_TOKEN\s+not set$/m);
      expect(result.stdout).toMatch(/^chaos\s+CHAOS_TOKEN\s+not set$/m);
      const one = jsonOf<{ secrets: unknown[] }>(await cli(['secrets', 'list', 'chaos', '--json']));
      expect(one.secrets).toEqual([{ serverId: 'chaos', name: 'CHAOS_TOKEN', isSet: false }]);
    });

    it('secrets set refuses a value on the command line (exit 2) and explains why', async () => {
      const result = await cli(['secrets', 'set', 'chaos', 'CHAOS_TOKEN', 'on-the-command-line']);
      expect(result.code, describeRun(result)).toBe(2);
      expect(result.stderr).toContain('never takes a secret value on the command line: shell history and the process list would keep it');
      expect(result.stderr).toContain('Usage: mcp-tray secrets set <id> <NAME>');
      const { secrets } = jsonOf<{ secrets: Array<{ isSet: boolean }> }>(await cli(['secrets', 'list', 'chaos', '--json']));
      expect(secrets[0]?.isSet).toBe(false);
    });

    it('secrets set refuses NAME=value without repeating the value, and says it is now in the shell history', async () => {
      const value = 'typed-on-the-command-line-0b7e';
      for (const args of [['secrets', 'set', 'chaos', `CHAOS_TOKEN=${value}`], ['secrets', 'set', 'chaos', 'CHAOS_TOKEN', value]]) {
        const result = await cli(args);
        expect(result.code, describeRun(result)).toBe(2);
        expect(result.stdout + result.stderr).not.toContain(value);
        expect(result.stderr).toContain("The value you typed is now in your shell's history");
      }
      const { secrets } = jsonOf<{ secrets: Array<{ isSet: boolean }> }>(await cli(['secrets', 'list', 'chaos', '--json']));
      expect(secrets[0]?.isSet).toBe(false);
    });

    it('secrets set refuses a name the server does not declare, and an empty value', async () => {
      const undeclared = await cli(['secrets', 'set', 'chaos', 'OTHER_TOKEN'], 'whatever');
      expect(undeclared.code, describeRun(undeclared)).toBe(1);
      expect(undeclared.stderr).toContain('"chaos" does not declare a secret named OTHER_TOKEN (it declares: CHAOS_TOKEN)');
      const empty = await cli(['secrets', 'set', 'chaos', 'CHAOS_TOKEN'], '');
      expect(empty.code, describeRun(empty)).toBe(1);
      expect(empty.stderr).toContain('A secret cannot be empty');
    });

    it('secrets set reads the value from stdin; list then shows it set, never its value', async () => {
      const set = await cli(['secrets', 'set', 'chaos', 'CHAOS_TOKEN'], `${secretValue}\n`);
      expect(set.code, describeRun(set)).toBe(0);
      expect(set.stdout).toBe('Saved chaos/CHAOS_TOKEN in the system keychain.\n');
      const list = await cli(['secrets', 'list']);
      expect(list.stdout).toMatch(/^chaos\s+CHAOS_TOKEN\s+set$/m);
      const json = jsonOf<{ secrets: unknown[] }>(await cli(['secrets', 'list', '--json']));
      expect(json.secrets).toContainEqual({ serverId: 'chaos', name: 'CHAOS_TOKEN', isSet: true });
    });

    it('the stored secret reaches the server when tools/call start it', async () => {
      const result = await cli(['call', 'chaos', 'env_keys']);
      expect(result.code, describeRun(result)).toBe(0);
      expect(JSON.parse(result.stdout)).toContain('CHAOS_TOKEN');
    });

    it('secrets delete removes it', async () => {
      const deleted = await cli(['secrets', 'delete', 'chaos', 'CHAOS_TOKEN']);
      expect(deleted.code, describeRun(deleted)).toBe(0);
      expect(deleted.stdout).toBe('Deleted chaos/CHAOS_TOKEN from the system keychain.\n');
      const list = await cli(['secrets', 'list', 'chaos']);
      expect(list.stdout).toMatch(/^chaos\s+CHAOS_TOKEN\s+not set$/m);
      const keys = await cli(['call', 'chaos', 'env_keys']);
      expect(JSON.parse(keys.stdout)).not.toContain('CHAOS_TOKEN');
    });

    it('the value never appeared in any output or any file of the data folder', async () => {
      for (const output of outputs) {
        expect(output.stdout).not.toContain(secretValue);
        expect(output.stderr).not.toContain(secretValue);
      }
      const files = await everyFileUnder(sandbox.dataDir);
      expect(files.some((file) => file.endsWith('settings.json'))).toBe(true);
      for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(secretValue);
    });
  });

  it('tools starts just that server, lists its tools, and stops it again', async () => {
    const before = (await startsRecorded(startLog)).length;
    const result = await cli(['tools', 'chaos']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toMatch(/^TOOL\s+DESCRIPTION\s+HINTS$/m);
    expect(result.stdout).toMatch(/^echo\s+Echoes text\.$/m);
    const pids = await startsRecorded(startLog);
    expect(pids.length).toBe(before + 1);
    for (const pid of pids) expect(isAlive(pid), `chaos pid ${pid}`).toBe(false);

    const json = jsonOf<{ tools: Array<{ name: string; inputSchema: unknown }> }>(await cli(['tools', 'chaos', '--json']));
    expect(json.tools.find((tool) => tool.name === 'echo')?.inputSchema).toMatchObject({ type: 'object', properties: { text: { type: 'string' } } });
  });

  it('tools and call name a server that does not start', async () => {
    await cli(['servers', 'add', 'crashy', '--env', 'CHAOS_ON_START=crash', '--', process.execPath, chaosServerPath]);
    const result = await cli(['tools', 'crashy']);
    expect(result.code, describeRun(result)).toBe(1);
    expect(result.stderr).toMatch(/^mcp-tray: Server "crashy" did not start/);
    expect(result.stderr).toContain('chaos: crashing at start as told');
    const removed = await cli(['servers', 'remove', 'crashy']);
    expect(removed.code, describeRun(removed)).toBe(0);
  });

  it('call passes key=value arguments: JSON when it parses, text where the schema wants a string', async () => {
    const text = await cli(['call', 'chaos', 'echo', 'text=00123']);
    expect(text.code, describeRun(text)).toBe(0);
    expect(text.stdout).toBe('00123\n');
    const numbers = await cli(['call', 'chaos', 'slow', 'steps=2', 'stepMs=0']);
    expect(numbers.stdout).toBe('done after 2 steps\n');
    const array = await cli(['call', 'chaos', 'echo_env', 'names=["CHAOS_MOOD","NOT_SET_ANYWHERE"]']);
    expect(array.code, describeRun(array)).toBe(0);
    expect(JSON.parse(array.stdout)).toEqual({ CHAOS_MOOD: 'calm', NOT_SET_ANYWHERE: null });
  });

  it('call passes --json arguments and prints text then structured content', async () => {
    const result = await cli(['call', 'weather', 'get_weather', '--json', '{"location": "Berlin", "units": "celsius"}']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toContain('Berlin');
    expect(result.stdout).toContain('Weather data by Open-Meteo.com');
    expect(result.stdout).toMatch(/^structured content:\n\{\n {2}"/m);
    expect(upstream.forecastRequests().length).toBeGreaterThan(0);

    const raw = jsonOf<{ content: unknown[]; structuredContent?: unknown; isError?: boolean }>(
      await cli(['call', 'weather', 'get_weather', 'location=Paris', '--output', 'json']),
    );
    expect(raw.content.length).toBeGreaterThan(0);
    expect(raw.structuredContent).toBeDefined();
    expect(raw.isError ?? false).toBe(false);
  });

  it('call exits 1 when the tool reports an error, and prints its message', async () => {
    const result = await cli(['call', 'weather', 'get_weather', 'location=Atlantis Nowhere']);
    expect(result.code, describeRun(result)).toBe(1);
    expect(result.stdout.length).toBeGreaterThan(0);
    const invalid = await cli(['call', 'chaos', 'echo', '--json', '{"text": 5}']);
    expect(invalid.code, describeRun(invalid)).toBe(1);
  });

  it('call names a tool the server does not have', async () => {
    const result = await cli(['call', 'chaos', 'no_such_tool']);
    expect(result.code, describeRun(result)).toBe(1);
    expect(result.stderr).toBe('mcp-tray: "chaos" has no tool named no_such_tool. Run `mcp-tray tools chaos` to see its tools.\n');
  });

  it('logs reads what the last runs wrote to the log files', async () => {
    const result = await cli(['logs', 'chaos', '--limit', '500']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} {2}chaos {2}INFO {3}running \(pid \d+\)/m);
    expect(result.stdout).toMatch(/INFO {3}echo ok in /);
    const limited = await cli(['logs', 'chaos', '-n', '2']);
    expect(limited.stdout.trim().split('\n')).toHaveLength(2);
    const json = jsonOf<{ entries: Array<{ serverId: string; level: string }> }>(await cli(['logs', 'weather', '--level', 'warn', '--json']));
    expect(json.entries.every((entry) => entry.serverId === 'weather' && ['warn', 'error', 'fatal'].includes(entry.level))).toBe(true);
  });

  it('logs names an unknown server', async () => {
    const result = await cli(['logs', 'nosuch']);
    expect(result.code, describeRun(result)).toBe(1);
    expect(result.stderr).toContain('There is no server "nosuch"');
  });

  it.each([['start'], ['stop'], ['restart']])('%s says MCP Tray is not running (exit 1)', async (action) => {
    const result = await cli([action, 'chaos']);
    expect(result.code, describeRun(result)).toBe(1);
    expect(result.stderr).toBe(`mcp-tray: ${NOT_RUNNING}\n`);
  });

  it('logs --follow says MCP Tray is not running (exit 1)', async () => {
    const result = await cli(['logs', 'chaos', '--follow']);
    expect(result.code, describeRun(result)).toBe(1);
    expect(result.stderr).toBe(`mcp-tray: ${NOT_RUNNING}\n`);
  });

  it('servers remove removes a custom server and refuses a bundled one', async () => {
    const bundled = await cli(['servers', 'remove', 'weather']);
    expect(bundled.code, describeRun(bundled)).toBe(1);
    expect(bundled.stderr).toContain('"weather" is a bundled server');
    const removed = await cli(['servers', 'remove', 'chaos']);
    expect(removed.code, describeRun(removed)).toBe(0);
    expect(removed.stdout).toBe('Removed "chaos".\n');
    const servers = jsonOf<ServerSummary[]>(await cli(['servers', 'list', '--json']));
    expect(servers.map((server) => server.id)).toEqual(['weather', 'github']);
    const again = await cli(['servers', 'remove', 'chaos']);
    expect(again.code, describeRun(again)).toBe(1);
  });

  it('no server started by any command is still running', async () => {
    const pids = await startsRecorded(startLog);
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) expect(isAlive(pid), `chaos pid ${pid}`).toBe(false);
  });
});
