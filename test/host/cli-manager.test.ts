/**
 * `mcp-tray run` in the background, driven by the other commands through its control socket,
 * then stopped with SIGINT: every child it started must be gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ClientSession, LogEntry, ServerSummary } from '../../src/shared/contract';
import { chaosServerPath, isAlive, startsRecorded, waitFor } from '../support/chaos';
import { startFakeOpenMeteo, type FakeOpenMeteo } from '../servers/fixtures/weather-fake-open-meteo';
import { initializeRequest, startLauncher } from '../support/launcher-process';
import { createCliSandbox, describeRun, jsonOf, waitForOutput, type BackgroundCli, type CliResult, type CliSandbox } from './cli-harness';

interface StatusJson {
  manager: { running: boolean; pid: number | null };
  servers: ServerSummary[];
}

describe('mcp-tray run and the commands that drive it', { timeout: 60_000 }, () => {
  let sandbox: CliSandbox;
  let upstream: FakeOpenMeteo;
  let manager: BackgroundCli;
  let startLog: string;
  const serverPids = new Set<number>();

  const cli = (args: string[], input?: string): Promise<CliResult> => sandbox.run(args, input === undefined ? {} : { input });
  async function status(): Promise<StatusJson> {
    const json = jsonOf<StatusJson>(await cli(['status', '--json']));
    for (const server of json.servers) if (server.health.pid !== null) serverPids.add(server.health.pid);
    return json;
  }
  const stateOf = (json: StatusJson, id: string) => json.servers.find((server) => server.id === id)?.health;

  beforeAll(async () => {
    sandbox = await createCliSandbox('cli-manager');
    upstream = await startFakeOpenMeteo();
    startLog = path.join(sandbox.home, 'chaos-starts.log');
    for (const args of [
      ['servers', 'add', 'chaos', '--env', `CHAOS_START_LOG=${startLog}`, '--secret', 'CHAOS_TOKEN', '--', process.execPath, chaosServerPath],
      ['servers', 'env', 'weather', `WEATHER_API_URL=${upstream.url}`, `GEOCODING_API_URL=${upstream.url}`],
      // Never the real GitHub: a closed port on this machine.
      ['servers', 'env', 'github', 'GITHUB_API_URL=http://127.0.0.1:9'],
    ]) {
      const result = await cli(args);
      expect(result.code, describeRun(result)).toBe(0);
    }
    manager = sandbox.spawn(['run']);
    await waitForOutput(manager, /Press Ctrl\+C to stop/, 'stderr');
    await waitFor('every autostart server to run', async () => {
      const json = await status();
      return json.servers.every((server) => server.health.state === 'running') && json;
    }, 30_000);
  }, 90_000);

  afterAll(async () => {
    manager?.child.kill('SIGKILL');
    await upstream?.close();
    await sandbox?.remove();
  });

  it('status reports the running manager, its pid and every server running', async () => {
    const result = await cli(['status']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toContain(`MCP Tray is running (pid ${manager.child.pid}).`);
    expect(result.stdout).toMatch(/^chaos\s+chaos\s+custom\s+running\s+\d+\s+\d+s\s+0\s+\d+$/m);
    const json = await status();
    expect(json.manager).toMatchObject({ running: true, pid: manager.child.pid });
    expect(json.servers.map((server) => [server.id, server.health.state])).toEqual([
      ['weather', 'running'],
      ['github', 'running'],
      ['chaos', 'running'],
    ]);
  });

  it('the control socket is private to this user', () => {
    const socketPath = path.join(sandbox.dataDir, 'control.sock');
    expect(statSync(socketPath).isSocket()).toBe(true);
    expect(statSync(socketPath).mode & 0o777).toBe(0o600);
    expect(statSync(sandbox.dataDir).mode & 0o777).toBe(0o700);
  });

  it('a second run for the same data folder is refused and leaves the first alone', async () => {
    const second = await cli(['run']);
    expect(second.code, describeRun(second)).toBe(1);
    expect(second.stderr).toContain(`mcp-tray: MCP Tray is already running for ${sandbox.dataDir} (pid ${manager.child.pid}).`);
    expect(existsSync(path.join(sandbox.dataDir, 'control.sock'))).toBe(true);
    expect((await status()).manager.running).toBe(true);
  });

  it('stop, start and restart a server through the manager', async () => {
    const before = stateOf(await status(), 'chaos');
    const firstPid = before?.pid as number;
    expect(isAlive(firstPid)).toBe(true);

    const stopped = await cli(['stop', 'chaos']);
    expect(stopped.code, describeRun(stopped)).toBe(0);
    expect(stopped.stdout).toBe('chaos: stopped\n');
    expect(isAlive(firstPid)).toBe(false);
    expect(stateOf(await status(), 'chaos')?.state).toBe('stopped');

    const started = await cli(['start', 'chaos']);
    expect(started.code, describeRun(started)).toBe(0);
    expect(started.stdout).toMatch(/^chaos: running \(pid \d+\)\n$/);
    const secondPid = stateOf(await status(), 'chaos')?.pid as number;
    expect(secondPid).not.toBe(firstPid);
    expect(isAlive(secondPid)).toBe(true);

    const restarted = await cli(['restart', 'chaos']);
    expect(restarted.code, describeRun(restarted)).toBe(0);
    const thirdPid = stateOf(await status(), 'chaos')?.pid as number;
    expect(restarted.stdout).toBe(`chaos: running (pid ${thirdPid})\n`);
    expect(thirdPid).not.toBe(secondPid);
    expect(isAlive(secondPid)).toBe(false);

    const unknown = await cli(['start', 'nosuch']);
    expect(unknown.code, describeRun(unknown)).toBe(1);
    expect(unknown.stderr).toContain('There is no server "nosuch"');
  });

  it('tools and call go to the servers the manager runs, without starting others', async () => {
    const startsBefore = (await startsRecorded(startLog)).length;
    const tools = await cli(['tools', 'weather']);
    expect(tools.code, describeRun(tools)).toBe(0);
    expect(tools.stdout).toMatch(/^get_weather\s+/m);
    const call = await cli(['call', 'weather', 'get_forecast', 'location=Berlin', 'days=2']);
    expect(call.code, describeRun(call)).toBe(0);
    expect(call.stdout).toContain('Berlin');
    const echo = await cli(['call', 'chaos', 'echo', 'text=hello from the socket']);
    expect(echo.stdout).toBe('hello from the socket\n');
    expect((await startsRecorded(startLog)).length).toBe(startsBefore);
  });

  it('logs shows the timeline the manager keeps, filtered by level, as text or JSON', async () => {
    await cli(['call', 'chaos', 'log', 'level=warning', 'message=a warning for the logs test']);
    const text = await cli(['logs', 'chaos']);
    expect(text.code, describeRun(text)).toBe(0);
    expect(text.stdout).toMatch(/ chaos {2}INFO {3}running \(pid \d+\)/);
    expect(text.stdout).toMatch(/ chaos {2}WARN {3}a warning for the logs test$/m);
    const warnings = jsonOf<{ entries: LogEntry[] }>(await cli(['logs', 'chaos', '--level', 'warn', '--json']));
    expect(warnings.entries.length).toBeGreaterThan(0);
    expect(warnings.entries.every((entry) => entry.level === 'warn' || entry.level === 'error' || entry.level === 'fatal')).toBe(true);
    expect(warnings.entries.map((entry) => entry.message)).toContain('a warning for the logs test');
  });

  it('sessions lists a client connected through the launcher, and logs --client shows only the calls it made', async () => {
    const launcher = startLauncher('chaos', { MCP_TRAY_HOME: sandbox.dataDir, MCP_TRAY_CLIENT: 'cursor' });
    try {
      launcher.send(initializeRequest());
      await launcher.answer(0);
      launcher.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      launcher.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: { text: 'from cursor' } } });
      await launcher.answer(1);
      await cli(['call', 'chaos', 'echo', 'text=from the command line']);

      const sessions = await waitFor('the call to be counted', async () => {
        const json = jsonOf<{ sessions: ClientSession[] }>(await cli(['sessions', 'chaos', '--json']));
        return json.sessions[0]?.calls === 1 && json.sessions;
      });
      expect(sessions).toMatchObject([{ serverId: 'chaos', client: 'cursor', calls: 1 }]);
      const text = await cli(['sessions']);
      expect(text.code, describeRun(text)).toBe(0);
      expect(text.stdout).toMatch(/^SERVER\s+CLIENT\s+SINCE\s+CALLS\s+PID$/m);
      expect(text.stdout).toMatch(/^chaos\s+cursor\s+\d\d:\d\d:\d\d \([\dms ]+ ago\)\s+1\s+\d+$/m);

      const byCursor = jsonOf<{ entries: LogEntry[] }>(await cli(['logs', 'chaos', '--client', 'CURSOR', '--json']));
      expect(byCursor.entries.map((entry) => [entry.fields?.tool, entry.fields?.client])).toEqual([['echo', 'cursor']]);
      const byTray = jsonOf<{ entries: LogEntry[] }>(await cli(['logs', 'chaos', '--client', 'mcp tray', '--json']));
      expect(byTray.entries.length).toBeGreaterThan(0);
      expect(byTray.entries.every((entry) => entry.source === 'call' && entry.fields?.client === 'MCP Tray')).toBe(true);
      const nobody = await cli(['logs', 'chaos', '--client', 'codex']);
      expect(nobody.stdout).toBe('No log entries from calls by codex for "chaos" yet.\n');
    } finally {
      launcher.child.kill('SIGKILL');
      await launcher.exited;
    }
  });

  it('logs --follow prints the backlog, then new entries as they come, until Ctrl+C', async () => {
    const follower = sandbox.spawn(['logs', 'chaos', '--follow', '--limit', '1']);
    await waitFor('the follower to print its backlog', () => follower.stdout().length > 0);
    await cli(['call', 'chaos', 'log', 'level=error', 'message=followed marker 1']);
    await waitForOutput(follower, /ERROR {2}followed marker 1$/m);
    await cli(['call', 'chaos', 'log', 'level=info', 'message=followed marker 2']);
    await waitForOutput(follower, /INFO {3}followed marker 2$/m);
    follower.child.kill('SIGINT');
    const result = await follower.exited;
    expect(result.code, describeRun(result)).toBe(0);
    // Each entry exactly once: the backlog and the live stream do not overlap.
    expect(result.stdout.match(/followed marker 1/g)).toHaveLength(1);
    expect(result.stderr).toBe('');
  });

  it('servers add through the manager starts the new server at once; secrets set restarts it with the secret', async () => {
    const added = await cli(['servers', 'add', 'chaos-two', '--secret', 'TWO_TOKEN', '--', process.execPath, chaosServerPath]);
    expect(added.code, describeRun(added)).toBe(0);
    expect(added.stdout).toMatch(/^chaos-two: running \(pid \d+\)$/m);
    const set = await cli(['secrets', 'set', 'chaos-two', 'TWO_TOKEN'], 'two-token-value');
    expect(set.code, describeRun(set)).toBe(0);
    const keys = await cli(['call', 'chaos-two', 'env_keys']);
    expect(JSON.parse(keys.stdout)).toContain('TWO_TOKEN');
    await status();
    const removed = await cli(['servers', 'remove', 'chaos-two']);
    expect(removed.code, describeRun(removed)).toBe(0);
  });

  it('SIGINT stops every server, ends followers, removes the socket and exits 0', async () => {
    const json = await status();
    const livePids = json.servers.map((server) => server.health.pid).filter((pid): pid is number => pid !== null);
    expect(livePids.length).toBe(3);
    for (const pid of (await startsRecorded(startLog))) serverPids.add(pid);
    const follower = sandbox.spawn(['logs', 'weather', '--follow']);
    await waitForOutput(follower, /weather/);

    manager.child.kill('SIGINT');
    const result = await manager.exited;
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.signal).toBeNull();
    expect(result.stderr).toContain('SIGINT: stopping every server');
    expect(result.stderr).toContain('MCP Tray stopped.');
    expect(result.stderr).not.toContain('stopping at once');
    // Every log entry was printed as a readable line.
    expect(result.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} {2}weather +INFO {3}running \(pid \d+\)/m);

    for (const pid of serverPids) expect(isAlive(pid), `server pid ${pid}`).toBe(false);
    expect(existsSync(path.join(sandbox.dataDir, 'control.sock'))).toBe(false);

    const followed = await follower.exited;
    expect(followed.code, describeRun(followed)).toBe(0);
    expect(followed.stderr).toContain('MCP Tray stopped; no more logs.');

    const after = await cli(['status', '--json']);
    expect(jsonOf<StatusJson>(after).manager.running).toBe(false);
  });
});
