import { afterEach, describe, expect, it } from 'vitest';
import { redisMissingReason, startRedis, type RedisProcess } from '../../../../test/servers/fixtures/redis-process';
import { createServerLogger } from '../logger';
import { closeRedisConnection, createRedisConnection, type RedisConnection } from './redis-connection';
import { RedisRateLimiter, type RedisFailureMode } from './redis-rate-limiter';

const missing = redisMissingReason();
if (missing) console.warn(`Skipping the Redis rate-limit tests: ${missing}`);

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function logLines() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createServerLogger('test', { level: 'info', write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { lines, logger };
}

async function setUp(mode: RedisFailureMode) {
  const redis = await startRedis();
  cleanups.push(() => redis.kill());
  const { lines, logger } = logLines();
  const storeErrors: RedisFailureMode[] = [];
  const limiters: RedisRateLimiter[] = [];
  const connections: RedisConnection[] = [];
  for (let replica = 0; replica < 2; replica++) {
    const connection = createRedisConnection(redis.url, logger);
    connections.push(connection);
    cleanups.push(() => closeRedisConnection(connection));
    limiters.push(
      new RedisRateLimiter(connection, {
        settings: { perMinute: 1, burst: 5 },
        keyPrefix: `test:${mode}:`,
        onRedisError: mode,
        logger,
        onStoreError: (failedMode) => storeErrors.push(failedMode),
      }),
    );
  }
  await Promise.all(connections.map((connection) => waitUntil(() => connection.isReady)));
  return { redis, limiters, lines, storeErrors, connections };
}

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe.skipIf(missing !== undefined)('RedisRateLimiter', () => {
  it('shares one bucket per caller between two replicas, admitting exactly the burst', async () => {
    const { limiters } = await setUp('open');
    const verdicts = await Promise.all(Array.from({ length: 12 }, (_, i) => limiters[i % 2]!.take('alice')));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(5);
    const refused = verdicts.find((verdict) => !verdict.allowed);
    expect(refused).toMatchObject({ allowed: false });
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((await limiters[1]!.take('bob')).allowed).toBe(true);
  });

  it('lets calls through while Redis is down in open mode, counts it, logs once, and recovers', async () => {
    const { redis, limiters, lines, storeErrors, connections } = await setUp('open');
    await redis.kill();
    for (let i = 0; i < 10; i++) expect(await limiters[0]!.take('alice')).toEqual({ allowed: true });
    expect(storeErrors).toEqual(Array(10).fill('open'));
    expect(lines.filter((line) => String(line.msg).startsWith('Rate limits cannot reach Redis'))).toHaveLength(1);
    await redis.restart();
    await waitUntil(() => connections[0]!.isReady);
    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push(await limiters[0]!.take('alice'));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(5);
  });

  it('refuses calls while Redis is down in closed mode, saying when to retry', async () => {
    const { redis, limiters, storeErrors } = await setUp('closed');
    await redis.kill();
    expect(await limiters[0]!.take('alice')).toEqual({ allowed: false, retryAfterSeconds: 5, reason: 'store-unavailable' });
    expect(storeErrors).toEqual(['closed']);
  });
});
