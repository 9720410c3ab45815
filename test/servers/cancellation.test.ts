import { Client as ModernClient, StreamableHTTPClientTransport as ModernHttpTransport } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import { connectToBuiltServer, type ConnectedServer } from '../support/mcp-child';
import { OCTOCAT_TOKEN } from './fixtures/github-data';
import { startHoldingUpstream, type HoldingUpstream } from './fixtures/holding-upstream';
import { startHttpServerProcess, type HttpServerProcess } from './fixtures/http-server-process';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function holding(...args: Parameters<typeof startHoldingUpstream>): Promise<HoldingUpstream> {
  const upstream = await startHoldingUpstream(...args);
  cleanups.push(() => upstream.close());
  return upstream;
}

async function stdioServer(id: 'weather' | 'github', env: Record<string, string>): Promise<ConnectedServer> {
  const server = await connectToBuiltServer(id, env);
  cleanups.push(() => server.close());
  return server;
}

async function httpServer(id: 'weather' | 'github', env: Record<string, string>): Promise<HttpServerProcess> {
  const server = await startHttpServerProcess(id, env);
  cleanups.push(() => server.stop());
  return server;
}

function weatherEnvFor(upstream: HoldingUpstream): Record<string, string> {
  return { WEATHER_API_URL: upstream.url, GEOCODING_API_URL: upstream.url, WEATHER_TIMEOUT_MS: '60000', LOG_LEVEL: 'debug' };
}

function githubEnvFor(upstream: HoldingUpstream): Record<string, string> {
  return { GITHUB_API_URL: upstream.url, GITHUB_TOKEN: OCTOCAT_TOKEN, GITHUB_TIMEOUT_MS: '60000' };
}

describe('a cancelled call aborts its upstream request at once', () => {
  it('weather over stdio: notifications/cancelled closes the Open-Meteo request', async () => {
    const upstream = await holding();
    const server = await stdioServer('weather', weatherEnvFor(upstream));
    const controller = new AbortController();
    const call = server.client.callTool({ name: 'get_weather', arguments: { location: '52.52,13.41' } }, undefined, { signal: controller.signal });
    await upstream.nthRequest(1);
    controller.abort('the person pressed stop');
    await expect(call).rejects.toThrow();
    await upstream.nthClosed(1);
  });

  it('weather over stdio: a cancel during the wait before a retry stops the retries', async () => {
    // The first answer asks to come back in 5 s; the cancel arrives during that wait.
    const upstream = await holding((res) => {
      res.writeHead(503, { 'retry-after': '5', 'content-type': 'application/json' });
      res.end('{"error":true,"reason":"busy"}');
    }, 1);
    const server = await stdioServer('weather', { ...weatherEnvFor(upstream), WEATHER_RETRIES: '2' });
    const stderr = (server.client.transport as { stderr?: NodeJS.ReadableStream } | undefined)?.stderr;
    const controller = new AbortController();
    const call = server.client.callTool({ name: 'get_weather', arguments: { location: '48.85,2.35' } }, undefined, { signal: controller.signal });
    await upstream.nthRequest(1);
    const logLines = () =>
      server
        .stderr()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    await waitFor(() => logLines().some((line) => line.msg === 'retrying upstream request'), stderr);
    controller.abort('cancelled while waiting');
    await expect(call).rejects.toThrow();
    await waitFor(() => logLines().some((line) => line.msg === 'tool call' && line.outcome === 'cancelled'), stderr);
    // The shared load gives up too (nobody waits for it any more) instead of retrying in 5 s.
    await waitFor(() => logLines().some((line) => line.msg === 'upstream request abandoned: the caller cancelled'), stderr);
    expect(upstream.received).toBe(1);
  });

  it('github over HTTP: a client that goes away closes the GitHub request', async () => {
    const upstream = await holding();
    const server = await httpServer('github', { ...githubEnvFor(upstream), MCP_AUTH: 'none' });
    const client = new ModernClient({ name: 'cancel-test', version: '0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(new ModernHttpTransport(new URL(server.url)));
    cleanups.push(() => client.close());
    const controller = new AbortController();
    const call = client.callTool({ name: 'get_me', arguments: {} }, { signal: controller.signal });
    await upstream.nthRequest(1);
    controller.abort();
    await expect(call).rejects.toThrow();
    await upstream.nthClosed(1);
  });

  it('github over stdio: notifications/cancelled closes the GitHub request', async () => {
    const upstream = await holding();
    const server = await stdioServer('github', githubEnvFor(upstream));
    const controller = new AbortController();
    const call = server.client.callTool({ name: 'get_me', arguments: {} }, undefined, { signal: controller.signal });
    await upstream.nthRequest(1);
    controller.abort('stop');
    await expect(call).rejects.toThrow();
    await upstream.nthClosed(1);
  });

  it('weather over HTTP: a raw client that hangs up closes the Open-Meteo request', async () => {
    const upstream = await holding();
    const server = await httpServer('weather', weatherEnvFor(upstream));
    const controller = new AbortController();
    const request = fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get_weather', arguments: { location: '1.5,2.5' } } }),
      signal: controller.signal,
    });
    await upstream.nthRequest(1);
    controller.abort();
    await expect(request).rejects.toThrow();
    await upstream.nthClosed(1);
  });
});

/** Resolves once `condition` holds, checking again whenever the stream has written more. */
async function waitFor(condition: () => boolean, stream: NodeJS.ReadableStream | undefined): Promise<void> {
  if (condition()) return;
  await new Promise<void>((resolve) => {
    const check = () => {
      if (!condition()) return;
      stream?.off('data', check);
      resolve();
    };
    stream?.on('data', check);
  });
}
