import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServerProcess, type HttpServerProcess } from './fixtures/http-server-process';
import { redisMissingReason, startRedis, type RedisProcess } from './fixtures/redis-process';
import { connectRemote, fetchMetrics, waitForReadyStatus, type RemoteClient } from './fixtures/remote-client';
import { startFakeOpenMeteo, weatherEnv, type FakeOpenMeteo } from './fixtures/weather-fake-open-meteo';

const KEY = 'cache-key-0e5d8b2f7a9c4316';
const CACHE_UNREACHABLE = 'The shared response cache cannot reach Redis; asking the upstream directly';
const missing = redisMissingReason();
if (missing) console.warn(`Skipping the shared response cache tests: ${missing}`);

let openMeteo: FakeOpenMeteo;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  openMeteo = await startFakeOpenMeteo();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  openMeteo.requests.splice(0);
});
afterAll(() => openMeteo?.close());

async function startReplica(redis: RedisProcess): Promise<{ server: HttpServerProcess; client: RemoteClient }> {
  const server = await startHttpServerProcess('weather', weatherEnv(openMeteo, { MCP_AUTH_TOKENS: `ci:${KEY}`, REDIS_URL: redis.url }));
  cleanups.push(() => server.stop());
  const client = await connectRemote(server.url, KEY);
  cleanups.push(() => client.close());
  await waitForReadyStatus(server.url, 200);
  return { server, client };
}

async function succeeds(client: RemoteClient, args: Record<string, unknown>): Promise<string> {
  const result = await client.call('get_weather', args);
  expect({ isError: result.isError ?? false, text: result.text }).toMatchObject({ isError: false });
  return result.text;
}

describe.skipIf(missing !== undefined)('the upstream response cache shared through Redis', { timeout: 90_000 }, () => {
  it('answers a second replica from the first one\'s upstream answer', async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.kill());
    const first = await startReplica(redis);
    const second = await startReplica(redis);

    const fromUpstream = await succeeds(first.client, { location: 'Paris, France' });
    const fromRedis = await succeeds(second.client, { location: 'Paris, France' });
    expect(fromRedis).toBe(fromUpstream);
    expect(openMeteo.searchRequests()).toHaveLength(1);
    expect(openMeteo.forecastRequests()).toHaveLength(1);

    const metrics = await fetchMetrics(second.server.url, KEY);
    expect(metrics).toContain('mcp_cache_lookups_total{cache="place-search",result="shared_hit",server="weather"} 1');
    expect(metrics).toContain('mcp_cache_lookups_total{cache="current-forecast",result="shared_hit",server="weather"} 1');
    expect(metrics).not.toContain('result="miss"');
  });

  it('keeps answering from the upstream when Redis goes away, and says so once', async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.kill());
    const first = await startReplica(redis);
    const second = await startReplica(redis);
    await succeeds(first.client, { location: '52.52,13.41' });

    await redis.kill();
    await waitForReadyStatus(second.server.url, 503);
    await succeeds(second.client, { location: '52.52,13.41' });
    await succeeds(second.client, { location: '48.85,2.35' });
    await succeeds(first.client, { location: '40.71,-74.01' });
    // Each of those three needed the upstream: nothing could be shared while Redis was down.
    expect(openMeteo.forecastRequests()).toHaveLength(4);
    for (const replica of [first, second]) {
      expect(replica.server.logLines().filter((line) => line.msg === CACHE_UNREACHABLE)).toHaveLength(1);
      expect(replica.server.child.exitCode).toBeNull();
    }
  });
});
