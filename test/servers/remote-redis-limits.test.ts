import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServerProcess, type HttpServerProcess } from './fixtures/http-server-process';
import { redisMissingReason, startRedis, type RedisProcess } from './fixtures/redis-process';
import { connectRemote, fetchMetrics, waitForReadyStatus, type RemoteClient } from './fixtures/remote-client';
import { startFakeOpenMeteo, weatherEnv, type FakeOpenMeteo } from './fixtures/weather-fake-open-meteo';

const KEY = 'ci-key-5c0e8a1f93b7d246';
const missing = redisMissingReason();
if (missing) console.warn(`Skipping the shared rate-limit tests: ${missing}`);

let openMeteo: FakeOpenMeteo;
const processes: HttpServerProcess[] = [];
const clients: RemoteClient[] = [];
const redises: RedisProcess[] = [];

beforeAll(async () => {
  openMeteo = await startFakeOpenMeteo();
});
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close().catch(() => {});
  for (const server of processes.splice(0)) await server.stop();
  for (const redis of redises.splice(0)) await redis.kill();
});
afterAll(() => openMeteo?.close());

async function startReplica(redis: RedisProcess, env: Record<string, string>): Promise<{ server: HttpServerProcess; client: RemoteClient }> {
  const server = await startHttpServerProcess('weather', weatherEnv(openMeteo, { MCP_AUTH_TOKENS: `ci:${KEY}`, REDIS_URL: redis.url, ...env }));
  processes.push(server);
  const client = await connectRemote(server.url, KEY);
  clients.push(client);
  await waitForReadyStatus(server.url, 200);
  return { server, client };
}

const WEATHER_CALL = { location: '52.52,13.41' };

describe.skipIf(missing !== undefined)('rate limits shared through Redis', { timeout: 90_000 }, () => {
  it('two server processes together admit exactly the shared limit for one caller', async () => {
    const redis = await startRedis();
    redises.push(redis);
    const settings = { RATE_LIMIT_RPM: '1', RATE_LIMIT_BURST: '6' };
    const replicas = [await startReplica(redis, settings), await startReplica(redis, settings)];
    const results = await Promise.all(Array.from({ length: 14 }, (_, i) => replicas[i % 2]!.client.call('get_weather', WEATHER_CALL)));
    const admitted = results.filter((result) => !result.isError);
    const limited = results.filter((result) => result.isError);
    expect(admitted).toHaveLength(6);
    expect(limited).toHaveLength(8);
    for (const result of limited) expect(result.text).toMatch(/Too many tool calls from ci: the limit is reached\. Try again in \d+ s\./);
    // Lists are never limited.
    expect(await replicas[0]!.client.listToolNames()).toContain('get_weather');
  });

  it('keeps each configured mode while Redis is down, keeps answering, and recovers when it returns', async () => {
    const redis = await startRedis();
    redises.push(redis);
    const open = await startReplica(redis, { RATE_LIMIT_ON_REDIS_ERROR: 'open' });
    const closed = await startReplica(redis, { RATE_LIMIT_ON_REDIS_ERROR: 'closed' });
    expect((await closed.client.call('get_weather', WEATHER_CALL)).isError ?? false).toBe(false);

    await redis.kill();
    // Both see the outage first, so the ready answer awaited after the restart is a fresh one.
    await waitForReadyStatus(open.server.url, 503);
    await waitForReadyStatus(closed.server.url, 503);
    const letThrough = await open.client.call('get_weather', WEATHER_CALL);
    expect(letThrough.isError ?? false).toBe(false);
    const refused = await closed.client.call('get_weather', WEATHER_CALL);
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/cannot check its rate limits right now, so it is refusing tool calls\. Try again in \d+ s\./);
    expect(await closed.client.listToolNames()).toContain('get_weather');
    const metrics = await fetchMetrics(closed.server.url, KEY);
    expect(metrics).toMatch(/mcp_rate_limit_store_errors_total\{mode="closed",server="weather"\} [1-9]/);
    expect(closed.server.logLines().some((line) => String(line.msg).startsWith('Rate limits cannot reach Redis; refusing tool calls'))).toBe(true);

    await redis.restart();
    await waitForReadyStatus(closed.server.url, 200);
    const recovered = await closed.client.call('get_weather', WEATHER_CALL);
    expect({ isError: recovered.isError ?? false, text: recovered.text }).toMatchObject({ isError: false });
    expect(open.server.child.exitCode).toBeNull();
    expect(closed.server.child.exitCode).toBeNull();
  });
});
