/**
 * `mcp-tray serve` as a person runs it: the BUILT CLI in a sandbox (temp HOME and data folder, the
 * run's isolated keychain, weather pointed at a fake Open-Meteo), driven over HTTP with the token
 * from the printed link, alongside the other mcp-tray commands, then stopped with Ctrl+C.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Health, ServerSummary } from '../../src/shared/contract';
import { projectRoot } from '../support/mcp-child';
import { isAlive, waitFor } from '../support/chaos';
import { startFakeOpenMeteo, type FakeOpenMeteo } from '../servers/fixtures/weather-fake-open-meteo';
import { createCliSandbox, describeRun, jsonOf, waitForOutput, type BackgroundCli, type CliSandbox } from './cli-harness';
import { callMethod, openEventStream, rawRequest, tokenOf } from '../surfaces/http/serve-http-support';

const LINK = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43})$/m;
const GITHUB_SECRET = 'ghp_serve_test_secret_value_0123456789';

interface Envelope<T> {
  ok: boolean;
  result?: T;
  error?: { code: string; message: string };
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() ? [full] : [];
  });
}

describe('mcp-tray serve', { timeout: 60_000 }, () => {
  let sandbox: CliSandbox;
  let upstream: FakeOpenMeteo;
  let serve: BackgroundCli;
  let origin: string;
  let token: string;
  const serverPids = new Set<number>();

  async function call<T>(method: string, input: unknown): Promise<Envelope<T>> {
    const response = await callMethod(origin, token, method, input);
    expect(response.status, response.body).toBe(200);
    return JSON.parse(response.body) as Envelope<T>;
  }
  async function servers(): Promise<ServerSummary[]> {
    const list = (await call<ServerSummary[]>('servers.list', {})).result ?? [];
    for (const server of list) if (server.health.pid !== null) serverPids.add(server.health.pid);
    return list;
  }

  beforeAll(async () => {
    if (!existsSync(path.join(projectRoot, 'out/renderer/index.html'))) {
      throw new Error('out/renderer/index.html is missing: build the UI with "npx electron-vite build" (npm run build does).');
    }
    sandbox = await createCliSandbox('serve-cli');
    upstream = await startFakeOpenMeteo();
    for (const [args, input] of [
      [['servers', 'env', 'weather', `WEATHER_API_URL=${upstream.url}`, `GEOCODING_API_URL=${upstream.url}`], undefined],
      // Never the real GitHub: a closed port on this machine.
      [['servers', 'env', 'github', 'GITHUB_API_URL=http://127.0.0.1:9'], undefined],
      [['secrets', 'set', 'github', 'GITHUB_TOKEN'], GITHUB_SECRET],
    ] as const) {
      const result = await sandbox.run([...args], input === undefined ? {} : { input });
      expect(result.code, describeRun(result)).toBe(0);
    }
    serve = sandbox.spawn(['serve', '--no-open']);
    await waitForOutput(serve, LINK, 'stdout');
    const link = LINK.exec(serve.stdout())?.[0] as string;
    origin = new URL(link).origin;
    token = tokenOf(link);
    await waitFor('every autostart server to run', async () => (await servers()).every((server) => server.health.state === 'running'), 30_000);
  }, 90_000);

  afterAll(async () => {
    serve?.child.kill('SIGKILL');
    await upstream?.close();
    await sandbox?.remove();
  });

  it('prints the link on stdout and says on stderr what it is', () => {
    expect(serve.stdout().split('\n')[0]).toMatch(LINK);
    expect(serve.stderr()).toContain('MCP Tray UI: open this link');
    expect(serve.stderr()).toContain(`MCP Tray is running (pid ${serve.child.pid}).`);
  });

  it('refuses requests without the token (401)', async () => {
    expect((await rawRequest(origin, '/')).status).toBe(401);
    const call = await rawRequest(origin, '/api/call/servers.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(call.status).toBe(401);
    expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect((await rawRequest(origin, '/api/events')).status).toBe(401);
  });

  it('refuses a foreign Host and a foreign Origin (403), token or not', async () => {
    const port = new URL(origin).port;
    expect((await callMethod(origin, token, 'servers.list', {}, { host: `rebound.example:${port}` })).status).toBe(403);
    expect((await rawRequest(origin, `/?token=${token}`, { headers: { host: `rebound.example:${port}` } })).status).toBe(403);
    expect((await callMethod(origin, token, 'servers.list', {}, { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('answers contract calls, and bad input with the invalid_input envelope', async () => {
    expect((await servers()).map((server) => [server.id, server.health.state])).toEqual([
      ['weather', 'running'],
      ['github', 'running'],
    ]);
    const bad = await call('servers.start', { id: 'NOT VALID' });
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('invalid_input');
    expect(bad.error?.message).toMatch(/^id: /);
    const unknown = await call('servers.start', { id: 'nosuch' });
    expect(unknown.error?.code).toBe('not_found');

    const weather = await call<{ result: { content: Array<{ type: string; text?: string }> } }>('tools.call', {
      serverId: 'weather',
      name: 'get_weather',
      arguments: { location: 'Berlin' },
    });
    expect(weather.ok, JSON.stringify(weather.error)).toBe(true);
    expect(weather.result?.result.content.map((item) => item.text ?? '').join('\n')).toContain('Berlin');
    const secrets = await call<{ secrets: Array<{ serverId: string; name: string; isSet: boolean }> }>('secrets.list', {});
    expect(secrets.result?.secrets).toEqual([{ serverId: 'github', name: 'GITHUB_TOKEN', isSet: true }]);
  });

  it('streams server.health over SSE as a server stops and starts', async () => {
    const events = await openEventStream(origin, { authorization: `Bearer ${token}` });
    try {
      expect(events.status).toBe(200);
      expect((await call<Health>('servers.stop', { id: 'weather' })).result?.state).toBe('stopped');
      await events.waitForEvent('weather stopped', (event) => event.event === 'server.health' && (event.data as Health).serverId === 'weather' && (event.data as Health).state === 'stopped');
      expect((await call<Health>('servers.start', { id: 'weather' })).result?.state).toBe('running');
      const running = await events.waitForEvent(
        'weather running again',
        (event) => event.event === 'server.health' && (event.data as Health).serverId === 'weather' && (event.data as Health).state === 'running',
      );
      const pid = (running.data as Health).pid;
      expect(pid).not.toBeNull();
      serverPids.add(pid as number);
      expect(events.events().some((event) => event.event === 'log.entry')).toBe(true);
    } finally {
      events.close();
    }
  });

  it('serves the built UI with a strict CSP', async () => {
    const page = await rawRequest(origin, `/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'self'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script, page.body).toBeDefined();
    const asset = await rawRequest(origin, `/${script}`, { headers: { cookie: (page.headers['set-cookie']?.[0] ?? '').split(';')[0] as string } });
    expect([asset.status, asset.headers['content-type'], asset.headers['cache-control']]).toEqual([200, 'text/javascript; charset=utf-8', 'private, max-age=31536000, immutable']);
  });

  it('lets the other mcp-tray commands drive it through the control socket', async () => {
    const status = await sandbox.run(['status', '--json']);
    expect(status.code, describeRun(status)).toBe(0);
    expect(jsonOf<{ manager: { running: boolean; pid: number } }>(status).manager).toMatchObject({ running: true, pid: serve.child.pid });
    const second = await sandbox.run(['serve', '--no-open']);
    expect(second.code, describeRun(second)).toBe(1);
    expect(second.stderr).toContain('MCP Tray is already running');
  });

  it('refuses to listen anywhere but 127.0.0.1, and a bad port', async () => {
    const network = await sandbox.run(['serve', '--host', '0.0.0.0']);
    expect(network.code, describeRun(network)).toBe(2);
    expect(network.stderr).toContain('mcp-tray serve listens on 127.0.0.1 only, not on "0.0.0.0"');
    const port = await sandbox.run(['serve', '--port', '70000']);
    expect(port.code, describeRun(port)).toBe(2);
    expect(port.stderr).toContain('--port must be a whole number from 0 to 65535');
  });

  it('says so when the port is taken, and leaves nothing running', async () => {
    const other = await createCliSandbox('serve-port');
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as { port: number }).port;
      const result = await other.run(['serve', '--no-open', '--port', String(port)]);
      expect(result.code, describeRun(result)).toBe(1);
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is in use`);
      expect(existsSync(path.join(other.dataDir, 'control.sock'))).toBe(false);
    } finally {
      blocker.close();
      await other.remove();
    }
  });

  it('Ctrl+C stops every server and exits 0; the token was written once, in the link, and no secret anywhere', async () => {
    for (const server of await servers()) expect(server.health.state).toBe('running');
    serve.child.kill('SIGINT');
    const result = await serve.exited;
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stderr).toContain('SIGINT: stopping every server');
    expect(result.stderr).toContain('MCP Tray stopped.');
    for (const pid of serverPids) expect(isAlive(pid), `server pid ${pid}`).toBe(false);
    expect(existsSync(path.join(sandbox.dataDir, 'control.sock'))).toBe(false);
    await expect(rawRequest(origin, '/')).rejects.toThrow(/ECONNREFUSED/);

    // Log lines were printed (the check below would pass vacuously on an empty output).
    expect(result.stdout).toMatch(/ weather +INFO {3}running \(pid \d+\)/);
    const lines = `${result.stdout}\n${result.stderr}`.split('\n');
    expect(lines.filter((line) => line.includes(token))).toEqual([`${origin}/?token=${token}`]);
    expect(lines.filter((line) => line.includes(GITHUB_SECRET))).toEqual([]);
    for (const file of filesUnder(sandbox.dataDir)) {
      if (!statSync(file).isFile()) continue;
      const text = readFileSync(file, 'utf8');
      expect(text.includes(token), file).toBe(false);
      expect(text.includes(GITHUB_SECRET), file).toBe(false);
    }
  });
});
