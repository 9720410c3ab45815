import { afterEach, describe, expect, it } from 'vitest';
import { redisMissingReason, startRedis } from '../../../../test/servers/fixtures/redis-process';
import { createServerLogger } from '../logger';
import { closeRedisConnection, createRedisConnection } from './redis-connection';
import { RedisResponseCache } from './redis-response-cache';

const missing = redisMissingReason();
if (missing) console.warn(`Skipping the Redis response cache tests: ${missing}`);

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp() {
  const redis = await startRedis();
  cleanups.push(() => redis.kill());
  const lines: Array<Record<string, unknown>> = [];
  const logger = createServerLogger('test', { level: 'info', write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  const connection = createRedisConnection(redis.url, logger);
  cleanups.push(() => closeRedisConnection(connection));
  while (!connection.isReady) await new Promise((resolve) => setTimeout(resolve, 20));
  const cache = new RedisResponseCache(connection, { keyPrefix: 'test:cache:', logger, maxValueBytes: 1024 });
  return { redis, connection, cache, lines };
}

describe.skipIf(missing !== undefined)('RedisResponseCache', { timeout: 30_000 }, () => {
  it('stores a value under a namespaced key of fixed length that expires with the given TTL', async () => {
    const { connection, cache } = await setUp();
    const typed = `a place name ${'x'.repeat(2_000)}`;
    await cache.set('place-search', typed, [{ name: 'Paris' }], 60_000);
    const found = await cache.get('place-search', typed);
    expect(found?.value).toEqual([{ name: 'Paris' }]);
    expect(found?.ttlMs).toBeGreaterThan(0);
    expect(found?.ttlMs).toBeLessThanOrEqual(60_000);
    const keys = await connection.keys('*');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^test:cache:v1:place-search:[A-Za-z0-9_-]{43}$/);
    expect(await cache.get('place-search', 'another place')).toBeUndefined();
  });

  it('leaves out a value larger than the cap', async () => {
    const { connection, cache } = await setUp();
    await cache.set('current-forecast', 'big', { padding: 'x'.repeat(2_000) }, 60_000);
    expect(await cache.get('current-forecast', 'big')).toBeUndefined();
    expect(await connection.dbSize()).toBe(0);
  });

  it('reads as empty and drops writes while Redis is down, logging it once', async () => {
    const { redis, cache, lines } = await setUp();
    await redis.kill();
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await cache.get('place-search', 'paris')).toBeUndefined();
      await expect(cache.set('place-search', 'paris', [], 60_000)).resolves.toBeUndefined();
    }
    expect(lines.filter((line) => String(line.msg).startsWith('The shared response cache cannot reach Redis'))).toHaveLength(1);
  });
});
