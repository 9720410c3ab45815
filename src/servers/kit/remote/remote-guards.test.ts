import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createServerLogger } from '../logger';
import { startRemoteMode, type RemoteMode } from './remote-mode';
import { runThroughToolCallGate } from './tool-call-gate';

const CANARY = 'canary-4e1d9b7a2c6f8e30';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

interface Harness {
  url: string;
  logs: string[];
  mode: RemoteMode;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A node:http server that calls the guards the way the HTTP transport does, with one pretend tool at /mcp. */
async function start(env: NodeJS.ProcessEnv): Promise<Harness> {
  const logs: string[] = [];
  const logger = createServerLogger('weather', { write: (line) => logs.push(line) });
  const mode = startRemoteMode({ server: 'weather', env, logger });
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (await mode.guards.handleAuxiliaryRoute(req, res)) return;
      if (!(await mode.guards.authenticate(req, res))) return;
      await new Promise((resolve) => setImmediate(resolve));
      const result = await runThroughToolCallGate('get_weather', async () => {
        logger.info('inside the tool');
        return { content: [{ type: 'text', text: 'sunny' }] };
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await mode.guards.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, logs, mode };
}

describe('RemoteGuards', () => {
  it('tags every log line of a request with its correlation id, from traceparent, and sends it back', async () => {
    const { url, logs } = await start({ MCP_AUTH_TOKENS: `ci:${CANARY}` });
    const response = await fetch(`${url}/mcp`, {
      headers: { authorization: `Bearer ${CANARY}`, traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(TRACE_ID);
    const line = logs.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => entry.msg === 'inside the tool');
    expect(line).toMatchObject({ correlation_id: TRACE_ID, caller: 'ci' });

    const generated = await fetch(`${url}/mcp`, { headers: { authorization: `Bearer ${CANARY}`, 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const fromHeader = await fetch(`${url}/mcp`, { headers: { authorization: `Bearer ${CANARY}`, 'x-request-id': 'req-42' } });
    expect(fromHeader.headers.get('x-request-id')).toBe('req-42');
  });

  it('refuses a missing or wrong key with 401 and a Bearer challenge', async () => {
    const { url } = await start({ MCP_AUTH_TOKENS: `ci:${CANARY}` });
    for (const headers of [{}, { authorization: `Bearer ${CANARY}-old` }] as Array<Record<string, string>>) {
      const response = await fetch(`${url}/mcp`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    }
  });

  it('answers a limited call with an isError result that says when to retry, and counts it', async () => {
    const { url } = await start({ MCP_AUTH_TOKENS: `ci:${CANARY}`, RATE_LIMIT_RPM: '1', RATE_LIMIT_BURST: '2' });
    const headers = { authorization: `Bearer ${CANARY}` };
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await (await fetch(`${url}/mcp`, { headers })).json()) as { isError?: boolean; content: Array<{ text: string }> });
    expect(results.map((result) => result.isError ?? false)).toEqual([false, false, true]);
    expect(results[2]!.content[0]!.text).toMatch(/Too many tool calls from ci: the limit is reached\. Try again in \d+ s\./);
    const metrics = await (await fetch(`${url}/metrics`, { headers })).text();
    expect(metrics).toContain('mcp_rate_limit_rejections_total{caller="ci",server="weather"} 1');
    expect(metrics).toContain('mcp_tool_calls_total{tool="get_weather",outcome="ok",caller="ci",server="weather"} 2');
  });

  it('guards /metrics with the same auth unless METRICS_PUBLIC=1, and serves /ready', async () => {
    const guarded = await start({ MCP_AUTH_TOKENS: `ci:${CANARY}` });
    expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
    const open = await start({ MCP_AUTH_TOKENS: `ci:${CANARY}`, METRICS_PUBLIC: '1' });
    expect((await fetch(`${open.url}/metrics`)).status).toBe(200);
    const ready = await fetch(`${open.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: {} });
  });

  it('reports not ready while the configured Redis is unreachable', async () => {
    const { url } = await start({ REDIS_URL: 'redis://127.0.0.1:9' });
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not ready', checks: { redis: 'Redis is not connected' } });
  });

  it('keeps a canary token out of every log line and the metrics', async () => {
    const { url, logs } = await start({ MCP_AUTH_TOKENS: `ci:${CANARY}`, LOG_LEVEL: 'trace' });
    await fetch(`${url}/mcp`, { headers: { authorization: `Bearer ${CANARY}` } });
    await fetch(`${url}/mcp`, { headers: { authorization: `Bearer ${CANARY}x` } });
    const metrics = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${CANARY}` } })).text();
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(CANARY);
    expect(metrics).not.toContain(CANARY);
  });
});
