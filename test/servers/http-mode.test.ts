import { Client as ModernClient, StreamableHTTPClientTransport as ModernHttpTransport } from '@modelcontextprotocol/client';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { builtServerPath, runRaw, initializeMessages } from '../support/mcp-child';
import { startHoldingUpstream, type HoldingUpstream } from './fixtures/holding-upstream';
import { postJsonRpc, startHttpServerProcess, type HttpServerProcess } from './fixtures/http-server-process';
import { startFakeOpenMeteo, weatherEnv } from './fixtures/weather-fake-open-meteo';
import { forecastFixture } from './fixtures/weather-open-meteo-data';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function weatherOverHttp(env: Record<string, string> = {}): Promise<HttpServerProcess> {
  const upstream = await startFakeOpenMeteo();
  cleanups.push(() => upstream.close());
  const server = await startHttpServerProcess('weather', { ...weatherEnv(upstream), ...env });
  cleanups.push(() => server.stop());
  return server;
}

const listTools = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '0' } } };

describe('--http switches the transport, and only the flag does', () => {
  it('stays on stdio when PORT and HOST are set but --http is not', async () => {
    const upstream = await startFakeOpenMeteo();
    cleanups.push(() => upstream.close());
    const run = await runRaw('weather', { ...weatherEnv(upstream), PORT: '0', HOST: '127.0.0.1' }, initializeMessages, 1);
    expect(JSON.parse(run.stdoutLines[0]!)).toMatchObject({ id: 1, result: { serverInfo: { name: 'mcp-tray-weather' } } });
    expect(run.stderr).not.toContain('"listening"');
  });

  it('listens on 127.0.0.1 by default, statelessly at /mcp', async () => {
    const server = await weatherOverHttp();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const answer = await postJsonRpc(server.url, listTools);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('mcp-session-id')).toBeNull();
  });
});

describe('binding', () => {
  it('refuses a non-loopback address without authentication, and says why', async () => {
    const child = spawn(process.execPath, [builtServerPath('weather'), '--http'], {
      env: { PATH: process.env.PATH ?? '', HOST: '0.0.0.0', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Refusing to listen on 0.0.0.0');
    expect(stderr).toContain('MCP_AUTH_TOKENS');
  });
});

// MCP basic/transports, "Security Warning": servers must validate Origin, and local servers should check Host.
describe('DNS-rebinding protection', () => {
  it('refuses a Host header that is not on the allow-list', async () => {
    const server = await weatherOverHttp();
    const status = await rawStatus(server.url, { host: 'evil.example' });
    expect(status).toBe(403);
  });

  it('refuses a foreign Origin and accepts a local one', async () => {
    const server = await weatherOverHttp();
    expect((await postJsonRpc(server.url, listTools, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await postJsonRpc(server.url, listTools, { origin: 'http://localhost:5173' })).status).toBe(200);
  });
});

describe('limits', () => {
  it('answers 413 to a body over MCP_MAX_BODY_BYTES', async () => {
    const server = await weatherOverHttp({ MCP_MAX_BODY_BYTES: '2048' });
    const answer = await postJsonRpc(server.url, { ...listTools, padding: 'x'.repeat(4096) });
    expect(answer.status).toBe(413);
  });

  it('drops a client that never finishes its headers', async () => {
    const server = await weatherOverHttp({ MCP_HEADERS_TIMEOUT_MS: '500', MCP_REQUEST_TIMEOUT_MS: '500' });
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.write('POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('SIGTERM', () => {
  it('stops accepting, lets the call in flight finish, then exits 0', async () => {
    const upstream: HoldingUpstream = await startHoldingUpstream();
    cleanups.push(() => upstream.close());
    const server = await startHttpServerProcess('weather', {
      WEATHER_API_URL: upstream.url,
      GEOCODING_API_URL: upstream.url,
      WEATHER_TIMEOUT_MS: '60000',
      MCP_DRAIN_TIMEOUT_MS: '60000',
    });
    cleanups.push(() => server.stop());
    const client = new ModernClient({ name: 'drain-test', version: '0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(new ModernHttpTransport(new URL(server.url)));
    const call = client.callTool({ name: 'get_weather', arguments: { location: '10.5,20.5' } });
    await upstream.nthRequest(1);

    server.child.kill('SIGTERM');
    await waitForLog(server, 'draining');
    await expect(fetch(server.url, { method: 'POST', body: '{}' })).rejects.toThrow();

    // The held upstream request is still open: the server waits for it instead of aborting it.
    expect(server.child.exitCode).toBeNull();
    upstream.answerHeld((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(forecastFixture(new URLSearchParams({ latitude: '10.5', longitude: '20.5', current: 'x' }))));
    });
    const result = await call;
    expect(result.isError ?? false).toBe(false);
    expect(await server.exited).toBe(0);
  });

  it('aborts what is still running at the drain deadline, and still exits 0', async () => {
    const upstream = await startHoldingUpstream();
    cleanups.push(() => upstream.close());
    const server = await startHttpServerProcess('weather', {
      WEATHER_API_URL: upstream.url,
      GEOCODING_API_URL: upstream.url,
      WEATHER_TIMEOUT_MS: '60000',
      MCP_DRAIN_TIMEOUT_MS: '200',
    });
    cleanups.push(() => server.stop());
    const call = postJsonRpc(server.url, {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'get_weather', arguments: { location: '11.5,21.5' } },
    }).catch(() => undefined);
    await upstream.nthRequest(1);
    server.child.kill('SIGTERM');
    await upstream.nthClosed(1);
    expect(await server.exited).toBe(0);
    await call;
  });
});

async function waitForLog(server: HttpServerProcess, msg: string): Promise<void> {
  if (server.logLines().some((line) => line.msg === msg)) return;
  await new Promise<void>((resolve) => {
    const check = () => {
      if (!server.logLines().some((line) => line.msg === msg)) return;
      server.child.stderr.off('data', check);
      resolve();
    };
    server.child.stderr.on('data', check);
  });
}

function rawStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(JSON.stringify(listTools));
  });
}
